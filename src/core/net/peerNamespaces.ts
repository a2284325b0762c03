// Which network namespace each nsid of one namespace stands for, for its details document: a veth
// peer in another namespace is shown by ifindex and nsid (`link_netnsid`), and the kernel alone
// knows which namespace that nsid is (the addon's RTM_GETNSID, asked from inside this one).
import { readlinkSync } from 'node:fs';
import type { Namespace } from '../model/namespace';
import type { DiscoveryResult } from '../model/result';
import type { NativeAddon } from '../discovery/nativeAddon';
import { netnsEntry } from './netnsEntry';
import type { NetInterface } from './topology';

/** nsid → namespace, for the nsids these interfaces name; empty when none or it cannot be asked. */
export function peerNamespaces(
  ns: Namespace,
  interfaces: readonly NetInterface[],
  result: DiscoveryResult,
  addon: Pick<NativeAddon, 'netnsIds'>,
  procRoot = '/proc',
): Map<number, Namespace> {
  const peers = new Map<number, Namespace>();
  const wanted = new Set(interfaces.flatMap((iface) => (iface.linkNetnsid === undefined ? [] : [iface.linkNetnsid])));
  if (!wanted.size) return peers;
  const ownNet = inodeOf(`${procRoot}/self/ns/net`);
  const ownMnt = inodeOf(`${procRoot}/self/ns/mnt`);
  const from = netnsEntry(ns, ownNet, ownMnt, procRoot);
  if (!from) return peers;
  const others = [...result.namespaces.values()].filter((other) => other.type === 'net' && other !== ns);
  const paths = others.map((other) => netnsEntry(other, ownNet, ownMnt, procRoot)?.path ?? '');
  const ids = addon.netnsIds(from.path, paths);
  ids?.forEach((id, i) => {
    if (wanted.has(id)) peers.set(id, others[i]);
  });
  return peers;
}

function inodeOf(path: string): number {
  try {
    const match = /\[(\d+)\]$/.exec(readlinkSync(path));
    return match ? Number(match[1]) : -1;
  } catch {
    return -1;
  }
}
