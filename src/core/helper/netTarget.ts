// Where a network action happens: the host's network namespace, a named one (`ip netns`), the
// network namespace of a process (a container's, which has no name), or one only an open fd of a
// process holds.
import { checkFd, checkNetnsName, checkPid } from './helperRules';

export type NetTarget = { kind: 'host' } | { kind: 'netns'; name: string } | { kind: 'pid'; pid: number } | { kind: 'fd'; pid: number; fd: number };

/** The TARGET argument of the helper: host, netns:NAME, pid:PID or fd:PID:FD (checked). */
export function netTargetArg(target: NetTarget): string {
  switch (target.kind) {
    case 'host':
      return 'host';
    case 'netns':
      return `netns:${checkNetnsName(target.name)}`;
    case 'pid':
      return `pid:${checkPid(target.pid)}`;
    case 'fd':
      return `fd:${checkPid(target.pid)}:${checkFd(target.fd)}`;
  }
}

/** How a person reads a target. */
export function netTargetText(target: NetTarget): string {
  switch (target.kind) {
    case 'host':
      return 'the host';
    case 'netns':
      return `network namespace "${target.name}"`;
    case 'pid':
      return `the network namespace of PID ${target.pid}`;
    case 'fd':
      return `the network namespace held by fd ${target.fd} of PID ${target.pid}`;
  }
}

/** The file that opens the target's network namespace (the helper's "host" is its own: /proc/self). */
export function netTargetPath(target: NetTarget, procRoot = '/proc', netnsDir = '/run/netns'): string {
  switch (target.kind) {
    case 'host':
      return `${procRoot}/self/ns/net`;
    case 'netns':
      return `${netnsDir}/${target.name}`;
    case 'pid':
      return `${procRoot}/${target.pid}/ns/net`;
    case 'fd':
      return `${procRoot}/${target.pid}/fd/${target.fd}`;
  }
}

/** The process or fd target a path under /proc opens (netTargetPath's inverse for those two); else undefined. */
export function netTargetOfPath(path: string): Extract<NetTarget, { kind: 'pid' | 'fd' }> | undefined {
  const pid = /^\/proc\/([1-9][0-9]*)\/ns\/net$/.exec(path);
  if (pid) return { kind: 'pid', pid: Number(pid[1]) };
  const fd = /^\/proc\/([1-9][0-9]*)\/fd\/([0-9]+)$/.exec(path);
  return fd ? { kind: 'fd', pid: Number(fd[1]), fd: Number(fd[2]) } : undefined;
}
