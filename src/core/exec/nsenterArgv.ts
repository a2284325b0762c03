// nsenter(1) command lines that enter a namespace or all namespaces of a process.
import type { NsType } from '../model/nsType';

const NSENTER_OPTION: Record<NsType, string> = {
  mnt: '--mount',
  pid: '--pid',
  net: '--net',
  ipc: '--ipc',
  uts: '--uts',
  user: '--user',
  cgroup: '--cgroup',
  time: '--time',
};

/** A way into a namespace that works right now: a process in it, or a file that is it. */
export type NamespaceEntry = { kind: 'process'; pid: number } | { kind: 'file'; path: string };

export function nsenterNamespaceArgv(type: NsType, entry: NamespaceEntry): string[] {
  return entry.kind === 'process'
    ? ['nsenter', '--target', String(entry.pid), NSENTER_OPTION[type]]
    : ['nsenter', `${NSENTER_OPTION[type]}=${entry.path}`];
}

/** Every namespace of a process, the way `docker exec` would see it. */
export function nsenterProcessArgv(pid: number): string[] {
  return ['nsenter', '--target', String(pid), '--all'];
}
