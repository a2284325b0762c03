import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNspid } from '../../src/core/parsers/status';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('nested PID namespaces: NSpid lists the PID at every level', () => {
  assert.deepEqual(parseNspid(fixture('status-nested-pidns.txt')), [6183, 3, 1]);
});

test('a comm with a newline and tabs (comm was "a) b<LF>(c\\d<TAB>e)") cannot fake the NSpid line', () => {
  assert.deepEqual(parseNspid(fixture('status-weird-comm.txt')), [6138]);
  assert.deepEqual(parseNspid('Name:\tx\\nNSpid:\t9\nPPid:\t1\nNSpid:\t6138\n'), [6138]);
});

test('no NSpid line (kernels before 4.1): none', () => {
  assert.deepEqual(parseNspid('Name:\tsleep\nPPid:\t1\n'), []);
  assert.deepEqual(parseNspid(''), []);
});
