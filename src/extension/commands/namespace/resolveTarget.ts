// What an item command acts on: the tree item it was invoked on (its node id), or, from the
// command palette, a namespace the user picks. An id the view no longer shows gets a message.
import * as vscode from 'vscode';
import type { Namespace } from '../../../core/model/namespace';
import type { ProcessInfo } from '../../../core/model/process';
import { byTypeThenInode } from '../../../core/model/namespaceOrder';
import { namespaceLabel, plural } from '../../../core/tree/presentation';
import { typeCodicon } from '../../views/namespaces/typeIcons';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import type { CommandContext } from '../commandContext';
import { warnItemVanished } from '../warnItemVanished';

export type Target = { kind: 'namespace'; ns: Namespace } | { kind: 'process'; process: ProcessInfo; ns: Namespace };

export async function resolveTarget(ctx: CommandContext, arg: unknown, action: string): Promise<Target | undefined> {
  if (typeof arg !== 'string') return pickNamespace(ctx, action);
  const node = ctx.view.snapshot?.node(arg);
  if (node?.kind === 'namespace') return { kind: 'namespace', ns: node.ns };
  if (node?.kind === 'process') return { kind: 'process', process: node.process, ns: node.ns };
  return warnItemVanished();
}

interface NamespacePick extends vscode.QuickPickItem {
  ns: Namespace;
}

async function pickNamespace(ctx: CommandContext, action: string): Promise<Target | undefined> {
  const result = await ctx.view.currentResult();
  if (!result) return undefined;
  const here = result.processes.get(process.pid)?.namespaces ?? {};
  const namespaces = [...result.namespaces.values()].sort(byTypeThenInode);
  const picks: NamespacePick[] = namespaces.map((ns) => ({
    ns,
    label: `$(${typeCodicon(ns.type)}) ${hostTextForUi(namespaceLabel(ns), LINE_MAX)}`,
    description: [here[ns.type] === ns.id.ino ? 'you are here' : '', plural(ns.pids.length, 'process', 'processes')].filter(Boolean).join(' · '),
  }));
  const pick = await vscode.window.showQuickPick(picks, {
    title: action,
    placeHolder: 'Pick a namespace (type, inode, label)',
    matchOnDescription: true,
  });
  return pick && { kind: 'namespace', ns: pick.ns };
}
