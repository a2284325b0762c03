// The order namespaces are listed in everywhere (the tree, pickers, the command line's table and
// JSON): by type as in NS_TYPES, then by inode.
import type { Namespace } from './namespace';
import { NS_TYPES } from './nsType';

export function byInode(a: Namespace, b: Namespace): number {
  return a.id.ino - b.id.ino;
}

export function byTypeThenInode(a: Namespace, b: Namespace): number {
  return NS_TYPES.indexOf(a.type) - NS_TYPES.indexOf(b.type) || byInode(a, b);
}
