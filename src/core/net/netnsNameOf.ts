// The `ip netns` name of a network namespace: the NAME of a bind mount of it directly at
// /run/netns/NAME (not deeper) in our own mount namespace. A bind mount at the same path in
// another mount namespace (a container's own /run/netns) is no name `ip netns` or the helper here
// can use: `ip -n NAME` and `netns:NAME` open /run/netns/NAME in this mount namespace.
import type { Namespace } from '../model/namespace';

export const NETNS_RUN_DIR = '/run/netns/';

export function netnsNameOf(ns: Namespace, ownMntIno: number): string | undefined {
  const mount = ns.bindMounts.find((m) => m.mntns === ownMntIno && m.path.startsWith(NETNS_RUN_DIR) && !m.path.slice(NETNS_RUN_DIR.length).includes('/'));
  return mount?.path.slice(NETNS_RUN_DIR.length);
}
