// Pure arithmetic on uid_map/gid_map ranges (user_namespaces(7)): translating one ID either way,
// composing a chain of maps down to the host, and finding the overlaps the kernel would reject.
// IDs are unsigned 32-bit; (uid_t)-1 = 4294967295 is never a valid ID.
import type { IdMapRange } from '../parsers/idMap';

export const MAX_ID = 4294967294;

/** The ID outside (in the parent) that `id` inside is, or null when no range maps it. */
export function toOutside(map: readonly IdMapRange[], id: number): number | null {
  for (const r of map) if (id >= r.inside && id - r.inside < r.count) return r.outside + (id - r.inside);
  return null;
}

/** The ID inside that `id` outside (in the parent) is, or null when no range maps it. */
export function toInside(map: readonly IdMapRange[], id: number): number | null {
  for (const r of map) if (id >= r.outside && id - r.outside < r.count) return r.inside + (id - r.outside);
  return null;
}

/** A half-open overlap test on [start, start + count). */
function intersects(a: number, aCount: number, b: number, bCount: number): boolean {
  return a < b + bCount && b < a + aCount;
}

export interface MapOverlap {
  /** Indexes of the two lines in the map. */
  first: number;
  second: number;
  /** Which side overlaps: the kernel refuses both (mappings_overlap() in kernel/user_namespace.c). */
  side: 'inside' | 'outside';
}

/** Every pair of lines whose inside or outside ranges overlap. */
export function findOverlaps(map: readonly IdMapRange[]): MapOverlap[] {
  const overlaps: MapOverlap[] = [];
  for (let i = 0; i < map.length; i++) {
    for (let j = i + 1; j < map.length; j++) {
      const a = map[i];
      const b = map[j];
      if (intersects(a.inside, a.count, b.inside, b.count)) overlaps.push({ first: i, second: j, side: 'inside' });
      if (intersects(a.outside, a.count, b.outside, b.count)) overlaps.push({ first: i, second: j, side: 'outside' });
    }
  }
  return overlaps;
}

/**
 * Composes a child's map (inside -> parent) with the parent's (parent -> grandparent): the
 * result maps child IDs straight to grandparent IDs. A child range that spans several parent
 * ranges is split; parts the parent does not map are left out (they are unmapped further up).
 */
export function composeMaps(child: readonly IdMapRange[], parent: readonly IdMapRange[]): IdMapRange[] {
  const out: IdMapRange[] = [];
  for (const c of child) {
    for (const p of parent) {
      const start = Math.max(c.outside, p.inside);
      const end = Math.min(c.outside + c.count, p.inside + p.count);
      if (start >= end) continue;
      out.push({ inside: c.inside + (start - c.outside), outside: p.outside + (start - p.inside), count: end - start });
    }
  }
  return out.sort((a, b) => a.inside - b.inside);
}

/**
 * Maps from the deepest namespace first, each relative to its parent, composed into one map from
 * the deepest namespace to the top (the host). An empty chain is the identity of the top.
 */
export function composeChain(mapsDeepestFirst: readonly (readonly IdMapRange[])[]): IdMapRange[] {
  if (mapsDeepestFirst.length === 0) return [{ inside: 0, outside: 0, count: MAX_ID + 1 }];
  let composed = [...mapsDeepestFirst[0]];
  for (const parent of mapsDeepestFirst.slice(1)) composed = composeMaps(composed, parent);
  return composed;
}

/**
 * A map whose outside IDs are the host's (as the kernel shows it to a reader in the initial user
 * namespace) turned relative to the parent, given the parent's map in host IDs too. The kernel
 * keeps every child range inside one parent range, so each line translates whole; a line that
 * does not (which the kernel would not allow) comes back with outside null.
 */
export function relativeToParent(childHostMap: readonly IdMapRange[], parentHostMap: readonly IdMapRange[]): { inside: number; outside: number | null; count: number }[] {
  return childHostMap.map((r) => {
    const start = toInside(parentHostMap, r.outside);
    const last = toInside(parentHostMap, r.outside + r.count - 1);
    const whole = start !== null && last !== null && last - start === r.count - 1;
    return { inside: r.inside, outside: whole ? start : null, count: r.count };
  });
}

/** How many IDs of [start, start + count) no range of `covering` (by outside ID) contains. */
export function uncoveredOutside(start: number, count: number, covering: readonly { start: number; count: number }[]): { start: number; count: number }[] {
  let pieces = [{ start, count }];
  for (const c of covering) {
    const next: { start: number; count: number }[] = [];
    for (const p of pieces) {
      const cutStart = Math.max(p.start, c.start);
      const cutEnd = Math.min(p.start + p.count, c.start + c.count);
      if (cutStart >= cutEnd) {
        next.push(p);
        continue;
      }
      if (cutStart > p.start) next.push({ start: p.start, count: cutStart - p.start });
      if (cutEnd < p.start + p.count) next.push({ start: cutEnd, count: p.start + p.count - cutEnd });
    }
    pieces = next;
  }
  return pieces;
}
