// The README's test command: runs every test layer in order, then prints one line with the totals.
// Each layer writes test-results/<layer>.json ({passed, failed, skipped, todo}); a layer that
// exits non-zero or leaves no result counts as failed. Skipped tests fail the run: a test that
// needs something missing must fail loudly, not skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const layers = [
  { name: 'unit', script: 'test:unit' },
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
let broken = [];
for (const layer of selected) {
  const resultFile = `test-results/${layer.name}.json`;
  rmSync(resultFile, { force: true });
  console.log(`\n=== ${layer.name} tests ===`);
  const run = spawnSync('npm', ['run', '--silent', layer.script], { stdio: 'inherit', env: process.env });
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
  if (!result) {
    broken.push(`${layer.name}: no results (exit ${run.status})`);
    totals.failed++;
    continue;
  }
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += (result.skipped ?? 0) + (result.todo ?? 0);
  if (run.status !== 0 && result.failed === 0) {
    broken.push(`${layer.name}: exited ${run.status} with no failed test`);
    totals.failed++;
  }
  console.log(`=== ${layer.name}: ${result.passed} passed, ${result.failed} failed ===`);
}
for (const line of broken) console.log(`broken layer: ${line}`);
if (totals.skipped) console.log(`${totals.skipped} tests were skipped or todo: that fails the run`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed || totals.skipped ? 1 : 0);
