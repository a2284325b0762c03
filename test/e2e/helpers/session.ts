// One VS Code session for a browser test file: a fresh server with the packaged extension
// installed (what users get, not the development folder), a headless browser, and a page showing
// the workbench. close() stops everything and keeps the server log.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { serverInstall } from '../../../scripts/vscode/versions';
import { startServer, type RunningServer } from '../../../scripts/vscode/server';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { stopAll } from '../../../scripts/vscode/cleanup';
import { TEST_SERVER_ENV, TEST_SETTINGS } from '../../../scripts/vscode/settings';
import { VSIX_PATH } from '../../../scripts/vscode/buildProject';
import { RESULTS_DIR } from '../../../scripts/vscode/layerResults';
import { openWorkbench } from './workbench';
import { installExtension } from './installedExtension';

/** The view container title in package.json: the extension's activity-bar entry. */
export const CONTAINER_TITLE = 'Namespaces';

export interface VsCodeSession {
  page: Page;
  server: RunningServer;
  /** The folder the workbench has open (the Explorer shows it). */
  workspace: string;
  close(): Promise<void>;
}

/** Files to put in the workspace before the workbench opens it: name → content and mode. */
export type WorkspaceFiles = Record<string, { content: string; mode?: number }>;

export async function openVsCodeSession(testFile: string, files: WorkspaceFiles = {}): Promise<VsCodeSession> {
  const install = serverInstall();
  if (!existsSync(install.marker) || !existsSync(VSIX_PATH)) {
    throw new Error('the VS Code server or the .vsix is missing: run the browser tests with `npm run test:e2e`');
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-e2e-'));
  const workspace = join(stateDir, 'workspace');
  mkdirSync(workspace);
  for (const [name, file] of Object.entries(files)) writeFileSync(join(workspace, name), file.content, { mode: file.mode ?? 0o644 });
  const close = async () => {
    await stopAll();
    keepServerLog(stateDir, testFile);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await installExtension(install, stateDir);
    const server = await startServer({ install, stateDir, settings: TEST_SETTINGS, env: TEST_SERVER_ENV });
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openWorkbench(page, server.workbenchUrl(workspace), CONTAINER_TITLE);
    return { page, server, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Keeps a session's server log (with the extension host's) in test-results/, named after the test file. */
export function keepServerLog(stateDir: string, testFile: string): void {
  const log = join(stateDir, 'server.log');
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (existsSync(log)) copyFileSync(log, join(RESULTS_DIR, `e2e-${basename(testFile).replace(/\.ts$/, '')}-server.log`));
}
