// A VS Code session whose server, and so whose extension host, runs as the unprivileged user
// nobody: what a desktop user sees (the limited view). The cached server lives under root's
// 0700 home, so the session runs a hard-linked copy of it from a folder nobody can read (links,
// not copies: a second and no extra space; nobody cannot write them).
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serverInstall, type ServerInstall } from '../../../scripts/vscode/versions';
import { serverDirs, startServer, type RunningServer } from '../../../scripts/vscode/server';
import { launchBrowser } from '../../../scripts/vscode/browser';
import { stopAll } from '../../../scripts/vscode/cleanup';
import { TEST_SETTINGS, writeUserSettings } from '../../../scripts/vscode/settings';
import { VSIX_PATH } from '../../../scripts/vscode/buildProject';
import { openWorkbench } from './workbench';
import { installExtension } from './installedExtension';
import { CONTAINER_TITLE, keepServerLog } from './session';

const NOBODY = { uid: 65534, gid: 65534 };

export interface UnprivilegedSession {
  page: Page;
  server: RunningServer;
  close(): Promise<void>;
}

export async function openUnprivilegedSession(testFile: string, settings: Record<string, unknown> = {}): Promise<UnprivilegedSession> {
  const cached = serverInstall();
  if (!existsSync(cached.marker) || !existsSync(VSIX_PATH)) throw new Error('the VS Code server or the .vsix is missing: run the browser tests with `npm run test:e2e`');
  const serverCopyDir = mkdtempSync(join(tmpdir(), 'nsi-e2e-server-'));
  // Short: the server's sockets go in stateDir/tmp, and a socket path must fit in 108 bytes.
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-np-'));
  const close = async () => {
    await stopAll();
    keepServerLog(stateDir, testFile);
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(serverCopyDir, { recursive: true, force: true });
  };
  try {
    chmodSync(serverCopyDir, 0o755); // mkdtemp makes it 0700
    const copyRoot = join(serverCopyDir, 'server');
    execFileSync('cp', ['-al', cached.root, copyRoot]);
    const install = relocated(cached, copyRoot);
    const workspace = join(stateDir, 'workspace');
    const dirs = serverDirs(stateDir);
    for (const dir of [workspace, join(stateDir, 'tmp'), ...Object.values(dirs)]) mkdirSync(dir, { recursive: true });
    await installExtension(install, stateDir);
    writeUserSettings(dirs.userDataDir, { ...TEST_SETTINGS, ...settings });
    // Machine-scoped settings (nsInspector.helper.*) are read from the server's machine settings.
    mkdirSync(join(dirs.userDataDir, 'Machine'), { recursive: true });
    writeFileSync(join(dirs.userDataDir, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
    chownTree(stateDir);
    const server = await startServer({ install, stateDir, user: NOBODY });
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openWorkbench(page, server.workbenchUrl(workspace), CONTAINER_TITLE);
    return { page, server, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The same install at another root. */
function relocated(install: ServerInstall, root: string): ServerInstall {
  const move = (path: string) => join(root, path.slice(install.root.length));
  return {
    root,
    marker: move(install.marker),
    node: move(install.node),
    nodeBinDir: move(install.nodeBinDir),
    vscodeDir: move(install.vscodeDir),
    serverMain: move(install.serverMain),
  };
}

/** Hands the session's state folder to nobody (never the hard-linked server: that would chown the cache). */
function chownTree(path: string): void {
  chownSync(path, NOBODY.uid, NOBODY.gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry));
}
