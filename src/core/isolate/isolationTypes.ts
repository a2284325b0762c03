// The namespace types an isolated terminal can get, what each one isolates in one line, and the
// presets offered in the quick pick and as terminal profiles.
import type { NsType } from '../model/nsType';

export const ISOLATION_TYPES: readonly NsType[] = ['uts', 'pid', 'mnt', 'net', 'ipc', 'user', 'cgroup', 'time'];

export const ISOLATES: Record<NsType, string> = {
  uts: 'own hostname',
  pid: 'own process tree: the shell is PID 1, fresh /proc',
  mnt: 'own mounts: mounting and unmounting stays inside',
  net: 'own network stack: only a loopback interface',
  ipc: 'own System V IPC and POSIX message queues',
  user: 'own user IDs: root inside, you outside',
  cgroup: 'own view of the cgroup tree',
  time: 'own boot and monotonic clocks',
};

export interface IsolationPreset {
  id: string;
  title: string;
  types: readonly NsType[];
}

export const PRESETS: readonly IsolationPreset[] = [
  { id: 'utsPid', title: 'UTS + PID', types: ['uts', 'pid'] },
  { id: 'network', title: 'Network', types: ['net'] },
  { id: 'everything', title: 'Everything', types: ISOLATION_TYPES },
];

/** "UTS+PID", "net": what a terminal isolates, short enough for its name. */
export function isolationTitle(types: readonly NsType[]): string {
  const preset = PRESETS.find((p) => p.types.length === types.length && p.types.every((t) => types.includes(t)));
  return preset ? preset.title.replace(/ /g, '') : ISOLATION_TYPES.filter((t) => types.includes(t)).join('+');
}
