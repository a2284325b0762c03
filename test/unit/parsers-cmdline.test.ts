import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMDLINE_CAP, parseCappedCmdline, parseCmdline } from '../../src/core/parsers/cmdline';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name));

test('captured cmdlines (Buffer input)', () => {
  assert.deepEqual(parseCmdline(fixture('cmdline-sleep.bin')), ['sleep', '60']);
  assert.deepEqual(parseCmdline(fixture('cmdline-weird-comm.bin')), ['/tmp/a) b\n(c\\d\te)', '30']);
});

test('string input, empty arguments and kernel threads', () => {
  assert.deepEqual(parseCmdline(''), []);
  assert.deepEqual(parseCmdline(Buffer.alloc(0)), []);
  assert.deepEqual(parseCmdline('sh\0-c\0\0'), ['sh', '-c', '']);
  assert.deepEqual(parseCmdline('\0'), ['']);
  // Processes that rewrite their title may leave no trailing NUL.
  assert.deepEqual(parseCmdline('nginx: master process'), ['nginx: master process']);
  assert.deepEqual(parseCmdline(Buffer.from('caf\u00e9\0', 'utf8')), ['caf\u00e9']);
});

test('a command line is kept up to CMDLINE_CAP bytes, marked when cut', () => {
  assert.equal(CMDLINE_CAP, 4096);
  assert.deepEqual(parseCappedCmdline('sleep\0' + '60\0'), { args: ['sleep', '60'], truncated: false });
  const exact = `${'a'.repeat(CMDLINE_CAP - 1)}\0`;
  assert.deepEqual(parseCappedCmdline(exact), { args: ['a'.repeat(CMDLINE_CAP - 1)], truncated: false });
  // One byte more than the cap (all a reader takes) is a longer one.
  assert.deepEqual(parseCappedCmdline(`${exact}b`), { args: ['a'.repeat(CMDLINE_CAP - 1)], truncated: true });
  const long = parseCappedCmdline(`sh\0-c\0${'x'.repeat(1_000_000)}\0`);
  assert.equal(long.truncated, true);
  assert.deepEqual(long.args.slice(0, 2), ['sh', '-c']);
  assert.equal(Buffer.byteLength(long.args.join('\0')), CMDLINE_CAP);
  // The cut never splits a character: 2-byte é, cap falls in the middle of one.
  const accents = parseCappedCmdline(`a${'\u00e9'.repeat(CMDLINE_CAP)}`);
  assert.equal(accents.truncated, true);
  assert.equal(accents.args[0], `a${'\u00e9'.repeat((CMDLINE_CAP - 2) / 2)}`);
  assert.ok(!accents.args[0].includes('\ufffd'));
  // The reader (the helper) may have cut it already.
  assert.deepEqual(parseCappedCmdline('a\0b', true), { args: ['a', 'b'], truncated: true });
});
