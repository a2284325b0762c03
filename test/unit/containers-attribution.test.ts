// Attribution from the monitor's argv and the cgroup path, on argv and cgroup files captured from
// the real engines on this machine (test/fixtures/containers, see the fixtures README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCmdline } from '../../src/core/parsers/cmdline';
import { parseCgroup, primaryCgroupPath } from '../../src/core/parsers/cgroup';
import { containerFromMonitor } from '../../src/core/parsers/containerMonitor';
import { containersFromCgroup } from '../../src/core/parsers/container';
import { Attribution } from '../../src/core/discovery/attributeContainers';
import type { ProcessInfo } from '../../src/core/model/process';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'containers', name));
const argvOf = (engine: string) => parseCmdline(fixture(`${engine}-monitor-cmdline.bin`));
const cgroupOf = (engine: string) => primaryCgroupPath(parseCgroup(fixture(`${engine}-cgroup.txt`).toString('utf8')));

const DOCKER_ID = '33bc504e03b7a6ab6d623f4ade0e50739b2d31190c880d8cccbaffe2ce9baf4a';
const PODMAN_ID = 'd349bec303a436d411bc9ff9c05c62f19bb813bf9dd6985bcfb3c49c33ba8ab5';

function proc(pid: number, ppid: number, cmdline: string[], cgroup = '/', uid = 0): ProcessInfo {
  return { pid, ppid, command: cmdline[0] ?? '', cmdline, cmdlineTruncated: false, uid, startTicks: pid, nspid: [pid], cgroup, container: null, threads: 1, namespaces: {} };
}

function attribution(processes: ProcessInfo[]): Attribution {
  return new Attribution(new Map(processes.map((p) => [p.pid, p])));
}

test('monitor argv captured from each engine names its container', () => {
  assert.deepEqual(containerFromMonitor(argvOf('docker'), 0), { engine: 'docker', id: DOCKER_ID });
  assert.deepEqual(containerFromMonitor(argvOf('podman'), 0), { engine: 'podman', id: PODMAN_ID, monitorName: 'nsi-containers-capture' });
  assert.deepEqual(containerFromMonitor(argvOf('containerd-k8sio'), 0), { engine: 'containerd', id: 'nsi-containers-capture', namespace: 'k8s.io' });
  assert.deepEqual(containerFromMonitor(argvOf('lxc'), 0), { engine: 'lxc', id: 'nsi-containers-capture', monitorName: 'nsi-containers-capture' });
  assert.deepEqual(containerFromMonitor(argvOf('nspawn'), 0), { engine: 'nspawn', id: 'nsi-containers-dbg', monitorName: 'nsi-containers-dbg' });
});

test('a rootless conmon (owned by a user) gives the container its owner', () => {
  assert.equal(containerFromMonitor(argvOf('podman'), 1000)?.ownerUid, 1000);
});

test('argv that only looks like a monitor names nothing', () => {
  assert.equal(containerFromMonitor(['conmon', '-c', 'not-an-id'], 0), null);
  assert.equal(containerFromMonitor(['conmon', '--exit-command-arg', '-c', 'x'], 0), null);
  assert.equal(containerFromMonitor(['containerd-shim-runc-v2', '-id', 'x'], 0), null);
  assert.equal(containerFromMonitor(['lxc-start'], 0), null);
  assert.equal(containerFromMonitor(['/usr/bin/sleep', '-n', 'x'], 0), null);
  assert.equal(containerFromMonitor([], 0), null);
});

for (const engine of ['docker', 'podman', 'containerd-k8sio', 'lxc', 'nspawn']) {
  test(`${engine}: the payload and its children are in the container the monitor names`, () => {
    const a = attribution([
      proc(1, 0, ['init']),
      proc(100, 1, argvOf(engine)),
      proc(101, 100, ['/bin/busybox', 'sleep', '3600'], cgroupOf(engine)),
      proc(102, 101, ['/bin/sh'], cgroupOf(engine)),
    ]);
    const expected = containerFromMonitor(argvOf(engine), 0)!;
    assert.equal(a.of(100), null, 'the monitor is on the host');
    assert.equal(a.of(101)?.engine, expected.engine);
    assert.equal(a.of(101)?.id, expected.id);
    assert.equal(a.of(102), a.of(101), 'one object per container');
    // Where both kinds of evidence name it, both are said.
    assert.equal(a.of(101)?.evidence, containersFromCgroup(cgroupOf(engine)).length ? 'both' : 'ancestry');
  });
}

test('where the cgroup path says nothing, the ancestry decides (nspawn /payload, containerd /k8s.io/ID, rootless /)', () => {
  const a = attribution([
    proc(1, 0, ['init']),
    proc(100, 1, argvOf('nspawn')),
    proc(101, 100, ['/bin/busybox', 'sleep'], cgroupOf('nspawn')),
    proc(200, 1, argvOf('containerd-k8sio')),
    proc(201, 200, ['sleep'], cgroupOf('containerd-k8sio')),
    proc(300, 1, argvOf('podman'), '/', 1000),
    proc(301, 300, ['sleep'], '/', 100000),
  ]);
  assert.equal(a.of(101)?.evidence, 'ancestry');
  assert.equal(a.of(201)?.evidence, 'ancestry');
  assert.deepEqual({ ...a.of(301) }, { engine: 'podman', id: PODMAN_ID, monitorName: 'nsi-containers-capture', ownerUid: 1000, evidence: 'ancestry' });
});

test('a pod: the shared shim names the sandbox, the cgroup path tells the app container apart', () => {
  const sandbox = 'c'.repeat(64);
  const app = 'd'.repeat(64);
  const pod = 'a1b2c3d4-0000-4000-8000-00000000c0de';
  const a = attribution([
    proc(1, 0, ['init']),
    proc(100, 1, ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'k8s.io', '-id', sandbox]),
    proc(101, 100, ['/pause'], `/kubepods/besteffort/pod${pod}/${sandbox}`),
    proc(102, 100, ['app'], `/kubepods/besteffort/pod${pod}/${app}`),
  ]);
  assert.equal(a.of(101)?.id, sandbox);
  assert.equal(a.of(102)?.engine, 'kubernetes');
  assert.equal(a.of(102)?.id, app);
  assert.equal(a.of(102)?.pod, pod);
  assert.equal(a.of(102)?.evidence, 'cgroup');
});

test('a container in a container is nested: Podman inside Docker', () => {
  const inner = 'e'.repeat(64);
  const a = attribution([
    proc(1, 0, ['init']),
    proc(100, 1, argvOf('docker')),
    proc(101, 100, ['dind-init'], cgroupOf('docker')),
    proc(102, 101, ['/usr/bin/conmon', '-c', inner, '-n', 'inner-web'], cgroupOf('docker')),
    proc(103, 102, ['nginx'], `/docker/${DOCKER_ID}/libpod_parent/libpod-${inner}`),
  ]);
  assert.equal(a.of(103)?.id, inner);
  assert.equal(a.of(103)?.monitorName, 'inner-web');
  assert.equal(a.of(103)?.parent, a.of(101), 'the outer container is the Docker one');
  assert.equal(a.of(102), a.of(101), 'the inner monitor runs in the outer container');
});

test('a forged monitor inside a container only claims its own children, nested in its container', () => {
  const a = attribution([
    proc(1, 0, ['init']),
    proc(100, 1, argvOf('docker')),
    proc(101, 100, ['evil'], cgroupOf('docker')),
    proc(102, 101, ['conmon', '-c', 'f'.repeat(64), '-n', 'host-db'], cgroupOf('docker')),
    proc(103, 102, ['sleep'], cgroupOf('docker')),
    proc(200, 1, ['postgres']),
  ]);
  // The cgroup path (Docker's) outranks the forged ancestry.
  assert.equal(a.of(103)?.id, DOCKER_ID);
  assert.equal(a.of(200), null);
});

test('a process whose parent was not seen (exited mid-scan) still gets its cgroup container', () => {
  const a = attribution([proc(101, 99, ['sleep'], cgroupOf('docker'))]);
  assert.equal(a.of(101)?.id, DOCKER_ID);
  assert.equal(a.of(101)?.evidence, 'cgroup');
});
