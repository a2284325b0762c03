// Is the namespace under an inode still the one a view showed? The kernel gives a freed nsfs
// inode to the next new namespace, which on a busy host comes within seconds, so "the inode is
// still there" is not enough for a view that follows one namespace over time.
import type { Namespace } from '../model/namespace';

export interface NamespaceSighting {
  parentIno: number | null;
  ownerUid: number | null;
  pids: readonly number[];
}

export function sightingOf(ns: Namespace): NamespaceSighting {
  return { parentIno: ns.parent?.ino ?? null, ownerUid: ns.user?.ownerUid ?? null, pids: [...ns.pids] };
}

/**
 * False when `now` is evidently another namespace with the same inode: another parent or owner,
 * or none of the processes seen in it last time is in it any more while others are (a namespace
 * whose known processes all left between two looks while new ones joined is taken for a new one:
 * the rare cost of not showing a stranger's maps under the old title).
 */
export function sameNamespace(before: NamespaceSighting | undefined, now: NamespaceSighting): boolean {
  if (!before) return true;
  if (before.parentIno !== now.parentIno || before.ownerUid !== now.ownerUid) return false;
  if (before.pids.length === 0 || now.pids.length === 0) return true;
  return now.pids.some((pid) => before.pids.includes(pid));
}
