// Which network namespace a network command acts on: the tree item it was invoked on, or, from
// the palette, one the user picks (the host, named ones, and those of processes, e.g. containers).
import * as vscode from 'vscode';
import type { Namespace } from '../../../core/model/namespace';
import type { DiscoveryResult } from '../../../core/model/result';
import { netTargetOf, netnsNameOf, isHostNet } from '../../../core/helper/netTargetOf';
import { netTargetText, type NetTarget } from '../../../core/helper/netTarget';
import { namespaceLabel } from '../../../core/tree/presentation';
import type { CommandContext } from '../commandContext';

export interface PickedNet {
  target: NetTarget;
  text: string;
  ns?: Namespace;
}

interface NetPick extends vscode.QuickPickItem {
  picked_: PickedNet;
}

/** The target of a tree node id (a net namespace, or a process under one); undefined with a message otherwise. */
export function netTargetOfNode(ctx: CommandContext, nodeId: string): PickedNet | undefined {
  const node = ctx.view.snapshot?.node(nodeId);
  const result = ctx.view.result;
  const ns = node && (node.kind === 'namespace' || node.kind === 'process') ? node.ns : undefined;
  const target = ns && result && netTargetOf(ns, result);
  if (!ns || !target) {
    void vscode.window.showWarningMessage(ns && ns.type !== 'net' ? 'That is not a network namespace.' : 'That item is no longer in the Namespaces view, or no process or name reaches its network namespace.');
    return undefined;
  }
  return { target, text: netTargetText(target), ns };
}

export async function pickNetTarget(ctx: CommandContext, title: string, options: { exclude?: NetTarget; namedOnly?: boolean } = {}): Promise<PickedNet | undefined> {
  const result = ctx.view.result ?? (await ctx.view.refresh());
  if (!result) return undefined;
  const picks = netPicks(result, options.namedOnly ?? false).filter((pick) => JSON.stringify(pick.picked_.target) !== JSON.stringify(options.exclude));
  if (!picks.length) {
    void vscode.window.showInformationMessage(options.namedOnly ? 'There is no named network namespace (ip netns).' : 'No network namespace to choose from.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(picks, { title, placeHolder: 'Pick a network namespace', matchOnDescription: true });
  return pick?.picked_;
}

function netPicks(result: DiscoveryResult, namedOnly: boolean): NetPick[] {
  const picks: NetPick[] = [];
  const nets = [...result.namespaces.values()].filter((ns) => ns.type === 'net');
  // The host first, then named namespaces, then those only a process reaches.
  const rank = (ns: Namespace) => (isHostNet(ns, result) ? 0 : netnsNameOf(ns) !== undefined ? 1 : 2);
  for (const ns of nets.sort((a, b) => rank(a) - rank(b) || a.id.ino - b.id.ino)) {
    const target = netTargetOf(ns, result);
    if (!target || (namedOnly && target.kind !== 'netns')) continue;
    const picked_ = { target, text: netTargetText(target), ns };
    const icon = target.kind === 'host' ? '$(vm)' : target.kind === 'netns' ? '$(globe)' : '$(server-process)';
    picks.push({ label: `${icon} ${target.kind === 'netns' ? target.name : target.kind === 'host' ? 'host' : namespaceLabel(ns)}`, description: `${netTargetText(target)} · net ${ns.id.ino}`, picked_ });
  }
  return picks;
}
