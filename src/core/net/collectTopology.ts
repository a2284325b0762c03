// Collects the network topology: for every network namespace discovery found, one `ip` batch
// run inside it (links with addresses and counters, routes), its listening sockets from
// procfs, then the wires. Namespaces are read a few at a time; one that cannot be read keeps its
// error and the rest go on. Or, for a user who cannot enter them, all of it from one call of the
// privileged helper's net-read (the same parsers, and the kernel's nsid answers from the helper).
import { discover } from '../discovery/discover';
import { processNamespaces } from '../exec/processNamespaces';
import { containerText } from '../tree/containerText';
import { nativeAddon, type NativeAddon } from '../discovery/nativeAddon';
import type { Namespace } from '../model/namespace';
import { idKey } from '../model/namespaceId';
import type { DiscoveryResult } from '../model/result';
import { runArgv } from './runArgv';
import { IP_BATCH, parseIpBatch } from './parseIpBatch';
import { attributeOwners, listeningSocketsOf, parseProcNetFiles, parseProcNetListing, socketFdPairs, socketHolders, socketInodesOf } from './procNetSockets';
import { parseHelperNetRead } from './parseHelperNetRead';
import { NET_READ_MAX_TARGETS } from '../helper/helperArgv';
import type { NetTarget } from '../helper/netTarget';
import { netnsEntry, ipArgv, type NetnsEntry } from './netnsEntry';
import { netTargetOf } from './netTargetOf';
import { indexByIfindex, nsidCandidates, resolveWires, type NsidMaps } from './resolveWires';
import type { LabelSource, NetNamespaceNode, NetSocket, Topology } from './topology';

export interface CollectOptions {
  /** A discovery result to use; a fresh discovery runs when absent. */
  discovery?: DiscoveryResult;
  procRoot?: string;
  /** How many `ip` runs at once. */
  concurrency?: number;
  signal?: AbortSignal;
  /** A label the caller knows better (a terminal session's name), by namespace key. */
  labelFor?: (key: string) => string | undefined;
  /** Runs an argv and returns stdout (tests and the helper may replace it). */
  run?: (argv: string[], input: string, signal?: AbortSignal) => Promise<string>;
  /**
   * Reads every namespace through the privileged helper instead: runs `net-read` with these
   * targets and returns its stdout. One call for the whole topology (each may ask for a password).
   */
  readThroughHelper?: (targets: NetTarget[], signal?: AbortSignal) => Promise<string>;
}

const defaultRun = (argv: string[], input: string, signal?: AbortSignal): Promise<string> => runArgv(argv, input, signal);

export async function collectTopology(options: CollectOptions = {}): Promise<Topology> {
  const procRoot = options.procRoot ?? '/proc';
  const discovery = options.discovery ?? (await discover({ procRoot, signal: options.signal }));
  const own = processNamespaces('self', procRoot);
  const [ownNet, ownMnt] = [own.net ?? -1, own.mnt ?? -1];
  const hostNet = hostNetInode(discovery, procRoot);
  const run = options.run ?? defaultRun;
  const warnings: string[] = [];

  const targets: Array<{ node: NetNamespaceNode; entry?: NetnsEntry }> = [];
  for (const ns of discovery.namespaces.values()) {
    if (ns.type !== 'net') continue;
    const entry = netnsEntry(ns, ownNet, ownMnt, procRoot);
    const key = idKey(ns.id);
    const { label, labelSource } = labelOf(ns, discovery, ns.id.ino === hostNet, entry?.netnsName, options.labelFor?.(key));
    const node: NetNamespaceNode = {
      key,
      inode: ns.id.ino,
      label,
      labelSource,
      isHost: ns.id.ino === hostNet,
      isOwn: ns.id.ino === ownNet,
      path: entry?.path ?? '',
      pids: [...ns.pids],
      interfaces: [],
      routes: [],
      sockets: [],
    };
    if (entry?.netnsName !== undefined) node.netnsName = entry.netnsName;
    if (!entry) node.error = 'Nothing in this mount namespace opens it (held only elsewhere).';
    targets.push({ node, entry });
  }

  const commandOf = (pid: number) => discovery.processes.get(pid)?.command;
  if (options.readThroughHelper) {
    const nsids = await readThroughHelper(targets, options.readThroughHelper, commandOf, options.signal);
    const namespaces = targets.map((t) => t.node).sort(byHostThenLabel);
    const { wires, dangling } = resolveWires(namespaces, nsids);
    return { namespaces, wires, danglingLinks: dangling, warnings, collectedAt: Date.now(), readThroughHelper: true };
  }

  const addon = loadAddon();
  // Sockets held by a process outside their namespace: every process' socket fds, read once.
  let anyHolders: Map<number, number[]> | undefined;
  const allHolders = () =>
    (anyHolders ??= socketHolders([...discovery.processes.keys()].flatMap((pid) => socketInodesOf(procRoot, pid).map((inode) => [pid, inode] as const))));
  await eachLimited(targets, options.concurrency ?? 8, async ({ node, entry }) => {
    if (!entry) return;
    options.signal?.throwIfAborted();
    try {
      const parsed = parseIpBatch(await run(ipArgv(entry, ['-j', '-d', '-s', '-b', '-']), IP_BATCH, options.signal), node.key);
      node.interfaces = parsed.interfaces;
      node.routes = parsed.routes;
    } catch (error) {
      options.signal?.throwIfAborted();
      node.error = error instanceof Error ? error.message : String(error);
    }
    node.sockets = listeningSockets(entry, node.pids[0], procRoot, addon);
    attributeOwners(node.sockets, node.pids, (pid) => socketInodesOf(procRoot, pid), allHolders, commandOf);
  });

  const namespaces = targets.map((t) => t.node).sort(byHostThenLabel);
  const nsids = resolveNsids(namespaces, warnings);
  const { wires, dangling } = resolveWires(namespaces, nsids);
  return { namespaces, wires, danglingLinks: dangling, warnings, collectedAt: Date.now() };
}

/**
 * The listening sockets of a namespace, asked of the kernel from a thread inside it (the addon's
 * netnsListening: sock_diag, no process, and no walk of the whole TCP hash that reading
 * /proc/PID/net/tcp costs); else /proc/PID/net of a process in it (an unprivileged caller, who
 * cannot join other namespaces). A namespace no process is in has none to read then.
 */
function listeningSockets(entry: NetnsEntry, holder: number | undefined, procRoot: string, addon: NativeAddon | undefined): NetSocket[] {
  const texts = addon?.netnsListening(entry.path);
  if (texts) return parseProcNetFiles(texts);
  return holder === undefined ? [] : listeningSocketsOf(procRoot, holder);
}

/** Fills every node from net-read calls (up to NET_READ_MAX_TARGETS a call); returns the nsid maps. */
async function readThroughHelper(
  targets: Array<{ node: NetNamespaceNode; entry?: NetnsEntry }>,
  read: NonNullable<CollectOptions['readThroughHelper']>,
  commandOf: (pid: number) => string | undefined,
  signal?: AbortSignal,
): Promise<NsidMaps> {
  const reachable: Array<{ node: NetNamespaceNode; target: NetTarget }> = [];
  for (const { node, entry } of targets) {
    const target = entry && netTargetOf(node);
    if (target) reachable.push({ node, target });
    else if (entry) node.error = 'The helper has no way into it (held only by a thread, or a bind mount elsewhere).';
  }
  const maps: NsidMaps = new Map(targets.map(({ node }) => [node.key, new Map<number, string>()]));
  for (let at = 0; at < reachable.length; at += NET_READ_MAX_TARGETS) {
    const batch = reachable.slice(at, at + NET_READ_MAX_TARGETS);
    const reply = parseHelperNetRead(await read(batch.map((b) => b.target), signal), batch.length);
    const pairs = socketFdPairs(reply.socketFds);
    const holders = socketHolders(pairs);
    const byPid = new Map<number, number[]>();
    for (const [pid, inode] of pairs) {
      const list = byPid.get(pid);
      if (list) list.push(inode);
      else byPid.set(pid, [inode]);
    }
    batch.forEach(({ node }, i) => {
      const got = reply.targets[i];
      if (got.error !== undefined) {
        node.error = `Could not read it through the helper: ${got.error}`;
        return;
      }
      // A PID reused since discovery would name another namespace: that one is not this node.
      if (got.key !== node.key) {
        node.error = 'It changed while it was read (its process or fd is gone); refresh to read it again.';
        return;
      }
      try {
        const parsed = parseIpBatch(got.ip ?? '', node.key);
        node.interfaces = parsed.interfaces;
        node.routes = parsed.routes;
      } catch (error) {
        node.error = error instanceof Error ? error.message : String(error);
        return;
      }
      node.sockets = parseProcNetListing(got.sockets ?? '');
      attributeOwners(node.sockets, node.pids, (pid) => byPid.get(pid) ?? [], () => holders, commandOf);
      for (const [nsid, index] of got.nsids) if (batch[index]) maps.get(node.key)!.set(nsid, batch[index].node.key);
    });
  }
  return maps;
}

/**
 * What each namespace's nsids stand for: asked of the kernel (the addon's RTM_GETNSID from inside
 * the namespace) for the few candidates each cross-namespace link allows.
 */
function resolveNsids(namespaces: NetNamespaceNode[], warnings: string[]): NsidMaps {
  const maps: NsidMaps = new Map();
  const index = indexByIfindex(namespaces);
  let addon: ReturnType<typeof nativeAddon> | undefined;
  try {
    addon = nativeAddon();
  } catch (error) {
    warnings.push(`veth peers in other namespaces are not matched: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const ns of namespaces) {
    const map = new Map<number, string>();
    maps.set(ns.key, map);
    const unresolved = ns.interfaces.filter((iface) => iface.linkNetnsid !== undefined);
    if (unresolved.length === 0 || !addon || !ns.path) continue;
    const candidates = new Map<string, NetNamespaceNode>();
    for (const iface of unresolved) for (const c of nsidCandidates(ns, iface, index)) candidates.set(c.key, c);
    const list = [...candidates.values()].filter((c) => c.path);
    if (list.length === 0) continue;
    const ids = addon.netnsIds(ns.path, list.map((c) => c.path));
    if (ids === null) {
      warnings.push(`could not ask ${ns.label} for its nsids (not root?)`);
      continue;
    }
    ids.forEach((id, i) => {
      if (id >= 0) map.set(id, list[i].key);
    });
  }
  return maps;
}

/** The addon, or undefined when it cannot be loaded (the callers have a slower way). */
function loadAddon(): NativeAddon | undefined {
  try {
    return nativeAddon();
  } catch {
    return undefined;
  }
}

function labelOf(
  ns: Namespace,
  discovery: DiscoveryResult,
  isHost: boolean,
  netnsName: string | undefined,
  known: string | undefined,
): { label: string; labelSource: LabelSource } {
  if (isHost) return { label: 'host', labelSource: 'host' };
  if (netnsName !== undefined) return { label: netnsName, labelSource: 'netns' };
  if (ns.container) return { label: containerText(ns.container), labelSource: 'container' };
  if (known !== undefined) return { label: known, labelSource: 'session' };
  if (ns.senior !== null) {
    const command = discovery.processes.get(ns.senior)?.command ?? 'pid';
    return { label: `${command} (${ns.senior})`, labelSource: 'process' };
  }
  return { label: ns.label || `net:[${ns.id.ino}]`, labelSource: 'file' };
}

function byHostThenLabel(a: NetNamespaceNode, b: NetNamespaceNode): number {
  if (a.isHost !== b.isHost) return a.isHost ? -1 : 1;
  return a.label.localeCompare(b.label) || a.inode - b.inode;
}

/** The host's (initial) namespace: PID 1's, else kthreadd's (kernel threads live in it). */
function hostNetInode(discovery: DiscoveryResult, procRoot: string): number {
  for (const pid of [1, 2]) {
    const ino = discovery.processes.get(pid)?.namespaces.net ?? processNamespaces(pid, procRoot).net ?? -1;
    if (ino > 0) return ino;
  }
  return -1;
}


async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
