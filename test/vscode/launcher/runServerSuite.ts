// `npm run test:vscode`: runs the extension-host suite inside the real VS Code server (from the
// provisioned cache), with this repo as the development extension, opened by headless Chromium.
// The suite writes its outcomes to a file this launcher chose; the launcher prints them, writes
// test-results/vscode.json and stops everything it started.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerInstalled } from '../../../scripts/vscode/provision';
import { CHROMIUM, requireDebianPackages } from '../../../scripts/vscode/prerequisites';
import { npmRun, REPO_ROOT } from '../../../scripts/vscode/buildProject';
import { startServer } from '../../../scripts/vscode/server';
import { TEST_SERVER_ENV } from '../../../scripts/vscode/settings';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { stopAll } from '../../../scripts/vscode/cleanup';
import { reportLayer, RESULTS_DIR } from '../../../scripts/vscode/layerResults';
import { RESULTS_FILE_ENV, type SuiteResults } from '../resultsFile';
import { buildSuite, SUITE_ENTRY } from './buildSuite';
import { developmentPayload } from './payload';
import { waitForSuiteResults } from './waitForResults';

const LAYER = 'vscode';
/** The whole suite, from opening the page to the results file (env override for slow machines). */
const SUITE_TIMEOUT_MS = Number(process.env.NSI_VSCODE_SUITE_TIMEOUT_MS) || 15 * 60_000;

async function main(): Promise<number> {
  requireDebianPackages(CHROMIUM);
  const install = await ensureServerInstalled();
  npmRun('build');
  await buildSuite();

  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-vscode-'));
  const workspace = join(stateDir, 'workspace');
  mkdirSync(workspace);
  const resultsFile = join(stateDir, 'results.json');
  try {
    const server = await startServer({ install, stateDir, smokeTestDriver: true, env: { ...TEST_SERVER_ENV, [RESULTS_FILE_ENV]: resultsFile } });
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const payload = developmentPayload(server.port, REPO_ROOT, SUITE_ENTRY);
    console.log(`Running the extension-host suite in VS Code server at ${server.origin} ...`);
    await page.goto(server.workbenchUrl(workspace, { payload }));
    const results: SuiteResults = await waitForSuiteResults(resultsFile, server.logFile, SUITE_TIMEOUT_MS);
    console.log(`VS Code ${results.vscodeVersion}`);
    const { failed } = reportLayer(LAYER, results.tests, results.fatal ? [`suite could not run: ${results.fatal}`] : []);
    return failed || results.tests.length === 0 ? 1 : 0;
  } catch (error) {
    reportLayer(LAYER, [], [(error as Error).message]);
    return 1;
  } finally {
    await stopAll();
    keepServerLog(stateDir);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** The server log (which includes the extension host's) is what to read when a run fails. */
function keepServerLog(stateDir: string): void {
  const log = join(stateDir, 'server.log');
  if (!existsSync(log)) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  copyFileSync(log, join(RESULTS_DIR, `${LAYER}-server.log`));
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    reportLayer(LAYER, [], [error.message]);
    void stopAll().finally(() => process.exit(1));
  },
);

