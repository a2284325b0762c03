// "Bring Interface Up/Down...": `ip link set IF up|down` through the helper. Arguments: a tree
// item, topology key or `ip netns` name, and an interface name; what is missing is picked.
// Bringing an interface of the host (or of VS Code's own namespace) down asks first
// ({confirmed: true} as third argument skips that: tests).
// Returns {ok, message}, or undefined when a picker was dismissed.
import * as vscode from 'vscode';
import type { CommandContext, CommandFactory } from '../commandContext';
import { act, failed, movedSince, type ActionResult } from './networkAction';
import { interfaceTarget, pickInterface } from './interfaceTarget';
import { shown } from './netNamespacePick';
import { objectArg, whichNamespace } from './netnsArgs';

export function setLinkState(state: 'up' | 'down'): CommandFactory {
  return (ctx) => async (which?: unknown, ifName?: unknown, options?: unknown) => {
    const title = `Bring Interface ${state === 'up' ? 'Up' : 'Down'}`;
    const picked = await pickInterface(ctx, whichNamespace(which), ifName, title, state);
    return picked && setLink(ctx, picked.namespace, picked.ifName, state, objectArg(options).confirmed === true);
  };
}

async function setLink(ctx: CommandContext, which: string, ifName: string, state: 'up' | 'down', confirmed: boolean): Promise<ActionResult> {
  const found = await interfaceTarget(ctx, which, ifName, 'act', 'changed');
  if ('ok' in found) return found;
  const { ns, target } = found;
  // Down on the host (or on VS Code's own namespace) may cut this machine off: asked, as Delete is.
  if (state === 'down' && (ns.isHost || ns.isOwn) && !confirmed) {
    const where = ns.isHost ? 'the host' : `${shown(ns)}, the namespace VS Code runs in`;
    const answer = await vscode.window.showWarningMessage(
      `Bring down ${ifName} on ${where}?`,
      { modal: true, detail: 'Connections through it stop, including a remote session of VS Code that uses it.' },
      'Bring Down',
    );
    if (answer !== 'Bring Down') return failed(ctx, 'Cancelled: nothing was changed.', false);
  }
  const moved = movedSince(ctx, target, ns);
  if (moved) return moved;
  return act(ctx, `Bringing ${ifName} ${state}`, () => ctx.helper.setLink(target, ifName, state), `${shown(ns)}/${ifName} is ${state === 'up' ? 'up' : 'down'}.`);
}
