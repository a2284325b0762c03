import type { NsType } from '../model/nsType';

/** The long option util-linux's unshare and nsenter both use for each namespace type. */
export const NAMESPACE_OPTION: Readonly<Record<NsType, string>> = {
  mnt: '--mount',
  pid: '--pid',
  net: '--net',
  ipc: '--ipc',
  uts: '--uts',
  user: '--user',
  cgroup: '--cgroup',
  time: '--time',
};

/**
 * The order of namespace options on an nsenter or unshare command line. The tools decide the
 * order they act in themselves (nsenter enters the user namespace first or last as privileges
 * need); this order is only for a stable, readable command line.
 */
export const OPTION_ORDER: readonly NsType[] = ['user', 'mnt', 'uts', 'ipc', 'net', 'pid', 'cgroup', 'time'];

/** `types` in OPTION_ORDER. */
export function inOptionOrder(types: readonly NsType[]): NsType[] {
  return OPTION_ORDER.filter((t) => types.includes(t));
}
