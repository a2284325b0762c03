import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCmdline } from '../../src/core/parsers/cmdline';

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
