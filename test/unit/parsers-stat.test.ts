import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStat } from '../../src/core/parsers/stat';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('comm with ")", spaces, a tab and a newline does not shift the fields', () => {
  const text = fixture('stat-weird-comm.txt');
  assert.ok(text.startsWith('6138 (a) b\n(c\\d\te)) S '));
  assert.deepEqual(parseStat(text), { comm: 'a) b\n(c\\d\te)', ppid: 6135, threads: 1, startTicks: 26983 });
});

test('a plain stat line', () => {
  const text = '1 (systemd) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 7 0 12 0 0';
  assert.deepEqual(parseStat(text), { comm: 'systemd', ppid: 0, threads: 7, startTicks: 12 });
});

test('null when truncated, empty, without a comm, or with a non-number field', () => {
  assert.equal(parseStat(''), null);
  assert.equal(parseStat('1 (x) S 0 1 1'), null);
  assert.equal(parseStat('1 x S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 7 0 12 0 0'), null);
  assert.equal(parseStat('1 (x) S -1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 7 0 12 0 0'), null);
});
