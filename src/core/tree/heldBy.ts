import type { Namespace } from '../model/namespace';
import type { HeldBy } from './treeNode';

/** What keeps a namespace alive, for a namespace no process is in: shown and flagged in the view. */
export function heldBy(ns: Namespace): HeldBy {
  if (ns.pids.length) return 'processes';
  if (ns.bindMounts.length) return 'bindMount';
  if (ns.fdRefs.length) return 'fd';
  if (ns.tids.length) return 'threads';
  if (ns.forChildrenPids.length) return 'children';
  return 'descendants';
}
