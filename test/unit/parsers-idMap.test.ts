import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdMap, parseSetgroups } from '../../src/core/parsers/idMap';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('initial user namespace maps the whole 32-bit range', () => {
  assert.deepEqual(parseIdMap(fixture('uid_map-init.txt')), [{ inside: 0, outside: 0, count: 4294967295 }]);
});

test('--map-root-user maps one id', () => {
  assert.deepEqual(parseIdMap(fixture('uid_map-root.txt')), [{ inside: 0, outside: 0, count: 1 }]);
  assert.deepEqual(parseIdMap(fixture('uid_map-nested.txt')), [{ inside: 0, outside: 0, count: 1 }]);
});

test('multi-range maps, 10-digit values separated by a single space', () => {
  assert.deepEqual(parseIdMap(fixture('uid_map-multi.txt')), [
    { inside: 0, outside: 100000, count: 65536 },
    { inside: 65536, outside: 1000, count: 1 },
    { inside: 4294967294, outside: 4294967294, count: 1 },
  ]);
  assert.deepEqual(parseIdMap(fixture('gid_map-multi.txt')), [
    { inside: 0, outside: 100000, count: 65536 },
    { inside: 65536, outside: 1000, count: 1 },
  ]);
});

test('empty map (user namespace not set up yet) and malformed lines', () => {
  assert.deepEqual(parseIdMap(''), []);
  const text = ['0 0', '0 0 1 2', 'a 0 1', '0 0 4294967296', '-1 0 1', '0 0 99999999999', '  7\t8  9 '].join('\n');
  assert.deepEqual(parseIdMap(text), [{ inside: 7, outside: 8, count: 9 }]);
});

test('setgroups', () => {
  assert.equal(parseSetgroups(fixture('setgroups-allow.txt')), 'allow');
  assert.equal(parseSetgroups(fixture('setgroups-deny.txt')), 'deny');
  assert.equal(parseSetgroups(''), null);
  assert.equal(parseSetgroups('Deny\n'), null);
});
