import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyResult, namespaceFor } from '../../src/core/model/result';
import { devFromMajorMinor, idKey } from '../../src/core/model/namespaceId';

test('a namespace is created once per {dev, ino} and found again', () => {
  const result = emptyResult(4, true);
  const first = namespaceFor(result, { dev: 4, ino: 4026532000 }, 'net');
  assert.ok(first);
  assert.equal(namespaceFor(result, { dev: 4, ino: 4026532000 }, 'net'), first);
  assert.notEqual(namespaceFor(result, { dev: 5, ino: 4026532000 }, 'net'), first, 'another device, another namespace');
  assert.equal(result.namespaces.size, 2);
});

test('an inode seen again with another type (reused during a scan) is left out with a warning', () => {
  const result = emptyResult(4, true);
  namespaceFor(result, { dev: 4, ino: 4026532001 }, 'uts');
  assert.equal(namespaceFor(result, { dev: 4, ino: 4026532001 }, 'ipc'), null);
  assert.equal(namespaceFor(result, { dev: 4, ino: 4026532001 }, 'ipc'), null);
  assert.equal(result.namespaces.get(idKey({ dev: 4, ino: 4026532001 }))?.type, 'uts');
  assert.deepEqual(result.warnings, ['namespace inode 4026532001 was reused during the scan (uts, then ipc): the ipc sighting is left out']);
});

test('mountinfo major:minor pairs encode as stat() device numbers', () => {
  assert.equal(devFromMajorMinor(0, 4), 4);
  assert.equal(devFromMajorMinor(8, 1), 0x801);
  // Values printed by glibc's makedev() in C: minor bits above 8 go to bits 20+, major bits
  // above 12 to bits 44+.
  assert.equal(devFromMajorMinor(0, 0x1234), 0x1200034);
  assert.equal(devFromMajorMinor(0x1001, 0), 0x100000000100);
});
