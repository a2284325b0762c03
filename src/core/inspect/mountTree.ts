// The mounts of a mount namespace (its mountinfo) as a tree by parent mount. A mount is
// overmounted when another mount was made on the same mount point on top of it (its parent is
// the mount it covers); everything below an overmounted mount is hidden from path lookups.
import type { MountinfoEntryWithPropagation } from '../parsers/mountinfo';
import type { MountNode } from './inspectTypes';

export function buildMountTree(entries: readonly MountinfoEntryWithPropagation[]): MountNode[] {
  const nodes = new Map<number, MountNode>();
  for (const e of entries) {
    nodes.set(e.mountId, {
      mountId: e.mountId,
      parentId: e.parentId,
      mountPoint: e.mountPoint,
      root: e.root,
      source: e.source,
      fsType: e.fsType,
      options: e.options,
      superOptions: e.superOptions,
      propagation: e.propagation.length ? e.propagation : ['private'],
      overmounted: false,
      hidden: false,
      children: [],
    });
  }
  const roots: MountNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== node.mountId ? nodes.get(node.parentId) : undefined;
    if (!parent) {
      // The root of the namespace (its parent is outside: another namespace, or the chroot).
      roots.push(node);
      continue;
    }
    parent.children.push(node);
    if (parent.mountPoint === node.mountPoint) parent.overmounted = true;
  }
  const hide = (node: MountNode, hidden: boolean) => {
    node.hidden = hidden;
    node.children.forEach((child, i) => {
      // The mount on top of an overmounted one stays visible; its siblings below do not. A later
      // sibling on a folder above a child's mount point hides that child too (mountinfo lists
      // mounts in the order they were made).
      const coveredAbove = node.children.slice(i + 1).some((later) => isBelow(child.mountPoint, later.mountPoint));
      hide(child, hidden || coveredAbove || (node.overmounted && child.mountPoint !== node.mountPoint));
    });
  };
  for (const root of roots) hide(root, false);
  return roots;
}

function isBelow(path: string, folder: string): boolean {
  return folder === '/' ? path !== '/' : path.startsWith(`${folder}/`);
}

/** Every node of the tree, depth first. */
export function flattenMounts(roots: readonly MountNode[]): MountNode[] {
  const out: MountNode[] = [];
  const walk = (node: MountNode) => {
    out.push(node);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}
