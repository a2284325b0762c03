import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCgroup, primaryCgroupPath } from '../../src/core/parsers/cgroup';

const fixture = (dir: string, name: string) => readFileSync(join(__dirname, '..', 'fixtures', dir, name), 'utf8');

test('captured hybrid v1+v2 file: ten hierarchies, v2 path is primary', () => {
  const entries = parseCgroup(fixture('proc', 'cgroup-v1-hybrid.txt'));
  assert.equal(entries.length, 10);
  assert.deepEqual(entries[0], { hierarchyId: 9, controllers: ['name=systemd'], path: '/nsi-fixture.scope' });
  assert.deepEqual(entries[9], { hierarchyId: 0, controllers: [], path: '/nsi-fixture.scope' });
  assert.equal(primaryCgroupPath(entries), '/nsi-fixture.scope');
});

test('v1-only file: co-mounted controllers split, name=systemd path is primary', () => {
  const entries = parseCgroup(fixture('cgroup', 'docker-cgroupfs-v1.txt'));
  assert.equal(entries.length, 12);
  assert.deepEqual(entries.find((e) => e.hierarchyId === 9)!.controllers, ['cpu', 'cpuacct']);
  assert.equal(entries.find((e) => e.hierarchyId === 2)!.path, '/');
  assert.equal(primaryCgroupPath(entries), '/docker/5f950a07fc2c2220a45e630538190da7c49ebb2ea481ad25575f97e2257a21ed');
});

test('primary falls back to the first entry, then to ""', () => {
  assert.equal(primaryCgroupPath(parseCgroup('4:memory:/a\n3:cpu:/b\n')), '/a');
  assert.equal(primaryCgroupPath([]), '');
});

test('a path containing ":" stays whole; malformed lines are skipped', () => {
  assert.deepEqual(parseCgroup('0::/weird:name/x\nnonsense\n\nx:cpu:/\n'), [{ hierarchyId: 0, controllers: [], path: '/weird:name/x' }]);
  assert.deepEqual(parseCgroup(''), []);
});
