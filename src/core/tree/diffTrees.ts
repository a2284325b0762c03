// What a refresh must tell VS Code: the top-most nodes whose look or children changed. VS Code
// re-reads a refreshed node's children itself, so nodes below a changed one are not listed.
import { ROOT, type TreeSnapshot } from './treeSnapshot';

export interface TreeChanges {
  /** The top level changed: refresh everything (VS Code still keeps expansion by id). */
  root: boolean;
  /** Ids of changed nodes, none below another. */
  changed: string[];
}

export function diffTrees(before: TreeSnapshot, after: TreeSnapshot): TreeChanges {
  if (before.grouping !== after.grouping || before.filter?.text !== after.filter?.text || !sameList(before.rootIds, after.rootIds)) {
    return { root: true, changed: [] };
  }
  const changed = new Set<string>();
  for (const id of after.structuralIds()) {
    if (before.signature(id) !== after.signature(id) || !sameList(before.structuralChildIds(id), after.structuralChildIds(id))) {
      changed.add(id);
    }
  }
  const topMost = [...changed].filter((id) => !hasAncestorIn(after, id, changed));
  return { root: false, changed: topMost };
}

function hasAncestorIn(snapshot: TreeSnapshot, id: string, ids: ReadonlySet<string>): boolean {
  for (let parent = snapshot.node(id)?.parentId; parent !== undefined && parent !== ROOT; parent = snapshot.node(parent)?.parentId) {
    if (ids.has(parent)) return true;
  }
  return false;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
