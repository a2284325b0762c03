// "Delete Network Namespace...": `ip netns del NAME` through the helper after a modal
// confirmation. Takes a tree item, a topology key or an `ip netns` name, else asks;
// {confirmed: true} skips the question (tests). Returns {ok, message}.
import * as vscode from 'vscode';
import { hostTextForUi } from '../../../core/text/hostText';
import type { CommandFactory } from '../commandContext';
import { act, failed } from './networkAction';
import { findNetNamespace, pickNetNamespace, shown } from './netNamespacePick';
import { objectArg, whichNamespace } from './netnsArgs';

export const deleteNetns: CommandFactory = (ctx) => async (whichArg?: unknown, options?: unknown) => {
  const which = whichNamespace(whichArg);
  const topology = await ctx.topology.latest();
  const ns = which === undefined ? await pickNetNamespace(topology, 'Delete Network Namespace', (n) => n.netnsName !== undefined && !n.isHost && !n.isOwn) : findNetNamespace(topology, which);
  if (!ns) return failed(ctx, which === undefined ? 'Cancelled: nothing was deleted.' : `No network namespace "${hostTextForUi(which)}" in the topology: nothing was deleted.`, which !== undefined);
  if (ns.netnsName === undefined || ns.isHost || ns.isOwn) {
    return failed(ctx, `${shown(ns)} is not a named network namespace (ip netns): only those can be deleted here; nothing was changed.`);
  }
  if (objectArg(options).confirmed !== true) {
    const others = ns.pids.length ? ` ${ns.pids.length} process(es) still run in it and keep it alive.` : '';
    const answer = await vscode.window.showWarningMessage(`Delete network namespace "${hostTextForUi(ns.netnsName)}"?`, { modal: true, detail: `Its interfaces go with it (veth peers elsewhere too).${others}` }, 'Delete');
    if (answer !== 'Delete') return failed(ctx, 'Cancelled: nothing was deleted.', false);
  }
  const name = ns.netnsName;
  return act(ctx, `Deleting network namespace "${hostTextForUi(name)}"`, () => ctx.helper.deleteNetns(name), `Network namespace "${hostTextForUi(name)}" deleted.`);
};
