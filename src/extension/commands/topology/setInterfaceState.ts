// Bring Interface Up or Down: `ip link set IF up|down` through the helper. Arguments: namespace
// key or name, interface name, "up" or "down".
import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';

export const setInterfaceState: CommandFactory = (ctx) => async (which?: unknown, ifName?: unknown, state?: unknown) => {
  const picked = await ctx.topology.actions.pickInterface(which, ifName, 'Bring Interface Up or Down');
  if (!picked) return undefined;
  const wanted = state === 'up' || state === 'down' ? state : (await vscode.window.showQuickPick(['up', 'down'], { title: `${picked.ifName}: bring it…` }));
  if (wanted !== 'up' && wanted !== 'down') return undefined;
  return ctx.topology.actions.setLink(picked.namespace, picked.ifName, wanted);
};
