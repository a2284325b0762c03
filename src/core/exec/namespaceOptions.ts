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
