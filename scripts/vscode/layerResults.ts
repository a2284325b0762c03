// Writes test-results/<layer>.json in the shape scripts/test.mjs adds up, and prints the per-test
// lines and counts, the same way for the extension-host suite and the browser tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LayerTest {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  error?: string;
}

export const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');

export function reportLayer(layer: string, tests: LayerTest[], extraFailures: string[] = []): { failed: number } {
  for (const test of tests) {
    const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✘' : '-';
    console.log(`  ${mark} ${test.name} (${test.durationMs} ms)`);
    if (test.error) console.log(indent(test.error, '      '));
  }
  for (const failure of extraFailures) console.log(`  ✘ ${failure}`);
  const count = (state: LayerTest['state']) => tests.filter((t) => t.state === state).length;
  const summary = {
    passed: count('passed'),
    failed: count('failed') + extraFailures.length,
    skipped: count('skipped'),
    todo: 0,
    // With the error's first lines: npm test repeats them at its end, where a CI log's tail shows them.
    failures: [
      ...tests.filter((t) => t.state === 'failed').map((t) => ({ name: t.name, error: (t.error ?? '').split('\n').slice(0, 4).join('\n') })),
      ...extraFailures.map((name) => ({ name, error: '' })),
    ],
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${layer}.json`), JSON.stringify(summary) + '\n');
  console.log(`${layer}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return { failed: summary.failed + summary.skipped };
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
