// How to read a network namespace: `ip -n NAME` for one bind-mounted under /run/netns, plain
// `ip` for our own, else nsenter through a process in it or an fd that holds it. Argv only.
import type { Namespace } from '../model/namespace';
import { NETNS_RUN_DIR, netnsNameOf } from './netnsNameOf';

export interface NetnsEntry {
  /** A path that opens the namespace (for nsenter, setns and the nsid question). */
  path: string;
  /** The `ip netns` name, when it has one in our mount namespace. */
  netnsName?: string;
  /** argv prefix that runs a program inside; [] for our own namespace. */
  prefix: string[];
}

/** `ip` argv for a program and its arguments run inside the namespace of `entry`. */
export function ipArgv(entry: NetnsEntry, args: readonly string[]): string[] {
  if (entry.netnsName !== undefined) return ['ip', '-n', entry.netnsName, ...args];
  return [...entry.prefix, 'ip', ...args];
}

/** The way into a net namespace, or undefined when nothing we can open holds it. */
export function netnsEntry(ns: Namespace, ownNetIno: number, ownMntIno: number, procRoot = '/proc'): NetnsEntry | undefined {
  const named = netnsNameOf(ns, ownMntIno);
  if (ns.id.ino === ownNetIno) return { path: `${procRoot}/self/ns/net`, prefix: [], ...(named !== undefined ? { netnsName: named } : {}) };
  if (named !== undefined) return { path: `${NETNS_RUN_DIR}${named}`, netnsName: named, prefix: [] };
  const pid = ns.senior ?? ns.pids[0];
  if (pid !== undefined) return viaPath(`${procRoot}/${pid}/ns/net`);
  const tid = ns.tids[0];
  if (tid !== undefined) return viaPath(`${procRoot}/${tid}/task/${tid}/ns/net`);
  const fdRef = ns.fdRefs[0];
  if (fdRef) return viaPath(`${procRoot}/${fdRef.pid}/fd/${fdRef.fd}`);
  const mount = ns.bindMounts.find((m) => m.mntns === ownMntIno);
  return mount ? viaPath(mount.path) : undefined;
}

function viaPath(path: string): NetnsEntry {
  return { path, prefix: ['nsenter', `--net=${path}`, '--'] };
}
