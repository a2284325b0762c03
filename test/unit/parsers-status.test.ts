import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNspid, parseStatus } from '../../src/core/parsers/status';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');

test('nested PID namespaces: NSpid lists the PID at every level', () => {
  assert.deepEqual(parseStatus(fixture('status-nested-pidns.txt')), {
    name: 'sleep', ppid: 6182, uid: [0, 0, 0, 0], gid: [0, 0, 0, 0], threads: 1,
    nspid: [6183, 3, 1], nstgid: [6183, 3, 1],
  });
});

test('Name keeps raw tabs and unescapes \\n and \\\\ (comm was "a) b<LF>(c\\d<TAB>e)")', () => {
  const s = parseStatus(fixture('status-weird-comm.txt'))!;
  assert.equal(s.name, 'a) b\n(c\\d\te)');
  assert.equal(s.ppid, 6135);
  assert.deepEqual(s.nspid, [6138]);
});

test('older kernels escaped tabs in Name too', () => {
  assert.equal(parseStatus('Name:\tx\\ty\\\\z\\q\nPPid:\t1\n')!.name, 'x\ty\\z\\q');
});

test('null without Name or PPid; missing optional lines give empty arrays', () => {
  assert.equal(parseStatus(''), null);
  assert.equal(parseStatus('Name:\tfoo\n'), null);
  assert.equal(parseStatus('PPid:\t1\n'), null);
  assert.equal(parseStatus('Name:\tfoo\nPPid:\tx\n'), null);
  // Pre-4.1 kernels have no NSpid/NStgid.
  assert.deepEqual(parseStatus('Name:\tinit\nPPid:\t0\n'), { name: 'init', ppid: 0, uid: [], gid: [], threads: 0, nspid: [], nstgid: [] });
});

test('largest 32-bit ids (overflow uid 65534 and 4294967294)', () => {
  const s = parseStatus('Name:\tx\nPPid:\t4194304\nUid:\t65534\t65534\t4294967294\t4294967295\n')!;
  assert.deepEqual(s.uid, [65534, 65534, 4294967294, 4294967295]);
  assert.equal(s.ppid, 4194304);
});

test('parseNspid reads the same NSpid chain as parseStatus, and none when the line is missing', () => {
  for (const name of ['status-nested-pidns.txt', 'status-weird-comm.txt']) {
    assert.deepEqual(parseNspid(fixture(name)), parseStatus(fixture(name))!.nspid, name);
  }
  assert.deepEqual(parseNspid(fixture('status-nested-pidns.txt')), [6183, 3, 1]);
  assert.deepEqual(parseNspid('Name:\tsleep\nPPid:\t1\n'), []);
});
