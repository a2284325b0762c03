import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * An environment that goes away mid-scan (a worker terminated, a window reloaded) must stop the
 * addon's scanning threads before the addon is unloaded: the process must not crash.
 */
test('terminating a worker in the middle of a scan does not crash the process', () => {
  const addon = resolve('native/build/Release/nsnative.node');
  const script = `
    const { Worker } = require('node:worker_threads');
    const workerCode = 'const a = require(' + JSON.stringify(${JSON.stringify(addon)}) + ');' +
      'const dev = require("node:fs").statSync("/proc/self/ns/user").dev;' +
      'for (let i = 0; i < 4; i++) a.scanTasks("/proc", null, dev, 0, [], 4, 10, null, () => {});';
    let rounds = 0;
    const round = () => {
      const worker = new Worker(workerCode, { eval: true });
      worker.on('online', () => setTimeout(() => worker.terminate(), 5 + rounds * 3));
      worker.on('exit', () => (++rounds < 8 ? round() : setTimeout(() => process.exit(0), 300)));
    };
    round();
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.signal, null, `crashed with ${run.signal}: ${run.stderr}`);
  assert.equal(run.status, 0, run.stderr);
});
