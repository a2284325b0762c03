// Which helper TARGET reaches a network namespace the view shows: its `ip netns` name when it has
// one, "host" for the host's own, else the namespace of its most senior process (a container's).
import type { Namespace } from '../model/namespace';
import type { DiscoveryResult } from '../model/result';
import type { NetTarget } from './netTarget';

const NETNS_DIR = '/run/netns/';

/** The `ip netns` name of a network namespace: a bind mount at /run/netns/NAME. */
export function netnsNameOf(ns: Namespace): string | undefined {
  const mount = ns.bindMounts.find((m) => m.path.startsWith(NETNS_DIR) && !m.path.slice(NETNS_DIR.length).includes('/'));
  return mount?.path.slice(NETNS_DIR.length);
}

/** The host's network namespace: that of PID 1 as this discovery saw it. */
export function isHostNet(ns: Namespace, result: DiscoveryResult): boolean {
  return result.processes.get(1)?.namespaces.net === ns.id.ino;
}

export function netTargetOf(ns: Namespace, result: DiscoveryResult): NetTarget | undefined {
  if (ns.type !== 'net') return undefined;
  if (isHostNet(ns, result)) return { kind: 'host' };
  const name = netnsNameOf(ns);
  if (name !== undefined) return { kind: 'netns', name };
  const pid = ns.senior ?? ns.pids[0];
  return pid === undefined ? undefined : { kind: 'pid', pid };
}
