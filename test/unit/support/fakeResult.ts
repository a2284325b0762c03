// A small hand-made discovery result for tree tests: a host, a nested user namespace with a PID
// namespace and a container process, and a network namespace held only by a bind mount.
import { newNamespace, type Namespace } from '../../../src/core/model/namespace';
import type { NsType } from '../../../src/core/model/nsType';
import type { ProcessInfo } from '../../../src/core/model/process';
import { emptyResult, type DiscoveryResult } from '../../../src/core/model/result';
import { idKey } from '../../../src/core/model/namespaceId';

export const DEV = 4;
export const DOCKER_ID = 'ab'.repeat(32);

type NsSpec = Partial<Omit<Namespace, 'id' | 'type' | 'owner' | 'parent'>> & { owner?: number; parent?: number };

export function fakeResult(): DiscoveryResult {
  const result = emptyResult(DEV, true);
  const ns = (ino: number, type: NsType, spec: NsSpec = {}) => {
    const { owner, parent, ...rest } = spec;
    const made = Object.assign(newNamespace({ dev: DEV, ino }, type), rest, {
      owner: owner === undefined ? null : { dev: DEV, ino: owner },
      parent: parent === undefined ? null : { dev: DEV, ino: parent },
    });
    result.namespaces.set(idKey(made.id), made);
  };
  const proc = (pid: number, command: string, namespaces: Partial<Record<NsType, number>>, extra: Partial<ProcessInfo> = {}) => {
    result.processes.set(pid, {
      pid, ppid: 1, command, cmdline: [command], cmdlineTruncated: false, uid: 0, startTicks: pid * 10, nspid: [pid], cgroup: '/',
      container: null, threads: 1, namespaces, ...extra,
    });
  };
  const host = { mnt: 100, pid: 10, net: 20, ipc: 30, uts: 40, user: 1, cgroup: 50, time: 60 };
  proc(1, 'systemd', host, { ppid: 0 });
  proc(2, 'bash', host);
  proc(300, 'sleep', { ...host, user: 2, pid: 11 }, { nspid: [300, 1], ppid: 2, container: { engine: 'docker', id: DOCKER_ID } });
  proc(301, 'sleep', { ...host, user: 3, pid: 11 }, { nspid: [301, 2], ppid: 300, container: { engine: 'docker', id: DOCKER_ID } });

  ns(1, 'user', { pids: [1, 2], leaders: [1], senior: 1, label: 'systemd', user: { ownerUid: 0, uidMap: [{ inside: 0, outside: 0, count: 4294967295 }], gidMap: [], setgroups: 'allow' } });
  ns(2, 'user', { pids: [300], owner: 1, parent: 1, leaders: [300], senior: 300, label: 'sleep', container: { engine: 'docker', id: DOCKER_ID } });
  ns(3, 'user', { pids: [301], owner: 2, parent: 2, leaders: [301], senior: 301, label: 'sleep', container: { engine: 'docker', id: DOCKER_ID } });
  ns(10, 'pid', { pids: [1, 2], owner: 1, leaders: [1], senior: 1, label: 'systemd' });
  ns(11, 'pid', { pids: [300, 301], owner: 2, parent: 10, leaders: [300], senior: 300, label: 'sleep', container: { engine: 'docker', id: DOCKER_ID } });
  ns(20, 'net', { pids: [1, 2, 300, 301], owner: 1, leaders: [1], senior: 1, label: 'systemd' });
  ns(21, 'net', { owner: 1, label: 'blue', bindMounts: [{ path: '/run/netns/blue', mntns: 100 }] });
  for (const [ino, type] of [[100, 'mnt'], [30, 'ipc'], [40, 'uts'], [50, 'cgroup'], [60, 'time']] as const) {
    ns(ino, type, { pids: [1, 2, 300, 301], owner: 1, leaders: [1], senior: 1, label: 'systemd' });
  }
  return result;
}
