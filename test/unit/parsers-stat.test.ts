import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStatPpid, parseStatStartTime } from '../../src/core/parsers/stat';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('comm with ")", spaces, a tab and a newline does not shift the fields', () => {
  const text = fixture('stat-weird-comm.txt');
  assert.ok(text.startsWith('6138 (a) b\n(c\\d\te)) S '));
  assert.equal(parseStatPpid(text), 6135);
  assert.equal(parseStatStartTime(text), 26983);
});

test('a plain stat line', () => {
  const text = '1 (systemd) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 12 0 0';
  assert.equal(parseStatPpid(text), 0);
  assert.equal(parseStatStartTime(text), 12);
});

test('null when truncated, empty or without a comm', () => {
  assert.equal(parseStatStartTime(''), null);
  assert.equal(parseStatPpid(''), null);
  assert.equal(parseStatStartTime('1 (x) S 0 1 1'), null);
  assert.equal(parseStatPpid('1 x S 0 1 1'), null);
  assert.equal(parseStatPpid('1 (x) S -1 1'), null);
});
