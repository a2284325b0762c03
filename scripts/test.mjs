// The README's test command: runs every test layer, then prints one line with the totals and
// each layer's time. Each layer writes test-results/<layer>.json ({passed, failed, skipped, todo});
// a layer that exits non-zero or leaves no result counts as failed. Skipped tests fail the run: a
// test that needs something missing must fail loudly, not skip.
// The unit layer (pure code, one process) runs alongside the integration layer; its output is
// kept in test-results/unit.log and printed when it is done. The other layers share the host's
// namespaces and VS Code, so they run one after the other.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';

const layers = [
  { name: 'unit', script: 'test:unit', alongsideNext: true },
  { name: 'integration', script: 'test:integration' },
  { name: 'vscode', script: 'test:vscode' },
  { name: 'e2e', script: 'test:e2e' },
];
const only = process.argv.slice(2);
const selected = only.length ? layers.filter((l) => only.includes(l.name)) : layers;

mkdirSync('test-results', { recursive: true });
// The integration tests run the built command line (also as an unprivileged user).
console.log('=== build ===');
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env: process.env });
if (build.status !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
const broken = [];
/** Every failed test, repeated at the end: a CI log shows its tail, not the layer's middle. */
const failedTests = [];
const times = [];
const started = Date.now();

/**
 * Runs a layer in the foreground, its output on ours. Asynchronously: a layer running alongside
 * is timed by its own exit event, which a blocking spawnSync would hold back until this one ends.
 */
function runForeground(layer) {
  console.log(`\n=== ${layer.name} tests ===`);
  const t = Date.now();
  const child = spawn('npm', ['run', '--silent', layer.script], { stdio: 'inherit', env: process.env });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, seconds: (Date.now() - t) / 1000 })));
}

/** Starts a layer in the background, its output into test-results/<layer>.log. */
function runBackground(layer) {
  const logFile = `test-results/${layer.name}.log`;
  const out = openSync(logFile, 'w');
  const t = Date.now();
  const child = spawn('npm', ['run', '--silent', layer.script], { stdio: ['ignore', out, out], env: process.env });
  closeSync(out);
  const exited = new Promise((resolve) => child.on('close', (status) => resolve({ status, seconds: (Date.now() - t) / 1000 })));
  // Its output is shown once the foreground layer is done, not in the middle of that one's.
  return {
    async done() {
      const run = await exited;
      console.log(`\n=== ${layer.name} tests (ran alongside the next layer) ===`);
      process.stdout.write(readFileSync(logFile, 'utf8'));
      return run;
    },
  };
}

function count(layer, run) {
  const resultFile = `test-results/${layer.name}.json`;
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
  times.push(`${layer.name} ${run.seconds.toFixed(0)} s`);
  if (!result) {
    broken.push(`${layer.name}: no results (exit ${run.status})`);
    totals.failed++;
    return;
  }
  for (const failure of result.failures ?? []) failedTests.push({ layer: layer.name, ...(typeof failure === 'string' ? { name: failure } : failure) });
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += (result.skipped ?? 0) + (result.todo ?? 0);
  if (run.status !== 0 && result.failed === 0) {
    broken.push(`${layer.name}: exited ${run.status} with no failed test`);
    totals.failed++;
  }
  console.log(`=== ${layer.name}: ${result.passed} passed, ${result.failed} failed in ${run.seconds.toFixed(0)} s ===`);
}

let background;
for (const [i, layer] of selected.entries()) {
  rmSync(`test-results/${layer.name}.json`, { force: true });
  if (layer.alongsideNext && i + 1 < selected.length) {
    background = { layer, running: runBackground(layer) };
    continue;
  }
  const run = await runForeground(layer);
  if (background) {
    count(background.layer, await background.running.done());
    background = undefined;
  }
  count(layer, run);
}
for (const test of failedTests) {
  console.log(`failed (${test.layer}): ${test.name}${test.file ? ` [${test.file}]` : ''}`);
  if (test.error) console.log(test.error.replace(/^/gm, '    '));
}
for (const line of broken) console.log(`broken layer: ${line}`);
if (totals.skipped) console.log(`${totals.skipped} tests were skipped or todo: that fails the run`);
console.log(`time per layer: ${times.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all (after the build)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed || totals.skipped ? 1 : 0);
