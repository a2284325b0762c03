// The pure parts of Inspect Process (src/core/inspect) on files captured from this machine
// (test/fixtures/inspect/README.md says how each was made).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCapabilityMask } from '../../src/core/inspect/capabilityNames';
import { compareWithDefault, DEFAULT_CONTAINER_CAPS } from '../../src/core/inspect/dockerDefaults';
import { parseCapabilities, parseSecurity } from '../../src/core/inspect/securityStatus';
import { parseLimits } from '../../src/core/inspect/rlimits';
import { buildMountTree, flattenMounts } from '../../src/core/inspect/mountTree';
import { parseMountinfo, parseMountinfoWithPropagation } from '../../src/core/parsers/mountinfo';
import { parseInetSockets, parseUnixSockets, socketsHeld } from '../../src/core/inspect/processSockets';
import { cgroupLimits } from '../../src/core/inspect/cgroupLimits';
import { parseCgroup } from '../../src/core/parsers/cgroup';
import { identityOf } from '../../src/core/inspect/identity';
import { parseCredentials } from '../../src/core/parsers/credentials';
import { parseIdMap } from '../../src/core/parsers/idMap';
import { cgroupLimitText, bytesText } from '../../src/core/inspect/inspectText';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'inspect', name), 'utf8');
const procFixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('capability masks decode to names, unknown bits by number, malformed masks to null', () => {
  assert.deepEqual(decodeCapabilityMask('0000000000001001'), ['CAP_CHOWN', 'CAP_NET_ADMIN']);
  assert.deepEqual(decodeCapabilityMask('0000000000000000'), []);
  assert.deepEqual(decodeCapabilityMask('0000020000000000'), ['CAP_41']);
  assert.equal(decodeCapabilityMask('00000000000010zz'), null);
  assert.equal(decodeCapabilityMask('00000000000000001'), null);
  // The host's full set here (CAP_SYS_RESOURCE, bit 24, is not given to this sandbox's root).
  const host = decodeCapabilityMask('000001fffeffffff')!;
  assert.equal(host.length, 40);
  assert.ok(!host.includes('CAP_SYS_RESOURCE'));
  assert.equal(host.at(-1), 'CAP_CHECKPOINT_RESTORE');
});

test('a setpriv process: caps per set, what differs from the default container set, no_new_privs', () => {
  const text = fixture('status-setpriv-netadmin.txt');
  const caps = parseCapabilities(text)!;
  assert.deepEqual(caps.bounding.names, ['CAP_CHOWN', 'CAP_NET_ADMIN']);
  assert.deepEqual(caps.effective.names, ['CAP_CHOWN', 'CAP_NET_ADMIN']);
  assert.deepEqual(caps.inheritable.names, ['CAP_NET_ADMIN']);
  assert.deepEqual(caps.ambient.names, ['CAP_NET_ADMIN']);
  assert.equal(caps.bounding.mask, '0000000000001001');
  assert.deepEqual(caps.versusDefault.added, ['CAP_NET_ADMIN']);
  assert.deepEqual(caps.versusDefault.dropped, DEFAULT_CONTAINER_CAPS.filter((c) => c !== 'CAP_CHOWN'));
  assert.match(caps.versusDefault.source, /moby/);
  assert.deepEqual(parseSecurity(text), { noNewPrivs: true, seccompMode: 0, seccomp: 'disabled', seccompFilters: 0 });
});

test('security fields: filter mode with a count; missing or malformed fields are unknown, never guessed', () => {
  assert.deepEqual(parseSecurity('NoNewPrivs:\t1\nSeccomp:\t2\nSeccomp_filters:\t3\n'), { noNewPrivs: true, seccompMode: 2, seccomp: 'filter', seccompFilters: 3 });
  assert.deepEqual(parseSecurity('Seccomp:\t7\n'), { noNewPrivs: false, seccompMode: null, seccomp: 'unknown', seccompFilters: null });
  assert.equal(parseCapabilities('CapEff:\t0000000000000000\n'), null);
  assert.equal(parseCapabilities(fixture('status-setpriv-netadmin.txt').replace(/^CapAmb:.*$/m, 'CapAmb:\tnope')), null);
});

test('the default set compared: a default container has nothing added or dropped', () => {
  assert.deepEqual(compareWithDefault([...DEFAULT_CONTAINER_CAPS]), { added: [], dropped: [] });
  assert.equal(DEFAULT_CONTAINER_CAPS.length, 14);
});

test('rlimits: names with spaces, unlimited as null, the unit column', () => {
  const limits = parseLimits(fixture('limits-root.txt'));
  assert.equal(limits.length, 16);
  assert.deepEqual(limits.find((l) => l.name === 'Max stack size'), { name: 'Max stack size', soft: 8388608, hard: null, unit: 'bytes' });
  assert.deepEqual(limits.find((l) => l.name === 'Max open files'), { name: 'Max open files', soft: 20000, hard: 20000, unit: 'files' });
  assert.deepEqual(limits.find((l) => l.name === 'Max nice priority'), { name: 'Max nice priority', soft: 0, hard: 0, unit: '' });
  assert.deepEqual(parseLimits('garbage\nMax x 1 2'), []);
});

test('mount tree: parents, propagation, an overmount and what it hides, a later mount above', () => {
  const entries = parseMountinfoWithPropagation(fixture('mountinfo-overmount.txt'));
  // The propagation-free parser still gives what discovery uses.
  assert.deepEqual(Object.keys(parseMountinfo(fixture('mountinfo-overmount.txt'))[0]).includes('propagation'), false);
  const roots = buildMountTree(entries);
  assert.equal(roots.length, 1);
  assert.equal(roots[0].mountPoint, '/');
  const all = flattenMounts(roots);
  assert.equal(all.length, entries.length);
  const by = (source: string) => all.find((m) => m.source === source)!;
  assert.equal(by('fxbase').overmounted, true);
  assert.equal(by('fxbase').hidden, false);
  assert.equal(by('fxtop').overmounted, false);
  assert.equal(by('fxtop').hidden, false);
  assert.equal(by('fxtop').parentId, by('fxbase').mountId);
  assert.deepEqual(by('fxsub').propagation, ['shared:1']);
  assert.equal(by('fxsub').hidden, true, 'below the overmounted base');
  assert.equal(by('fxdeep').hidden, true, 'a later mount on /tmp/nsi-fx-ov2/a covers /tmp/nsi-fx-ov2/a/b');
  assert.equal(by('fxabove').hidden, false);
  assert.deepEqual(by('fxbase').propagation, ['private']);
  // This host's /dev/shm and /dev/pts are mounted twice: the first of each is overmounted.
  const shm = all.filter((m) => m.mountPoint === '/dev/shm');
  assert.deepEqual(shm.map((m) => m.overmounted), [true, false]);
});

test('sockets: TCP listen and established, IPv6, unconnected UDP, a listening unix socket with a space', () => {
  const tcp = parseInetSockets(fixture('net-tcp.txt'), 'tcp', 'inet');
  assert.deepEqual(tcp.map((s) => [s.state, s.local, s.remote]), [
    ['listen', '127.0.0.1:8080', null],
    ['established', '127.0.0.1:56122', '127.0.0.1:8080'],
    ['established', '127.0.0.1:8080', '127.0.0.1:56122'],
  ]);
  assert.deepEqual(parseInetSockets(fixture('net-tcp6.txt'), 'tcp', 'inet6').map((s) => s.local), ['[::1]:8443']);
  assert.deepEqual(parseInetSockets(fixture('net-udp.txt'), 'udp', 'inet').map((s) => [s.state, s.local, s.listening]), [['listen', '0.0.0.0:5353', true]]);
  assert.deepEqual(parseUnixSockets(fixture('net-unix.txt')).map((s) => [s.state, s.local, s.listening]), [['listen', '/tmp/nsi-fx with space.sock', true]]);
  const inodes = fixture('socket-inodes.txt').trim().split('\n').map(Number);
  const held = socketsHeld({ tcp: fixture('net-tcp.txt'), tcp6: fixture('net-tcp6.txt'), udp: fixture('net-udp.txt'), udp6: fixture('net-udp6.txt'), unix: fixture('net-unix.txt') }, inodes);
  assert.equal(held.length, 6);
  assert.deepEqual(held.slice(0, 4).map((s) => s.listening), [true, true, true, true]);
  // Only what the fds hold: another process' sockets in the same namespace are not its.
  assert.deepEqual(socketsHeld({ tcp: fixture('net-tcp.txt'), tcp6: null, udp: null, udp6: null, unix: null }, [inodes[1]]).map((s) => s.state), ['established']);
});

test('cgroup limits: v1 memory, cpu quota and pids of a hybrid host, each from its own hierarchy', () => {
  const entries = parseCgroup(procFixture('cgroup-v1-hybrid.txt'));
  const mounts = parseMountinfo(fixture('mountinfo-overmount.txt'));
  const files: Record<string, string> = {
    '/sys/fs/cgroup/unified/nsi-fixture.scope/cgroup.controllers': '\n',
    '/sys/fs/cgroup/memory/nsi-fixture.scope/memory.limit_in_bytes': '536870912\n',
    '/sys/fs/cgroup/memory/nsi-fixture.scope/memory.usage_in_bytes': '1052672\n',
    '/sys/fs/cgroup/cpu/nsi-fixture.scope/cpu.cfs_quota_us': '50000\n',
    '/sys/fs/cgroup/cpu/nsi-fixture.scope/cpu.cfs_period_us': '100000\n',
    '/sys/fs/cgroup/pids/nsi-fixture.scope/pids.max': 'max\n',
    '/sys/fs/cgroup/pids/nsi-fixture.scope/pids.current': '1\n',
  };
  const limits = cgroupLimits(entries, mounts, (path) => files[path] ?? null);
  assert.deepEqual(limits, [
    { resource: 'memory', version: 'v1', path: '/sys/fs/cgroup/memory/nsi-fixture.scope', limit: 536870912, current: 1052672 },
    { resource: 'cpu', version: 'v1', path: '/sys/fs/cgroup/cpu/nsi-fixture.scope', limit: 50000, current: null, period: 100000 },
    { resource: 'pids', version: 'v1', path: '/sys/fs/cgroup/pids/nsi-fixture.scope', limit: null, current: 1 },
  ]);
  assert.deepEqual(limits.map(cgroupLimitText), ['1 MiB used of 512 MiB', '0.5 CPU (50000 µs per 100000 µs)', '1 used of no limit']);
  // v1's "unlimited" memory and a v2 folder with the controllers enabled.
  files['/sys/fs/cgroup/memory/nsi-fixture.scope/memory.limit_in_bytes'] = '9223372036854771712\n';
  assert.equal(cgroupLimits(entries, mounts, (path) => files[path] ?? null)[0].limit, null);
  files['/sys/fs/cgroup/unified/nsi-fixture.scope/cgroup.controllers'] = 'cpu memory pids\n';
  files['/sys/fs/cgroup/unified/nsi-fixture.scope/memory.max'] = '1048576\n';
  files['/sys/fs/cgroup/unified/nsi-fixture.scope/cpu.max'] = 'max 100000\n';
  const v2 = cgroupLimits(entries, mounts, (path) => files[path] ?? null);
  assert.deepEqual(v2.map((l) => [l.resource, l.version, l.limit]), [['memory', 'v2', 1048576], ['cpu', 'v2', null], ['pids', 'v2', null]]);
});

test('identity: host IDs translated through a multi-range uid_map, unmapped as null', () => {
  const credentials = parseCredentials('Uid:\t100000\t101000\t1000\t4242\nGid:\t100000\t100000\t100000\t100000\nGroups:\t\nCapInh:\t0000000000000000\nCapBnd:\t0000000000000000\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\n')!;
  const identity = identityOf(credentials, { uid: 4242, gid: 100000 }, parseIdMap(procFixture('uid_map-multi.txt')), parseIdMap(procFixture('gid_map-multi.txt')), 4026532000);
  assert.deepEqual(identity.uids.map((u) => [u.role, u.host, u.inside]), [['real', 100000, 0], ['effective', 101000, 1000], ['saved', 1000, 65536], ['filesystem', 4242, null]]);
  assert.deepEqual(identity.gids.map((g) => g.inside), [0, 0, 0, 0]);
});

test('bytes are said in binary units', () => {
  assert.deepEqual([0, 1023, 1024, 1536, 104857600, 1073741824].map(bytesText), ['0 B', '1023 B', '1 KiB', '1.5 KiB', '100 MiB', '1 GiB']);
});
