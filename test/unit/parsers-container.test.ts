import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCgroup, primaryCgroupPath } from '../../src/core/parsers/cgroup';
import { containerFromCgroup } from '../../src/core/parsers/container';

// Whole /proc/PID/cgroup files, through the same path discovery takes.
const fromFixture = (name: string) =>
  containerFromCgroup(primaryCgroupPath(parseCgroup(readFileSync(join(__dirname, '..', 'fixtures', 'cgroup', name), 'utf8'))));

const cases: [string, ReturnType<typeof containerFromCgroup>][] = [
  ['docker-systemd-v2.txt', { engine: 'docker', id: '0c459e94427bf64bf7df22eda735bf0073b57799a5c491685330921af71e4866' }],
  ['docker-cgroupfs-v2.txt', { engine: 'docker', id: '662acbf71a54c699c660805fe764d58f59645a7fe86ed558b3bf832210f188b3' }],
  ['docker-cgroupfs-v1.txt', { engine: 'docker', id: '5f950a07fc2c2220a45e630538190da7c49ebb2ea481ad25575f97e2257a21ed' }],
  ['k8s-containerd-systemd-v2.txt', {
    engine: 'kubernetes', id: '3f22719192a1f83c51c9e423b266d31e021e44073416be9373770aaa739d013e', pod: '9a78d634-d71c-4785-898f-563fd5e50418',
  }],
  ['k8s-guaranteed-systemd-v2.txt', {
    engine: 'kubernetes', id: '13cb438093ca71556881f7d9d7244732fb25fca52315e5063b5c5e4b1b55feab', pod: '3cb3b446-2b53-45bd-b6d6-0a5ab662d046',
  }],
  ['k8s-cgroupfs-v1.txt', {
    engine: 'kubernetes', id: '9bec17af65cde90c822bfb457fbf7e29b726eccbaf1b00eca5e1d6033a9c1b1f', pod: '304daf8b-b420-4672-9ad0-b3a9cfc6aa32',
  }],
  ['containerd-plain-v2.txt', { engine: 'containerd', id: 'c30dd37d0277b59b9bda740ea6cb82b2e5e532ae3874fa51106b920d85943a88' }],
  ['containerd-cgroupfs-v2.txt', { engine: 'containerd', id: 'ecd21994bba5f4ce12cd379013e20d852c8dd2c2f10d53e7b9780d1424dcb690' }],
  ['podman-root-v2.txt', { engine: 'podman', id: '586d27129c9155edf4cd71a74c16355d73c18231df6e9a5a537fb144d2b72be1' }],
  ['podman-rootless-v2.txt', { engine: 'podman', id: 'ca31d79357d8784a4a77461320e53391045fa78514fb1e344128d74b2d4f3ca4' }],
  ['podman-conmon-v2.txt', null],
  ['nspawn-service-v2.txt', { engine: 'nspawn', id: 'build-box' }],
  ['nspawn-machine-scope-v2.txt', { engine: 'nspawn', id: 'debian12' }],
  ['lxc-payload-v2.txt', { engine: 'lxc', id: 'web01' }],
  ['lxc-monitor-v2.txt', null],
  ['lxc-legacy-v1.txt', { engine: 'lxc', id: 'db01' }],
  ['host-service-v2.txt', null],
];
for (const [file, expected] of cases) {
  test(`${file} -> ${expected ? `${expected.engine} ${expected.id}` : 'no container'}`, () => {
    assert.deepEqual(fromFixture(file), expected);
  });
}

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

test('the captured host cgroup is no container', () => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'proc', 'cgroup-v1-hybrid.txt'), 'utf8');
  assert.equal(containerFromCgroup(primaryCgroupPath(parseCgroup(text))), null);
  assert.equal(containerFromCgroup('/'), null);
  assert.equal(containerFromCgroup(''), null);
});

test('nested engines: the innermost container wins', () => {
  assert.deepEqual(containerFromCgroup(`/docker/${A}/docker/${B}`), { engine: 'docker', id: B });
  assert.deepEqual(containerFromCgroup(`/system.slice/docker-${A}.scope/libpod-${B}.scope/container`), { engine: 'podman', id: B });
});

test('ids are lowercased; partial or non-hex ids do not match', () => {
  assert.deepEqual(containerFromCgroup(`/docker/${'AB'.repeat(32)}`), { engine: 'docker', id: 'ab'.repeat(32) });
  assert.equal(containerFromCgroup(`/docker/${'a'.repeat(63)}`), null);
  assert.equal(containerFromCgroup(`/docker/${'g'.repeat(64)}`), null);
  assert.equal(containerFromCgroup(`/system.slice/docker-${A}.scopex`), null);
  assert.equal(containerFromCgroup('/system.slice/docker.service'), null);
});

test('Kubernetes: CRI-O and docker runtimes, static pods, pod-level cgroups', () => {
  const uid = '0f1e2d3c_4b5a_6978_8796_a5b4c3d2e1f0';
  assert.deepEqual(
    containerFromCgroup(`/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${uid}.slice/crio-${A}.scope`),
    { engine: 'kubernetes', id: A, pod: uid.replace(/_/g, '-') },
  );
  // Static (mirror) pods use a 32-hex config hash as uid.
  const hash = '5b6b2cf6e4a3b8b9e1e2d4b4a6a9d8c1';
  assert.deepEqual(containerFromCgroup(`/kubepods/burstable/pod${hash}/${B}`), { engine: 'kubernetes', id: B, pod: hash });
  assert.deepEqual(
    containerFromCgroup(`/kubepods.slice/kubepods-pod${uid}.slice/docker-${A}.scope`),
    { engine: 'kubernetes', id: A, pod: uid.replace(/_/g, '-') },
  );
  assert.equal(containerFromCgroup(`/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${uid}.slice`), null);
  assert.equal(containerFromCgroup('/kubepods.slice/kubepods-burstable.slice'), null);
});

test('libvirt machine scopes are not nspawn containers', () => {
  assert.equal(containerFromCgroup('/machine.slice/machine-qemu\\x2d1\\x2dwin11.scope/libvirt/emulator'), null);
  assert.equal(containerFromCgroup('/machine.slice/machine-lxc\\x2d4242\\x2dweb.scope'), null);
  assert.deepEqual(containerFromCgroup('/machine.slice/machine-qemu.scope'), { engine: 'nspawn', id: 'qemu' });
});

test('LXC 3 payload layout and nerdctl', () => {
  assert.deepEqual(containerFromCgroup('/lxc.payload/web01/init.scope'), { engine: 'lxc', id: 'web01' });
  assert.deepEqual(containerFromCgroup(`/system.slice/nerdctl-${A}.scope`), { engine: 'containerd', id: A });
});
