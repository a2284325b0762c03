// The interface a command acts on: from its arguments, else picked (those not yet in the wanted
// state first); then the namespace and helper target of that existing interface, or the refusal
// saying which check failed.
import * as vscode from 'vscode';
import { checkIfName } from '../../../core/helper/helperRules';
import type { NetTarget } from '../../../core/helper/netTarget';
import { netTargetOf } from '../../../core/net/netTargetOf';
import type { NetInterface, NetNamespaceNode } from '../../../core/net/topology';
import { hostTextForUi } from '../../../core/text/hostText';
import type { CommandContext } from '../commandContext';
import { failed, type ActionResult } from './networkAction';
import { inputProblem } from './inputProblem';
import { findNetNamespace, interfaceNames, pickNetNamespace, shown } from './netNamespacePick';

export async function pickInterface(ctx: CommandContext, which: string | undefined, ifName: unknown, title: string, wanted?: 'up' | 'down'): Promise<{ namespace: string; ifName: string } | undefined> {
  if (which !== undefined && typeof ifName === 'string') return { namespace: which, ifName };
  const topology = await ctx.topology.latest();
  const ns = which !== undefined ? findNetNamespace(topology, which) : await pickNetNamespace(topology, title, (n) => n.interfaces.length > 0 && netTargetOf(n) !== undefined);
  if (!ns) {
    if (which !== undefined) failed(ctx, `No network namespace "${hostTextForUi(which)}": nothing was changed.`);
    return undefined;
  }
  const done = (i: NetInterface) => wanted !== undefined && i.adminUp === (wanted === 'up');
  const picked = await vscode.window.showQuickPick(
    [...ns.interfaces]
      .sort((x, y) => Number(done(x)) - Number(done(y)))
      .map((i) => ({
        name: i.name,
        label: `$(${i.adminUp ? 'circle-filled' : 'circle-outline'}) ${hostTextForUi(i.name)}`,
        description: `${i.kind} · ${i.state}`,
        detail: i.addresses.map((a) => a.cidr).join(', ') || undefined,
      })),
    { title: `${title}: ${shown(ns)}`, placeHolder: 'Pick an interface' },
  );
  return picked && { namespace: ns.key, ifName: picked.name };
}

export async function interfaceTarget(
  ctx: CommandContext,
  which: string,
  ifName: string,
  purpose: 'act' | 'capture',
  nothing: 'changed' | 'started',
): Promise<{ ns: NetNamespaceNode; target: NetTarget } | ActionResult> {
  const ns = findNetNamespace(await ctx.topology.latest(), which);
  if (!ns) return failed(ctx, `No network namespace "${hostTextForUi(which)}": nothing was ${nothing}.`);
  const bad = inputProblem(() => checkIfName(ifName));
  if (bad) return failed(ctx, bad);
  if (!interfaceNames(ns).has(ifName)) return failed(ctx, `${shown(ns)} has no interface "${ifName}": nothing was ${nothing}.`);
  const target = netTargetOf(ns);
  if (!target) return failed(ctx, `${shown(ns)} has no process, name or fd to ${purpose} through: nothing was ${nothing}.`);
  return { ns, target };
}
