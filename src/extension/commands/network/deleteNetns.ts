import * as vscode from 'vscode';
import { netnsNameOf } from '../../../core/helper/netTargetOf';
import type { CommandContext, CommandFactory } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';
import { netTargetOfNode, pickNetTarget } from './pickNetTarget';

export interface DeleteNetnsArgs {
  /** Skips the confirmation (tests; the palette and the tree always ask). */
  confirmed?: boolean;
}

/** The question asked before deleting: what goes away with it. */
export function deleteQuestion(name: string, processes: number): string {
  return (
    `Delete network namespace "${name}"? Its interfaces are removed (the other end of each veth pair too)` +
    (processes ? `; its ${processes} process${processes === 1 ? '' : 'es'} keep running in it but it loses its name.` : '.')
  );
}

/** "Delete Network Namespace": `ip netns del NAME` through the helper, after a modal confirmation. Returns true when deleted. */
export const deleteNetns: CommandFactory = (ctx) => async (nodeId?: unknown, arg?: unknown) => {
  const args = (typeof arg === 'object' && arg !== null ? arg : {}) as DeleteNetnsArgs;
  const picked = typeof nodeId === 'string' ? netTargetOfNode(ctx, nodeId) : await pickNetTarget(ctx, 'Delete Network Namespace', { namedOnly: true });
  const name = picked?.ns && netnsNameOf(picked.ns);
  if (!picked) return false;
  if (name === undefined) {
    void vscode.window.showWarningMessage('Only a named network namespace (ip netns) can be deleted: this one has no name.');
    return false;
  }
  if (!args.confirmed && !(await confirm(ctx, name, picked.ns?.pids.length ?? 0))) return false;
  try {
    await ctx.helper.deleteNetns(name);
  } catch (error) {
    await showHelperError(`Could not delete network namespace "${name}"`, error);
    return false;
  }
  await ctx.view.refresh();
  return true;
};

async function confirm(_ctx: CommandContext, name: string, processes: number): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(deleteQuestion(name, processes), { modal: true }, 'Delete');
  return choice === 'Delete';
}
