// The one implementation of the network namespace actions, all through the privileged helper:
// create and delete a named network namespace, connect two namespaces with a veth pair, bring an
// interface up or down, and capture on it. The `nsInspector.network.*` commands (Namespaces view,
// palette, topology panel) and Capture call these. Each asks for what it lacks with native
// prompts (or takes it from command arguments), refuses bad input with a clear message before
// anything runs, then refreshes both the Namespaces tree and the picture. Results are returned
// for tests: {ok, message}.
import { isCancellation } from '../../../core/exec/runTool';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { checkCidr, checkIfName, checkNetnsName, HelperArgumentError } from '../../../core/helper/helperRules';
import { defaultVethName, netTargetOf } from '../../../core/net/netTargetOf';
import { targetStillIn } from '../../../core/net/targetStillIn';
import type { NetInterface, NetNamespaceNode, Topology } from '../../../core/net/topology';
import type { NetTarget } from '../../../core/helper/netTarget';
import type { PrivilegedHelper } from '../../helper/privilegedHelper';
import { showHelperError } from '../../commands/helper/showHelperError';
import { hostTextForUi } from '../../../core/text/hostText';
import type { TopologyPanels } from './topologyPanel';
import type { PcapCaptures } from './pcapCaptures';

export type ActionResult = { ok: true; message: string; name?: string } | { ok: false; message: string };

export interface ConnectArgs {
  /** Namespace keys ("dev:ino") or `ip netns` names. */
  a?: string;
  b?: string;
  ifA?: string;
  ifB?: string;
  /** Addresses (ADDRESS/PREFIX); "" or absent for none. */
  cidrA?: string;
  cidrB?: string;
}

export class TopologyActions {
  constructor(
    private readonly helper: PrivilegedHelper,
    private readonly panels: TopologyPanels,
    readonly captures: PcapCaptures,
    private readonly log: vscode.LogOutputChannel,
    /** Refreshes the Namespaces tree after a change. */
    private readonly refreshTree: () => Promise<unknown>,
  ) {}

  /** The newest model: the panel's, else a fresh one (without opening the panel). */
  async topology(): Promise<Topology | undefined> {
    const panel = this.panels.current;
    return (panel && (await panel.update())) ?? (await this.collectWithoutPanel());
  }

  collectWithoutPanel: () => Promise<Topology | undefined> = async () => undefined;

  async createNamespace(name?: string): Promise<ActionResult> {
    const given = name ?? (await vscode.window.showInputBox({
      title: 'Create Network Namespace',
      prompt: 'Name for `ip netns` (1–64 of A-Z a-z 0-9 _ . -)',
      value: `ns-${Math.floor(Math.random() * 1e4)}`,
      validateInput: (value) => (value === '' ? undefined : (problem(() => checkNetnsName(value), true) ?? (fs.existsSync(`/run/netns/${value}`) ? `"${value}" exists already` : undefined))),
    }));
    if (given === undefined || given === '') return this.fail('Cancelled: no namespace was created.', false);
    const bad = problem(() => checkNetnsName(given));
    if (bad) return this.fail(bad);
    if (fs.existsSync(`/run/netns/${given}`)) return this.fail(`A network namespace named "${given}" exists already: nothing was changed.`);
    return this.act(`Creating network namespace "${given}"`, () => this.helper.addNetns(given), `Network namespace "${given}" created.`, given);
  }

  async deleteNamespace(which?: string, options: { confirmed?: boolean } = {}): Promise<ActionResult> {
    const topology = await this.topology();
    const ns = which === undefined ? await this.pick(topology, 'Delete Network Namespace', (n) => n.netnsName !== undefined && !n.isHost && !n.isOwn) : find(topology, which);
    if (!ns) return this.fail(which === undefined ? 'Cancelled: nothing was deleted.' : `No network namespace "${hostTextForUi(which)}" in the topology: nothing was deleted.`, which !== undefined);
    if (ns.netnsName === undefined || ns.isHost || ns.isOwn) {
      return this.fail(`${shown(ns)} is not a named network namespace (ip netns): only those can be deleted here; nothing was changed.`);
    }
    if (!options.confirmed) {
      const others = ns.pids.length ? ` ${ns.pids.length} process(es) still run in it and keep it alive.` : '';
      const answer = await vscode.window.showWarningMessage(`Delete network namespace "${hostTextForUi(ns.netnsName)}"?`, { modal: true, detail: `Its interfaces go with it (veth peers elsewhere too).${others}` }, 'Delete');
      if (answer !== 'Delete') return this.fail('Cancelled: nothing was deleted.', false);
    }
    const name = ns.netnsName;
    return this.act(`Deleting network namespace "${hostTextForUi(name)}"`, () => this.helper.deleteNetns(name), `Network namespace "${hostTextForUi(name)}" deleted.`);
  }

  async connect(args: ConnectArgs = {}): Promise<ActionResult> {
    const topology = await this.topology();
    const acting = (n: NetNamespaceNode) => netTargetOf(n) !== undefined && !n.error;
    const a = args.a !== undefined ? find(topology, args.a) : await this.pick(topology, 'Connect: first namespace', acting);
    if (!a) return this.fail(args.a !== undefined ? `No network namespace "${args.a}": nothing was changed.` : 'Cancelled: nothing was connected.', args.a !== undefined);
    const b = args.b !== undefined ? find(topology, args.b) : await this.pick(topology, `Connect ${shown(a)} to…`, (n) => acting(n) && n.key !== a.key);
    if (!b) return this.fail(args.b !== undefined ? `No network namespace "${args.b}": nothing was changed.` : 'Cancelled: nothing was connected.', args.b !== undefined);
    if (a.key === b.key) return this.fail(`Cannot connect ${shown(a)} to itself: pick two different namespaces; nothing was changed.`);
    const [ta, tb] = [netTargetOf(a), netTargetOf(b)];
    if (!ta || !tb) return this.fail(`${shown(!ta ? a : b)} has no process, name or fd to act through: nothing was changed.`);
    const interactive = args.a === undefined || args.b === undefined;
    const ifA = args.ifA ?? (interactive ? await this.askIfName(a, defaultVethName(b, names(a))) : defaultVethName(b, names(a)));
    if (ifA === undefined) return this.fail('Cancelled: nothing was connected.', false);
    const ifB = args.ifB ?? (interactive ? await this.askIfName(b, defaultVethName(a, names(b))) : defaultVethName(a, names(b)));
    if (ifB === undefined) return this.fail('Cancelled: nothing was connected.', false);
    for (const [ns, name] of [[a, ifA], [b, ifB]] as const) {
      const bad = problem(() => checkIfName(name));
      if (bad) return this.fail(bad);
      if (names(ns).has(name)) return this.fail(`${shown(ns)} has an interface "${name}" already: nothing was changed.`);
    }
    if (ta.kind === tb.kind && ifA === ifB && (ta.kind === 'host' || JSON.stringify(ta) === JSON.stringify(tb))) return this.fail('The two ends need different names: nothing was changed.');
    const cidrA = args.cidrA ?? (interactive ? await this.askCidr(a, ifA) : '');
    if (cidrA === undefined) return this.fail('Cancelled: nothing was connected.', false);
    const cidrB = args.cidrB ?? (interactive ? await this.askCidr(b, ifB) : '');
    if (cidrB === undefined) return this.fail('Cancelled: nothing was connected.', false);
    for (const cidr of [cidrA, cidrB]) {
      const bad = cidr === '' ? undefined : problem(() => checkCidr(cidr));
      if (bad) return this.fail(bad);
    }
    // The prompts above may have taken a while: the targets must still be the namespaces picked.
    const moved = this.moved(ta, a) ?? this.moved(tb, b);
    if (moved) return moved;
    return this.act(
      `Connecting ${shown(a)} and ${shown(b)}`,
      () => this.helper.run({ verb: 'veth-add', a: { target: ta, ifName: ifA, cidr: cidrA || undefined }, b: { target: tb, ifName: ifB, cidr: cidrB || undefined } }),
      `Connected ${shown(a)}/${ifA} and ${shown(b)}/${ifB}.`,
    );
  }

  /** The namespace and helper target of an existing interface, or the refusal saying which check failed. */
  private async interfaceTarget(which: string, ifName: string, purpose: 'act' | 'capture', nothing: 'changed' | 'started'): Promise<{ ns: NetNamespaceNode; target: NetTarget } | ActionResult> {
    const ns = find(await this.topology(), which);
    if (!ns) return this.fail(`No network namespace "${hostTextForUi(which)}": nothing was ${nothing}.`);
    const bad = problem(() => checkIfName(ifName));
    if (bad) return this.fail(bad);
    if (!names(ns).has(ifName)) return this.fail(`${shown(ns)} has no interface "${ifName}": nothing was ${nothing}.`);
    const target = netTargetOf(ns);
    if (!target) return this.fail(`${shown(ns)} has no process, name or fd to ${purpose} through: nothing was ${nothing}.`);
    return { ns, target };
  }

  async setLink(which: string, ifName: string, state: 'up' | 'down', options: { confirmed?: boolean } = {}): Promise<ActionResult> {
    const found = await this.interfaceTarget(which, ifName, 'act', 'changed');
    if ('ok' in found) return found;
    const { ns, target } = found;
    // Down on the host (or on VS Code's own namespace) may cut this machine off: asked, as Delete is.
    if (state === 'down' && (ns.isHost || ns.isOwn) && !options.confirmed) {
      const where = ns.isHost ? 'the host' : `${shown(ns)}, the namespace VS Code runs in`;
      const answer = await vscode.window.showWarningMessage(
        `Bring down ${ifName} on ${where}?`,
        { modal: true, detail: 'Connections through it stop, including a remote session of VS Code that uses it.' },
        'Bring Down',
      );
      if (answer !== 'Bring Down') return this.fail('Cancelled: nothing was changed.', false);
    }
    const moved = this.moved(target, ns);
    if (moved) return moved;
    return this.act(`Bringing ${ifName} ${state}`, () => this.helper.setLink(target, ifName, state), `${shown(ns)}/${ifName} is ${state === 'up' ? 'up' : 'down'}.`);
  }

  async capture(which: string, ifName: string): Promise<ActionResult> {
    const found = await this.interfaceTarget(which, ifName, 'capture', 'started');
    if ('ok' in found) return found;
    const { ns, target } = found;
    const moved = this.moved(target, ns);
    if (moved) return moved;
    try {
      const capture = await this.captures.start(ns, target, ifName);
      return { ok: true, message: capture.file };
    } catch (error) {
      if (isCancellation(error)) return this.fail('Cancelled: no capture was started.', false);
      return this.fail(`Capture on ${ifName} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The interface a command acts on: from its arguments (checked later), else picked; those not
   * yet in the wanted state first.
   */
  async pickInterface(which: string | undefined, ifName: unknown, title: string, wanted?: 'up' | 'down'): Promise<{ namespace: string; ifName: string } | undefined> {
    if (which !== undefined && typeof ifName === 'string') return { namespace: which, ifName };
    const topology = await this.topology();
    const ns = which !== undefined ? find(topology, which) : await this.pick(topology, title, (n) => n.interfaces.length > 0 && netTargetOf(n) !== undefined);
    if (!ns) {
      if (which !== undefined) this.fail(`No network namespace "${hostTextForUi(which)}": nothing was changed.`);
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

  // --- helpers ---

  private async act(title: string, run: () => Promise<unknown>, done: string, focusName?: string): Promise<ActionResult> {
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, run);
    } catch (error) {
      // A missing or tampered helper offers reinstalling; anything else offers the log.
      void showHelperError(`${title} failed`, error);
      return this.fail(`${title} failed: ${error instanceof Error ? error.message : String(error)}`, false);
    }
    this.log.info(`topology: ${done}`);
    void vscode.window.showInformationMessage(done);
    await this.refreshTree();
    const topology = await this.panels.current?.update();
    const created = focusName && topology?.namespaces.find((n) => n.netnsName === focusName);
    if (created) this.panels.current?.focus(created.key);
    return { ok: true, message: done, name: focusName };
  }

  /** The refusal when a target from the last collection opens another namespace now (a reused PID). */
  private moved(target: NetTarget, ns: NetNamespaceNode): ActionResult | undefined {
    const check = targetStillIn(target, ns.key, shown(ns));
    if (check.ok) {
      if (check.unchecked) this.log.info(`topology: ${check.unchecked}`);
      return undefined;
    }
    return this.fail(check.message);
  }

  private fail(message: string, show = true): ActionResult {
    if (show) void vscode.window.showErrorMessage(message);
    this.log.info(`topology: ${message}`);
    return { ok: false, message };
  }

  private async pick(topology: Topology | undefined, title: string, allowed: (ns: NetNamespaceNode) => boolean): Promise<NetNamespaceNode | undefined> {
    const items = (topology?.namespaces ?? []).filter(allowed).map((ns) => ({
      ns,
      label: `$(${ns.isHost ? 'home' : 'globe'}) ${shown(ns)}`,
      description: `net:[${ns.inode}] · ${ns.interfaces.length} interfaces`,
      detail: ns.interfaces.flatMap((i) => i.addresses.filter((x) => x.family === 'inet').map((x) => x.cidr)).join(', ') || undefined,
    }));
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Pick a network namespace', matchOnDescription: true, matchOnDetail: true });
    return picked?.ns;
  }

  private askIfName(ns: NetNamespaceNode, suggestion: string): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: `Interface name in ${shown(ns)}`,
      value: suggestion,
      validateInput: (value) => problem(() => checkIfName(value), true) ?? (names(ns).has(value) ? `${shown(ns)} has "${value}" already` : undefined),
    });
  }

  private askCidr(ns: NetNamespaceNode, ifName: string): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: `Address for ${shown(ns)}/${ifName} (optional)`,
      prompt: 'ADDRESS/PREFIX, e.g. 10.0.0.1/24 or fd00::1/64; leave empty for none',
      validateInput: (value) => (value === '' ? undefined : problem(() => checkCidr(value), true)),
    });
  }
}

/** The refusal of a bad value; while it is typed (an input box) without "nothing was changed". */
function problem(check: () => unknown, typing = false): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof HelperArgumentError) return `${error.message[0].toUpperCase()}${error.message.slice(1)}${typing ? '' : ': nothing was changed.'}`;
    throw error;
  }
}

/** A namespace's label as VS Code's prompts and notifications show it (host text: see hostText). */
function shown(ns: NetNamespaceNode): string {
  return hostTextForUi(ns.label);
}

function names(ns: NetNamespaceNode): Set<string> {
  return new Set(ns.interfaces.map((i) => i.name));
}

/** A namespace by key ("dev:ino"), `ip netns` name, or "host". */
function find(topology: Topology | undefined, which: string): NetNamespaceNode | undefined {
  return topology?.namespaces.find((n) => n.key === which || n.netnsName === which || (which === 'host' && n.isHost));
}
