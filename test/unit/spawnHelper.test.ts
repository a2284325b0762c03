import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnHelper } from '../../src/core/helper/spawnHelper';

test('spawnHelper stops a child whose stdout passes the cap, and rejects', async () => {
  const started = Date.now();
  await assert.rejects(spawnHelper(['sh', '-c', 'head -c 3000000 /dev/zero; exec sleep 30'], { maxStdoutBytes: 1_000_000 }), /wrote more than 1000000 bytes/);
  assert.ok(Date.now() - started < 10_000, 'it did not wait for the child to finish');
  const small = await spawnHelper(['sh', '-c', 'head -c 1000000 /dev/zero'], { maxStdoutBytes: 1_000_000 });
  assert.equal(small.exitCode, 0);
  assert.equal(small.stdout.length, 1_000_000);
});
