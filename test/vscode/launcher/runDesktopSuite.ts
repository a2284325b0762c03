// `npm run test:desktop`: the same extension-host suite in a desktop VS Code that
// @vscode/test-electron downloads (needs internet, and a display: use xvfb-run on a headless
// Linux). CI uses the server launcher (`npm run test:vscode`) instead.
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { npmRun, REPO_ROOT } from '../../../scripts/vscode/buildProject';
import { reportLayer } from '../../../scripts/vscode/layerResults';
import { RESULTS_FILE_ENV, type SuiteResults } from '../resultsFile';
import { buildSuite, SUITE_ENTRY } from './buildSuite';

const LAYER = 'desktop';

async function main(): Promise<number> {
  npmRun('build');
  await buildSuite();
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-desktop-'));
  const workspace = join(stateDir, 'workspace');
  mkdirSync(workspace);
  const resultsFile = join(stateDir, 'results.json');
  let hostError: string | undefined;
  try {
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_ENTRY,
      extensionTestsEnv: { [RESULTS_FILE_ENV]: resultsFile },
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(stateDir, 'user-data'), '--disable-workspace-trust'],
    });
  } catch (error) {
    // runTests rejects when VS Code exits non-zero, which includes failed tests: the results file tells.
    hostError = (error as Error).message;
  }
  try {
    if (!existsSync(resultsFile)) {
      reportLayer(LAYER, [], [`no suite results from the desktop VS Code (it is downloaded from the internet): ${hostError ?? 'unknown reason'}`]);
      return 1;
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
    console.log(`VS Code ${results.vscodeVersion} (desktop)`);
    const { failed } = reportLayer(LAYER, results.tests, results.fatal ? [`suite could not run: ${results.fatal}`] : []);
    return failed || results.tests.length === 0 ? 1 : 0;
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    reportLayer(LAYER, [], [error.message]);
    process.exit(1);
  },
);
