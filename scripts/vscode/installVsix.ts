// Installs a packaged .vsix into a server's extensions folder (before the server starts), the way
// a user's VS Code would: what the browser tests and `npm start` run is the real package.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { ServerInstall } from './versions';
import { serverDirs } from './server';

export async function installVsix(install: ServerInstall, stateDir: string, vsix: string): Promise<void> {
  const { extensionsDir } = serverDirs(stateDir);
  mkdirSync(extensionsDir, { recursive: true });
  const child = spawn(
    install.node,
    [install.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms', '--force'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${install.nodeBinDir}:${process.env.PATH}` } },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} into the VS Code server failed (exit ${code}):\n${output}`);
  }
}
