// Where the helper reads and acts for a namespace in the picture: "host" for our own (the helper
// runs in its caller's network namespace: "host" is /proc/self/ns/net there), else its `ip netns`
// name, the process it is read through, or the open fd that alone holds it. One only a thread or
// a foreign bind mount holds has no target.
import { netTargetOfPath, type NetTarget } from '../helper/netTarget';
import type { NetNamespaceNode } from './topology';

export function netTargetOf(ns: Pick<NetNamespaceNode, 'isOwn' | 'netnsName' | 'path' | 'pids'>): NetTarget | undefined {
  if (ns.isOwn) return { kind: 'host' };
  if (ns.netnsName !== undefined) return { kind: 'netns', name: ns.netnsName };
  const pid = ns.pids[0];
  return netTargetOfPath(ns.path) ?? (pid !== undefined ? { kind: 'pid', pid } : undefined);
}

/** A default name for a new veth end: "veth-" and a short tag of the other side. */
export function defaultVethName(other: NetNamespaceNode, taken: ReadonlySet<string>): string {
  const stem = `v-${(other.netnsName ?? other.label).replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 10) || other.inode % 100000}`;
  let name = stem.slice(0, 15);
  for (let i = 1; taken.has(name); i++) name = `${stem.slice(0, 15 - String(i).length - 1)}-${i}`;
  return name;
}
