// Where a network action happens: the host's network namespace, a named one (`ip netns`), or the
// network namespace of a process (a container's, which has no name).
import { checkNetnsName, checkPid } from './helperRules';

export type NetTarget = { kind: 'host' } | { kind: 'netns'; name: string } | { kind: 'pid'; pid: number };

/** The TARGET argument of the helper: host, netns:NAME or pid:PID (checked). */
export function netTargetArg(target: NetTarget): string {
  switch (target.kind) {
    case 'host':
      return 'host';
    case 'netns':
      return `netns:${checkNetnsName(target.name)}`;
    case 'pid':
      return `pid:${checkPid(target.pid)}`;
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
  }
}
