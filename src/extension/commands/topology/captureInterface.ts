// Capture on Interface: tcpdump through the helper into a .pcap in the workspace, until stopped.
import type { CommandFactory } from '../commandContext';
import { whichNamespace } from '../network/netnsArgs';

export const captureInterface: CommandFactory = (ctx) => async (which?: unknown, ifName?: unknown) => {
  const picked = await ctx.topology.actions.pickInterface(whichNamespace(which), ifName, 'Capture on Interface');
  return picked && ctx.topology.actions.capture(picked.namespace, picked.ifName);
};
