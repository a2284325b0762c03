// Capture on Interface: tcpdump through the helper into a .pcap in the workspace, until stopped.
// Arguments: a tree item, topology key or `ip netns` name, and an interface name; what is
// missing is picked. Returns {ok, message: the file}, or undefined when a picker was dismissed.
import { isCancellation } from '../../../core/exec/runTool';
import type { CommandContext, CommandFactory } from '../commandContext';
import { failed, movedSince, type ActionResult } from '../network/networkAction';
import { interfaceTarget, pickInterface } from '../network/interfaceTarget';
import { whichNamespace } from '../network/netnsArgs';

export const captureInterface: CommandFactory = (ctx) => async (which?: unknown, ifName?: unknown) => {
  const picked = await pickInterface(ctx, whichNamespace(which), ifName, 'Capture on Interface');
  return picked && capture(ctx, picked.namespace, picked.ifName);
};

async function capture(ctx: CommandContext, which: string, ifName: string): Promise<ActionResult> {
  const found = await interfaceTarget(ctx, which, ifName, 'capture', 'started');
  if ('ok' in found) return found;
  const { ns, target } = found;
  const moved = movedSince(ctx, target, ns);
  if (moved) return moved;
  try {
    const started = await ctx.topology.captures.start(ns, target, ifName);
    return { ok: true, message: started.file };
  } catch (error) {
    if (isCancellation(error)) return failed(ctx, 'Cancelled: no capture was started.', false);
    return failed(ctx, `Capture on ${ifName} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
