// Runs a mocha suite inside the extension host and writes the outcomes to the launcher's results
// file. Shared by the suite that runs as root (suite/index.ts) and the one that runs as an
// unprivileged user (unprivileged/index.ts); both keep the contract of run() returning a promise.
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { RESULTS_FILE_ENV, type SuiteResults, type TestOutcome } from './resultsFile';

/** Runs the tests `load` adds to mocha; rejects when one failed. */
export async function runSuite(load: (mocha: Mocha) => Promise<void> | void): Promise<void> {
  const resultsFile = process.env[RESULTS_FILE_ENV];
  const results: SuiteResults = { vscodeVersion: vscode.version, tests: [] };
  // NSI_VSCODE_GREP (in the launcher's environment) runs only the tests whose title matches.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, grep: process.env.NSI_VSCODE_GREP || undefined });
  try {
    await load(mocha);
    const runner = mocha.run();
    // Progress, so that a run the launcher gives up on says what passed and which test it was in.
    const progress = (running?: string) => resultsFile && writeFileSync(`${resultsFile}.progress`, JSON.stringify({ running, done: results.tests.map((t) => `${t.state} ${t.name} (${t.durationMs} ms)`) }, null, 2));
    runner.on('test', (test) => progress(test.fullTitle()));
    const record = (test: Mocha.Runnable, state: TestOutcome['state'], error?: Error) => {
      results.tests.push({ name: test.fullTitle(), state, durationMs: test.duration ?? 0, error: error?.stack ?? error?.message });
      progress();
    };
    runner.on('pass', (test) => record(test, 'passed'));
    // 'fail' also fires for hooks (before/after): they count as failures too.
    runner.on('fail', (test, error) => record(test, 'failed', error));
    runner.on('pending', (test) => record(test, 'skipped'));
    await new Promise<void>((resolve) => runner.on('end', () => resolve()));
  } catch (error) {
    results.fatal = (error as Error).stack ?? String(error);
  }
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  const failed = results.tests.filter((t) => t.state === 'failed').length;
  if (results.fatal || failed) throw new Error(results.fatal ?? `${failed} extension-host tests failed`);
}
