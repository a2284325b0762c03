// Collects the network topology: for every network namespace discovery found, one `ip` batch
// run inside it (links with addresses and counters, routes), its listening sockets from
// procfs, then the wires. Namespaces are read a few at a time; one that cannot be read keeps its
// error and the rest go on.
import * as fs from 'node:fs';
import { discover } from '../discovery/discover';
import { nativeAddon } from '../discovery/nativeAddon';
import type { Namespace } from '../model/namespace';
import { idKey } from '../model/namespaceId';
import type { DiscoveryResult } from '../model/result';
import { runArgv } from './runArgv';
import { IP_BATCH, parseIpBatch } from './parseIpBatch';
import { listeningSockets } from './procNetSockets';
import { netnsEntry, ipArgv, type NetnsEntry } from './netnsEntry';
import { indexByIfindex, nsidCandidates, resolveWires, type NsidMaps } from './resolveWires';
import type { LabelSource, NetNamespaceNode, Topology } from './topology';

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
}

const defaultRun = (argv: string[], input: string, signal?: AbortSignal): Promise<string> => runArgv(argv, input, signal);

export async function collectTopology(options: CollectOptions = {}): Promise<Topology> {
  const procRoot = options.procRoot ?? '/proc';
  const discovery = options.discovery ?? (await discover({ procRoot, signal: options.signal }));
  const ownNet = inodeOf(`${procRoot}/self/ns/net`);
  const ownMnt = inodeOf(`${procRoot}/self/ns/mnt`);
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
    const holder = node.pids[0];
    if (holder !== undefined) {
      node.sockets = listeningSockets(procRoot, holder, node.pids, (pid) => discovery.processes.get(pid)?.command);
    }
  });

  const namespaces = targets.map((t) => t.node).sort(byHostThenLabel);
  const nsids = resolveNsids(namespaces, warnings);
  const { wires, dangling } = resolveWires(namespaces, nsids);
  return { namespaces, wires, danglingLinks: dangling, warnings, collectedAt: Date.now() };
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

function labelOf(
  ns: Namespace,
  discovery: DiscoveryResult,
  isHost: boolean,
  netnsName: string | undefined,
  known: string | undefined,
): { label: string; labelSource: LabelSource } {
  if (isHost) return { label: 'host', labelSource: 'host' };
  if (netnsName !== undefined) return { label: netnsName, labelSource: 'netns' };
  if (ns.container) return { label: `${ns.container.engine} ${ns.container.id.slice(0, 12)}`, labelSource: 'container' };
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
    const ino = discovery.processes.get(pid)?.namespaces.net ?? inodeOf(`${procRoot}/${pid}/ns/net`);
    if (ino > 0) return ino;
  }
  return -1;
}

function inodeOf(path: string): number {
  try {
    const match = /\[(\d+)\]$/.exec(fs.readlinkSync(path));
    return match ? Number(match[1]) : -1;
  } catch {
    return -1;
  }
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
