// The warnings the ID-maps view explains in plain words: overlapping lines (the kernel refuses
// such a map), host root mapped inside, maps beyond the owner's subordinate IDs, and host IDs
// that another namespace outside the chain maps too.
import type { IdMapRange } from '../parsers/idMap';
import { findOverlaps, toInside, uncoveredOutside } from './idMapMath';
import type { IdKind, IdMapsLevel, IdMapsWarning } from './idMapsTypes';

const NAMES: Record<IdKind, { id: string; file: string }> = {
  uid: { id: 'UID', file: '/etc/subuid' },
  gid: { id: 'GID', file: '/etc/subgid' },
};

function span(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start}–${start + count - 1}`;
}

/** Overlap warnings for one map; exported for tests of maps that did not come from a kernel. */
export function overlapWarnings(map: readonly IdMapRange[], kind: IdKind): IdMapsWarning[] {
  const { id } = NAMES[kind];
  return findOverlaps(map).map(({ first, second, side }) => {
    const a = map[first];
    const b = map[second];
    const [x, y] = side === 'inside' ? [a.inside, b.inside] : [a.outside, b.outside];
    return {
      kind: 'overlap' as const,
      idKind: kind,
      text: `Lines ${first + 1} and ${second + 1} of the ${kind}_map overlap ${side === 'inside' ? 'inside' : 'outside'} (${id}s ${span(x, a.count)} and ${span(y, b.count)}): one ${id} would have two meanings, so the kernel refuses such a map with EINVAL.`,
    };
  });
}

/**
 * @param parentIsTop the namespace's parent is the top one, whose IDs are the ones /etc/subuid
 *   and /etc/subgid speak of (newuidmap checks them there).
 * @param ownerGid the owner's primary group, which newgidmap lets it map besides its ranges.
 */
export function levelWarnings(level: IdMapsLevel, parentIsTop: boolean, ownerGid: number | null): IdMapsWarning[] {
  if (level.top) return [];
  const warnings: IdMapsWarning[] = [];
  for (const kind of ['uid', 'gid'] as const) {
    const { id, file } = NAMES[kind];
    const map = level.maps[kind];
    if (map.state !== 'written') continue;
    const hostMap = map.lines.map((l) => ({ inside: l.inside, outside: l.host, count: l.count }));
    warnings.push(...overlapWarnings(hostMap, kind));
    const rootInside = toInside(hostMap, 0);
    if (rootInside !== null) {
      warnings.push({
        kind: 'hostRoot',
        idKind: kind,
        text: `Host ${id} 0 (root) is ${id} ${rootInside} in here. Files that a process of this namespace creates as ${id} ${rootInside} belong to root on the host, and what it can reach through shared mounts it reaches as host root: keep host root out of a namespace you want contained.`,
      });
    }
    const subordinate = level.subordinate[kind];
    if (!parentIsTop || level.ownerUid === null || subordinate === null) continue;
    const own = kind === 'uid' ? level.ownerUid : ownerGid;
    const allowed = [...subordinate, ...(own === null ? [] : [{ start: own, count: 1 }])];
    const beyond = map.lines.flatMap((l) => uncoveredOutside(l.host, l.count, allowed));
    if (beyond.length === 0) continue;
    const owner = level.ownerName ? `${level.ownerName} (UID ${level.ownerUid})` : `UID ${level.ownerUid}`;
    const ownId = kind === 'uid' ? 'own UID' : 'primary GID';
    const ranges = subordinate.length ? subordinate.map((r) => span(r.start, r.count)).join(', ') : 'none';
    warnings.push({
      kind: 'beyondSubordinate',
      idKind: kind,
      text: `The ${kind}_map gives this namespace host ${id}s ${beyond.map((b) => span(b.start, b.count)).join(', ')}: neither the ${ownId} of its owner, ${owner}, nor among the owner's subordinate ${id}s in ${file} (${ranges}). ${kind === 'uid' ? 'newuidmap' : 'newgidmap'} would have refused that, so a process privileged on the host wrote this map.`,
    });
  }
  return warnings;
}

/** Another user namespace's map in host IDs, for sharedHostIdWarnings. */
export interface OtherMap {
  inode: number;
  label: string;
  kind: IdKind;
  hostMap: readonly IdMapRange[];
}

/**
 * Host IDs of this level that a user namespace neither above nor below it maps too (siblings,
 * cousins): a process there and one here with such an ID own the same files on the host.
 */
export function sharedHostIdWarnings(level: IdMapsLevel, others: readonly OtherMap[]): IdMapsWarning[] {
  if (level.top) return [];
  const warnings: IdMapsWarning[] = [];
  for (const kind of ['uid', 'gid'] as const) {
    const { id } = NAMES[kind];
    const mine = level.maps[kind].lines;
    const shared: { start: number; count: number; with: OtherMap }[] = [];
    for (const other of others.filter((o) => o.kind === kind)) {
      for (const a of mine) {
        for (const b of other.hostMap) {
          const start = Math.max(a.host, b.outside);
          const end = Math.min(a.host + a.count, b.outside + b.count);
          if (start < end) shared.push({ start, count: end - start, with: other });
        }
      }
    }
    if (shared.length === 0) continue;
    const names = [...new Set(shared.map((x) => `user ${x.with.inode}${x.with.label ? ` (${x.with.label})` : ''}`))];
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
    const first = shared[0];
    warnings.push({
      kind: 'sharedHostIds',
      idKind: kind,
      text: `Host ${id}s of this namespace are mapped in ${shown} too (e.g. host ${id}s ${span(first.start, first.count)}), which is neither its ancestor nor its descendant: processes there and here with those ${id}s own the same files on the host, so ${id}s do not keep the two apart.`,
    });
  }
  return warnings;
}
