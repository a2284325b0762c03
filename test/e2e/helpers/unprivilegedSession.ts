// A VS Code session whose server, and so whose extension host, runs as the unprivileged user
// nobody: what a desktop user sees (the limited view). The server runs from a hard-linked copy of
// the cached one (scripts/vscode/unprivilegedServer.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serverInstall } from '../../../scripts/vscode/versions';
import { serverDirs, startServer, type RunningServer } from '../../../scripts/vscode/server';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { stopAll } from '../../../scripts/vscode/cleanup';
import { TEST_SETTINGS, writeUserSettings } from '../../../scripts/vscode/settings';
import { chownTree, NOBODY, serverCopyForOthers, writeMachineSettings } from '../../../scripts/vscode/unprivilegedServer';
import { VSIX_PATH } from '../../../scripts/vscode/buildProject';
import { openWorkbench } from './workbench';
import { installExtension } from './installedExtension';
import { CONTAINER_TITLE, keepServerLog } from './session';

export interface UnprivilegedSession {
  page: Page;
  server: RunningServer;
  close(): Promise<void>;
}

export async function openUnprivilegedSession(testFile: string, settings: Record<string, unknown> = {}): Promise<UnprivilegedSession> {
  const cached = serverInstall();
  if (!existsSync(cached.marker) || !existsSync(VSIX_PATH)) throw new Error('the VS Code server or the .vsix is missing: run the browser tests with `npm run test:e2e`');
  const copy = serverCopyForOthers(cached);
  // Short: the server's sockets go in stateDir/tmp, and a socket path must fit in 108 bytes.
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-np-'));
  const close = async () => {
    await stopAll();
    keepServerLog(stateDir, testFile);
    rmSync(stateDir, { recursive: true, force: true });
    copy.remove();
  };
  try {
    const workspace = join(stateDir, 'workspace');
    const dirs = serverDirs(stateDir);
    for (const dir of [workspace, join(stateDir, 'tmp'), ...Object.values(dirs)]) mkdirSync(dir, { recursive: true });
    await installExtension(copy.install, stateDir);
    writeUserSettings(dirs.userDataDir, { ...TEST_SETTINGS, ...settings });
    writeMachineSettings(dirs.userDataDir, settings);
    chownTree(stateDir, NOBODY);
    const server = await startServer({ install: copy.install, stateDir, user: NOBODY });
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openWorkbench(page, server.workbenchUrl(workspace), CONTAINER_TITLE);
    return { page, server, close };
  } catch (error) {
    await close();
    throw error;
  }
}
