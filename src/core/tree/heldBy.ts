// What keeps a namespace alive, and the words for it: the tree's description and the command
// line's HELD BY column both come from here, in one order.
import type { Namespace } from '../model/namespace';
import type { HeldBy } from './treeNode';

/** Every holder of a namespace, strongest first; empty when only descendants keep it. */
export function holdersOf(ns: Namespace): Exclude<HeldBy, 'descendants'>[] {
  const out: Exclude<HeldBy, 'descendants'>[] = [];
  if (ns.pids.length) out.push('processes');
  if (ns.bindMounts.length) out.push('bindMount');
  if (ns.fdRefs.length) out.push('fd');
  if (ns.tids.length) out.push('threads');
  if (ns.forChildrenPids.length) out.push('children');
  return out;
}

/** The strongest holder: shown and flagged in the view for a namespace no process is in. */
export function heldBy(ns: Namespace): HeldBy {
  return holdersOf(ns)[0] ?? 'descendants';
}

/** The view's words for a namespace no process is in. */
export const HELD_BY_TEXT: Record<Exclude<HeldBy, 'processes'>, string> = {
  bindMount: 'held by a bind mount only',
  fd: 'held by an open fd only',
  threads: 'threads only',
  children: "for children's use only",
  descendants: 'ancestor, no process',
};

/** The command line's words (a narrow column, comma-separated). */
export const HELD_BY_WORD: Record<HeldBy, string> = {
  processes: 'procs',
  bindMount: 'mount',
  fd: 'fd',
  threads: 'threads',
  children: 'children',
  descendants: 'ancestor',
};
