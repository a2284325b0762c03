// Builds the ID-maps view's model (idMapsTypes.ts) from a discovery result: the chain of user
// namespaces from the chosen one up to the top, with the maps made relative to each parent.
import type { DiscoveryResult } from '../model/result';
import type { Namespace } from '../model/namespace';
import { idKey, type NamespaceId } from '../model/namespaceId';
import type { IdMapRange } from '../parsers/idMap';
import { relativeToParent, toInside } from './idMapMath';
import type { HostIdFacts } from './hostIdFacts';
import { rangesOf } from './subordinateIds';
import { levelWarnings, sharedHostIdWarnings, type OtherMap } from './idMapWarnings';
import type { IdKind, IdMapsLevel, IdMapsModel, LevelMap, LevelProcess } from './idMapsTypes';

export const MAX_PROCESSES = 100;

/** The user namespace a namespace belongs to: itself for a user namespace, else its owner. */
export function owningUserNamespace(ns: Namespace): NamespaceId | null {
  return ns.type === 'user' ? ns.id : ns.owner;
}

function hostMapOf(ns: Namespace, kind: IdKind): IdMapRange[] | null {
  const map = kind === 'uid' ? ns.user?.uidMap : ns.user?.gidMap;
  return map ?? null;
}

/** The chain from `id` up to the top; empty when `id` is not a user namespace of the result. */
export function userNamespaceChain(result: DiscoveryResult, id: NamespaceId): Namespace[] {
  const chain: Namespace[] = [];
  let ns = result.namespaces.get(idKey(id));
  while (ns && ns.type === 'user' && !chain.includes(ns)) {
    chain.push(ns);
    ns = ns.parent ? result.namespaces.get(idKey(ns.parent)) : undefined;
  }
  return chain;
}

function levelMap(ns: Namespace, parent: Namespace | undefined, kind: IdKind): LevelMap {
  const hostMap = hostMapOf(ns, kind);
  if (!parent) {
    // The top namespace: its map is relative to itself (the identity, on a host).
    return { state: hostMap === null ? 'unknown' : 'written', lines: (hostMap ?? []).map((r) => ({ inside: r.inside, count: r.count, outside: r.outside, host: r.outside })) };
  }
  if (hostMap === null) return { state: 'unknown', lines: [] };
  if (hostMap.length === 0) return { state: 'unwritten', lines: [] };
  const parentMap = parent.parent ? hostMapOf(parent, kind) : null;
  const relative = parentMap ? relativeToParent(hostMap, parentMap) : null;
  return {
    state: 'written',
    lines: hostMap.map((r, i) => ({
      inside: r.inside,
      count: r.count,
      // The parent is the top: its IDs are the host's.
      outside: parent.parent === null ? r.outside : (relative?.[i].outside ?? null),
      host: r.outside,
    })),
  };
}

function levelProcesses(result: DiscoveryResult, ns: Namespace, uidMap: LevelMap, top: boolean): LevelProcess[] {
  const hostMap = uidMap.lines.map((l) => ({ inside: l.inside, outside: l.host, count: l.count }));
  return ns.pids.slice(0, MAX_PROCESSES).flatMap((pid) => {
    const p = result.processes.get(pid);
    if (!p) return [];
    return [{ pid, command: p.command, uidHost: p.uid, uidInside: top ? p.uid : toInside(hostMap, p.uid) }];
  });
}

/** Written maps of the user namespaces that are neither above nor below `ns` (nor `ns` itself). */
function unrelatedMaps(result: DiscoveryResult, ns: Namespace, chain: Namespace[]): OtherMap[] {
  const others: OtherMap[] = [];
  for (const other of result.namespaces.values()) {
    if (other.type !== 'user' || other.parent === null || chain.includes(other)) continue;
    if (userNamespaceChain(result, other.id).includes(ns)) continue; // a descendant
    for (const kind of ['uid', 'gid'] as const) {
      const hostMap = hostMapOf(other, kind);
      if (hostMap?.length) others.push({ inode: other.id.ino, label: other.label, kind, hostMap });
    }
  }
  return others;
}

export function buildIdMapsModel(result: DiscoveryResult, id: NamespaceId, facts: HostIdFacts): IdMapsModel | null {
  const chain = userNamespaceChain(result, id);
  if (chain.length === 0) return null;
  const levels = chain.map((ns, i): IdMapsLevel => {
    const parent = chain[i + 1];
    const top = parent === undefined;
    const ownerUid = ns.user?.ownerUid ?? null;
    const owner = ownerUid === null ? undefined : facts.passwd.find((e) => e.uid === ownerUid);
    const maps = { uid: levelMap(ns, parent, 'uid'), gid: levelMap(ns, parent, 'gid') };
    const subordinate = {
      uid: facts.subuid && ownerUid !== null ? rangesOf(facts.subuid, ownerUid, owner?.name) : null,
      gid: facts.subgid && ownerUid !== null ? rangesOf(facts.subgid, ownerUid, owner?.name) : null,
    };
    const level: IdMapsLevel = {
      inode: ns.id.ino,
      label: ns.label,
      top,
      ownerUid,
      ownerName: owner?.name ?? null,
      setgroups: ns.user?.setgroups ?? null,
      maps,
      subordinate,
      processes: levelProcesses(result, ns, maps.uid, top),
      processCount: ns.pids.length,
      warnings: [],
    };
    level.warnings = [...levelWarnings(level, parent !== undefined && parent.parent === null, owner?.gid ?? null), ...(top ? [] : sharedHostIdWarnings(level, unrelatedMaps(result, ns, chain.slice(i))))];
    return level;
  });
  return { dev: result.nsfsDev, levels, overflow: { uid: facts.overflowUid, gid: facts.overflowGid } };
}
