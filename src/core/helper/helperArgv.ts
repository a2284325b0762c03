// One request to the privileged helper -> its argv (after the helper's path). Every argument is
// checked here first; the helper checks again.
import { checkCidr, checkIfName, checkNetnsName, HelperArgumentError } from './helperRules';
import { netTargetArg, type NetTarget } from './netTarget';

export type HelperRequest =
  | { verb: 'version' }
  | { verb: 'snapshot' }
  /** Interfaces, routes, listening sockets and nsids of each target, in one call (parseHelperNetRead). */
  | { verb: 'net-read'; targets: readonly NetTarget[] }
  | { verb: 'netns-add'; name: string }
  | { verb: 'netns-del'; name: string }
  | {
      verb: 'veth-add';
      a: { target: NetTarget; ifName: string; cidr?: string };
      b: { target: NetTarget; ifName: string; cidr?: string };
    }
  | { verb: 'link-set'; target: NetTarget; ifName: string; state: 'up' | 'down' }
  /** A pcap of the interface on stdout until the helper's stdin closes. */
  | { verb: 'capture'; target: NetTarget; ifName: string };

export type HelperVerb = HelperRequest['verb'];

/** Verbs that change the host (the rest only read). */
export const CHANGING_VERBS: ReadonlySet<HelperVerb> = new Set(['netns-add', 'netns-del', 'veth-add', 'link-set']);

/** How many targets one net-read takes (the helper refuses more). */
export const NET_READ_MAX_TARGETS = 1000;

export function helperArgv(request: HelperRequest): string[] {
  switch (request.verb) {
    case 'version':
    case 'snapshot':
      return [request.verb];
    case 'net-read':
      if (request.targets.length < 1 || request.targets.length > NET_READ_MAX_TARGETS) {
        throw new HelperArgumentError(`net-read takes 1 to ${NET_READ_MAX_TARGETS} targets, got ${request.targets.length}`);
      }
      return ['net-read', ...request.targets.map(netTargetArg)];
    case 'netns-add':
    case 'netns-del':
      return [request.verb, checkNetnsName(request.name)];
    case 'veth-add': {
      const { a, b } = request;
      const argv = ['veth-add', netTargetArg(a.target), checkIfName(a.ifName), netTargetArg(b.target), checkIfName(b.ifName)];
      if (a.cidr !== undefined || b.cidr !== undefined) {
        argv.push(a.cidr === undefined ? 'none' : checkCidr(a.cidr));
        if (b.cidr !== undefined) argv.push(checkCidr(b.cidr));
      }
      return argv;
    }
    case 'link-set':
      return ['link-set', netTargetArg(request.target), checkIfName(request.ifName), request.state === 'up' ? 'up' : 'down'];
    case 'capture':
      return ['capture', netTargetArg(request.target), checkIfName(request.ifName)];
  }
}
