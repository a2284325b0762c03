import type { NsType } from '../model/nsType';

/** What each namespace type isolates, in words for people. */
export const TYPE_TITLES: Record<NsType, string> = {
  mnt: 'mount',
  pid: 'PID',
  net: 'network',
  ipc: 'IPC',
  uts: 'host name (UTS)',
  user: 'user',
  cgroup: 'cgroup',
  time: 'time',
};
