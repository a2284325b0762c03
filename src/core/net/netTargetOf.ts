// Where the helper acts for a namespace in the picture: the host, its `ip netns` name, a process
// in it, or the open fd that alone holds it. One only a thread or a foreign bind mount holds has
// no target.
import type { NetTarget } from '../helper/netTarget';
import type { NetNamespaceNode } from './topology';

export function netTargetOf(ns: NetNamespaceNode): NetTarget | undefined {
  if (ns.isHost) return { kind: 'host' };
  if (ns.netnsName !== undefined) return { kind: 'netns', name: ns.netnsName };
  const pid = ns.pids[0];
  if (pid !== undefined) return { kind: 'pid', pid };
  const fd = /^\/proc\/([1-9][0-9]*)\/fd\/([0-9]+)$/.exec(ns.path);
  return fd ? { kind: 'fd', pid: Number(fd[1]), fd: Number(fd[2]) } : undefined;
}

/** A default name for a new veth end: "veth-" and a short tag of the other side. */
export function defaultVethName(other: NetNamespaceNode, taken: ReadonlySet<string>): string {
  const stem = `v-${(other.netnsName ?? other.label).replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 10) || other.inode % 100000}`;
  let name = stem.slice(0, 15);
  for (let i = 1; taken.has(name); i++) name = `${stem.slice(0, 15 - String(i).length - 1)}-${i}`;
  return name;
}
