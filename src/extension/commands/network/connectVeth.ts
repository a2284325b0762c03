// "Connect with veth Pair...": a veth pair between two network namespaces (or one and the host),
// addresses optional, through the helper. From a tree item, that item is the first end; an
// object {a, b, ifA, ifB, cidrA, cidrB} skips the prompts (the topology page, tests). What is
// missing is asked, each answer checked before the next question; nothing runs until all passed.
// Returns {ok, message}.
import * as vscode from 'vscode';
import { checkCidr, checkIfName } from '../../../core/helper/helperRules';
import type { NetTarget } from '../../../core/helper/netTarget';
import { defaultVethName, netTargetOf } from '../../../core/net/netTargetOf';
import type { NetNamespaceNode, Topology } from '../../../core/net/topology';
import type { CommandContext, CommandFactory } from '../commandContext';
import { act, failed, movedSince, type ActionResult } from './networkAction';
import { inputProblem } from './inputProblem';
import { findNetNamespace, interfaceNames, pickNetNamespace, shown } from './netNamespacePick';
import { connectArgs, type ConnectArgs } from './netnsArgs';

export const connectVeth: CommandFactory = (ctx) => (first?: unknown, second?: unknown) => connect(ctx, connectArgs(first, second));

interface End {
  ns: NetNamespaceNode;
  target: NetTarget;
  ifName: string;
  cidr: string;
}

const CANCELLED = 'Cancelled: nothing was connected.';

async function connect(ctx: CommandContext, args: ConnectArgs): Promise<ActionResult> {
  const ends = await pickEnds(ctx, args);
  if ('ok' in ends) return ends;
  const [a, b] = ends;
  const interactive = args.a === undefined || args.b === undefined;
  const ifNames = await askIfNames(ctx, a, b, args, interactive);
  if (!Array.isArray(ifNames)) return ifNames;
  const [ifA, ifB] = ifNames;
  const [ta, tb] = [netTargetOf(a), netTargetOf(b)] as [NetTarget, NetTarget];
  if (ta.kind === tb.kind && ifA === ifB && (ta.kind === 'host' || JSON.stringify(ta) === JSON.stringify(tb))) return failed(ctx, 'The two ends need different names: nothing was changed.');
  const cidrs = await askCidrs(ctx, [a, ifA], [b, ifB], args, interactive);
  if (!Array.isArray(cidrs)) return cidrs;
  const endA: End = { ns: a, target: ta, ifName: ifA, cidr: cidrs[0] };
  const endB: End = { ns: b, target: tb, ifName: ifB, cidr: cidrs[1] };
  // The prompts above may have taken a while: the targets must still be the namespaces picked.
  const moved = movedSince(ctx, ta, a) ?? movedSince(ctx, tb, b);
  if (moved) return moved;
  return act(
    ctx,
    `Connecting ${shown(a)} and ${shown(b)}`,
    () => ctx.helper.run({ verb: 'veth-add', a: helperEnd(endA), b: helperEnd(endB) }),
    `Connected ${shown(a)}/${ifA} and ${shown(b)}/${ifB}.`,
  );
}

function helperEnd(end: End): { target: NetTarget; ifName: string; cidr: string | undefined } {
  return { target: end.target, ifName: end.ifName, cidr: end.cidr || undefined };
}

/** The two namespaces: given (and found) or picked; two different ones the helper can act in. */
async function pickEnds(ctx: CommandContext, args: ConnectArgs): Promise<[NetNamespaceNode, NetNamespaceNode] | ActionResult> {
  const topology = await ctx.topology.latest();
  const acting = (n: NetNamespaceNode) => netTargetOf(n) !== undefined && !n.error;
  const a = await givenOrPicked(topology, args.a, 'Connect: first namespace', acting);
  if (!a) return failed(ctx, args.a !== undefined ? `No network namespace "${args.a}": nothing was changed.` : CANCELLED, args.a !== undefined);
  const b = await givenOrPicked(topology, args.b, `Connect ${shown(a)} to…`, (n) => acting(n) && n.key !== a.key);
  if (!b) return failed(ctx, args.b !== undefined ? `No network namespace "${args.b}": nothing was changed.` : CANCELLED, args.b !== undefined);
  if (a.key === b.key) return failed(ctx, `Cannot connect ${shown(a)} to itself: pick two different namespaces; nothing was changed.`);
  const without = [a, b].find((n) => !netTargetOf(n));
  if (without) return failed(ctx, `${shown(without)} has no process, name or fd to act through: nothing was changed.`);
  return [a, b];
}

function givenOrPicked(topology: Topology | undefined, which: string | undefined, title: string, allowed: (n: NetNamespaceNode) => boolean): Promise<NetNamespaceNode | undefined> {
  return which !== undefined ? Promise.resolve(findNetNamespace(topology, which)) : pickNetNamespace(topology, title, allowed);
}

/** The interface name of each end: given, asked (suggested) or the suggestion; new and valid in its namespace. */
async function askIfNames(ctx: CommandContext, a: NetNamespaceNode, b: NetNamespaceNode, args: ConnectArgs, interactive: boolean): Promise<[string, string] | ActionResult> {
  const out: string[] = [];
  for (const [ns, other, given] of [[a, b, args.ifA], [b, a, args.ifB]] as const) {
    const suggestion = defaultVethName(other, interfaceNames(ns));
    const name = given ?? (interactive ? await askIfName(ns, suggestion) : suggestion);
    if (name === undefined) return failed(ctx, CANCELLED, false);
    out.push(name);
  }
  for (const [ns, name] of [[a, out[0]], [b, out[1]]] as const) {
    const bad = inputProblem(() => checkIfName(name));
    if (bad) return failed(ctx, bad);
    if (interfaceNames(ns).has(name)) return failed(ctx, `${shown(ns)} has an interface "${name}" already: nothing was changed.`);
  }
  return [out[0], out[1]];
}

/** The address of each end ("" for none): given, asked, or none. */
async function askCidrs(ctx: CommandContext, a: [NetNamespaceNode, string], b: [NetNamespaceNode, string], args: ConnectArgs, interactive: boolean): Promise<[string, string] | ActionResult> {
  const out: string[] = [];
  for (const [[ns, ifName], given] of [[a, args.cidrA], [b, args.cidrB]] as const) {
    const cidr = given ?? (interactive ? await askCidr(ns, ifName) : '');
    if (cidr === undefined) return failed(ctx, CANCELLED, false);
    out.push(cidr);
  }
  for (const cidr of out) {
    const bad = cidr === '' ? undefined : inputProblem(() => checkCidr(cidr));
    if (bad) return failed(ctx, bad);
  }
  return [out[0], out[1]];
}

function askIfName(ns: NetNamespaceNode, suggestion: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Interface name in ${shown(ns)}`,
    value: suggestion,
    validateInput: (value) => inputProblem(() => checkIfName(value), true) ?? (interfaceNames(ns).has(value) ? `${shown(ns)} has "${value}" already` : undefined),
  });
}

function askCidr(ns: NetNamespaceNode, ifName: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Address for ${shown(ns)}/${ifName} (optional)`,
    prompt: 'ADDRESS/PREFIX, e.g. 10.0.0.1/24 or fd00::1/64; leave empty for none',
    validateInput: (value) => (value === '' ? undefined : inputProblem(() => checkCidr(value), true)),
  });
}
