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
