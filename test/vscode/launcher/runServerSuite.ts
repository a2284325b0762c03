// `npm run test:vscode`: runs the extension-host suites inside the real VS Code server (from the
// provisioned cache), opened by headless Chromium: first the suite as root, with this repo as the
// development extension; then, with the server run as the unprivileged user nobody, the suite of
// what a user who is not root gets (test/vscode/unprivileged). Each suite writes its outcomes to
// a file this launcher chose; the launcher prints them as one layer, writes
// test-results/vscode.json and stops everything it started.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureServerInstalled } from '../../../scripts/vscode/provision';
import { CHROMIUM, requireDebianPackages } from '../../../scripts/vscode/prerequisites';
import { npmRun, REPO_ROOT } from '../../../scripts/vscode/buildProject';
import { serverDirs, startServer, type RunningServer } from '../../../scripts/vscode/server';
import { TEST_SERVER_ENV } from '../../../scripts/vscode/settings';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { stopAll } from '../../../scripts/vscode/cleanup';
import { reportLayer, RESULTS_DIR, type LayerTest } from '../../../scripts/vscode/layerResults';
import type { ServerInstall } from '../../../scripts/vscode/versions';
import { chownTree, NOBODY, serverCopyForOthers, writeMachineSettings } from '../../../scripts/vscode/unprivilegedServer';
import { HelperForNobody } from '../../e2e/helpers/helperForNobody';
import { RESULTS_FILE_ENV, type SuiteResults } from '../resultsFile';
import { buildSuite, buildUnprivilegedSuite, SUITE_ENTRY, UNPRIVILEGED_SUITE_ENTRY } from './buildSuite';
import { developmentPayload } from './payload';
import { waitForSuiteResults } from './waitForResults';

const LAYER = 'vscode';
/** Each suite, from opening the page to the results file (env override for slow machines). */
const SUITE_TIMEOUT_MS = Number(process.env.NSI_VSCODE_SUITE_TIMEOUT_MS) || 15 * 60_000;
/** What the packaged extension holds (.vscodeignore): the unprivileged user's copy of it. */
const PACKAGED = ['package.json', 'dist', 'media', 'helper', 'README.md', 'CHANGELOG.md', 'LICENSE'];
/** What the unprivileged suite's user may run through sudo besides the helper (its sudo routes). */
const SUDO_PROGRAMS = ['/usr/bin/unshare', '/usr/bin/nsenter'];

async function main(): Promise<number> {
  requireDebianPackages(CHROMIUM);
  const install = await ensureServerInstalled();
  npmRun('build');
  await buildSuite();
  await buildUnprivilegedSuite();
  const tests: LayerTest[] = [];
  const failures: string[] = [];
  try {
    const browser = await launchBrowser();
    for (const [suite, run] of [
      ['as root', () => runAsRoot(install, browser)],
      ['as nobody', () => runAsNobody(install, browser)],
    ] as const) {
      console.log(`Running the extension-host suite ${suite} ...`);
      try {
        const results = await run();
        console.log(`VS Code ${results.vscodeVersion}`);
        tests.push(...results.tests.map((test) => (suite === 'as root' ? test : { ...test, name: `${suite}: ${test.name}` })));
        if (results.fatal) failures.push(`suite ${suite} could not run: ${results.fatal}`);
      } catch (error) {
        failures.push(`suite ${suite}: ${(error as Error).message}`);
      }
    }
  } finally {
    await stopAll();
  }
  const { failed } = reportLayer(LAYER, tests, failures);
  return failed || tests.length === 0 ? 1 : 0;
}

/** The main suite: the server and its extension host run as root, the repo is the extension. */
async function runAsRoot(install: ServerInstall, browser: Browser): Promise<SuiteResults> {
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-vscode-'));
  const workspace = join(stateDir, 'workspace');
  mkdirSync(workspace);
  const resultsFile = join(stateDir, 'results.json');
  let server: RunningServer | undefined;
  try {
    server = await startServer({ install, stateDir, smokeTestDriver: true, env: { ...TEST_SERVER_ENV, [RESULTS_FILE_ENV]: resultsFile } });
    return await runSuite(browser, server, workspace, developmentPayload(server.port, REPO_ROOT, SUITE_ENTRY), resultsFile, `${LAYER}-server.log`);
  } finally {
    await server?.stop();
    keepServerLog(stateDir, `${LAYER}-server.log`);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * The suite of a user who is not root: the server runs as nobody from a copy of the cached one,
 * with copies of the packaged extension and the suite (nobody may not read this checkout). The
 * helper is installed for it with a sudoers rule that also lets it run unshare and nsenter, as a
 * user in the sudo group can; the rule goes when the suite ends.
 */
async function runAsNobody(install: ServerInstall, browser: Browser): Promise<SuiteResults> {
  const helper = new HelperForNobody(SUDO_PROGRAMS.filter((program) => existsSync(program)));
  const copy = serverCopyForOthers(install);
  // Short: the server's sockets go in stateDir/tmp, and a socket path must fit in 108 bytes.
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-vu-'));
  const log = `${LAYER}-unprivileged-server.log`;
  let server: RunningServer | undefined;
  try {
    helper.install();
    const extension = join(stateDir, 'extension');
    mkdirSync(extension);
    for (const entry of PACKAGED.filter((entry) => existsSync(join(REPO_ROOT, entry)))) cpSync(join(REPO_ROOT, entry), join(extension, entry), { recursive: true });
    const suiteEntry = join(stateDir, 'suite', 'index.js');
    mkdirSync(join(stateDir, 'suite'));
    copyFileSync(UNPRIVILEGED_SUITE_ENTRY, suiteEntry);
    const workspace = join(stateDir, 'workspace');
    const dirs = serverDirs(stateDir);
    for (const dir of [workspace, join(stateDir, 'tmp'), ...Object.values(dirs)]) mkdirSync(dir, { recursive: true });
    writeMachineSettings(dirs.userDataDir, { 'nsInspector.helper.installPath': helper.installed });
    const resultsFile = join(stateDir, 'results.json');
    chownTree(stateDir, NOBODY);
    server = await startServer({ install: copy.install, stateDir, smokeTestDriver: true, user: NOBODY, env: { ...TEST_SERVER_ENV, [RESULTS_FILE_ENV]: resultsFile } });
    return await runSuite(browser, server, workspace, developmentPayload(server.port, extension, suiteEntry), resultsFile, log);
  } finally {
    await server?.stop();
    helper.remove();
    keepServerLog(stateDir, log);
    rmSync(stateDir, { recursive: true, force: true });
    copy.remove();
  }
}

/** Opens the workbench with the suite's payload and waits for its results file. */
async function runSuite(browser: Browser, server: RunningServer, workspace: string, payload: string, resultsFile: string, log: string): Promise<SuiteResults> {
  const page = await browser.newPage();
  try {
    await page.goto(server.workbenchUrl(workspace, { payload }));
    return await waitForSuiteResults(resultsFile, server.logFile, SUITE_TIMEOUT_MS, `test-results/${log}`);
  } finally {
    await page.close();
  }
}

/** The server log (which includes the extension host's) is what to read when a run fails. */
function keepServerLog(stateDir: string, name: string): void {
  const log = join(stateDir, 'server.log');
  if (!existsSync(log)) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  copyFileSync(log, join(RESULTS_DIR, name));
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    reportLayer(LAYER, [], [error.message]);
    void stopAll().finally(() => process.exit(1));
  },
);
