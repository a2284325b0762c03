// `npm start`: builds and packages the extension, then opens it in a VS Code that needs nothing
// but a browser: the cached VS Code server on 127.0.0.1 with the .vsix installed and a random
// connection token. With a desktop `code` on PATH it offers to install the .vsix there instead.
//
//   npm start [-- --port N] [-- --folder DIR] [-- --desktop | --browser]
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ensureServerInstalled } from './vscode/provision';
import { npmRun, VSIX_PATH } from './vscode/buildProject';
import { serverDirs, startServer } from './vscode/server';
import { installVsix } from './vscode/installVsix';
import { OFFLINE_SETTINGS } from './vscode/settings';
import { cacheBaseDir } from './vscode/versions';
import { desktopCodeOnPath, installIntoDesktopCode } from './vscode/desktopCode';
import { stopAll } from './vscode/cleanup';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string', default: process.cwd() },
    desktop: { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
  },
});

/** Kept between runs so the user's settings and layout in this VS Code survive a restart. */
const STATE_DIR = join(cacheBaseDir(), 'namespace-inspector', 'start');

async function wantsDesktop(): Promise<boolean> {
  if (options.desktop) return true;
  if (options.browser || !desktopCodeOnPath()) return false;
  if (!process.stdin.isTTY) {
    console.log('A desktop VS Code (`code`) is on PATH: run `npm start -- --desktop` to install the extension there.');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('A desktop VS Code (`code`) is on PATH. Install the extension there instead? [y/N] ');
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function main(): Promise<void> {
  npmRun('package');
  if (await wantsDesktop()) {
    installIntoDesktopCode(VSIX_PATH);
    console.log('Installed. Open VS Code and click "Namespaces" in the activity bar.');
    return;
  }
  const install = await ensureServerInstalled();
  await installVsix(install, STATE_DIR, VSIX_PATH);
  const settingsFile = join(serverDirs(STATE_DIR).userDataDir, 'User', 'settings.json');
  const server = await startServer({
    install,
    stateDir: STATE_DIR,
    // Random per run and never --without-connection-token: anyone on this machine who can reach
    // the port could otherwise open a terminal as you.
    connectionToken: randomBytes(24).toString('hex'),
    port: options.port ? Number(options.port) : undefined,
    settings: existsSync(settingsFile) ? undefined : OFFLINE_SETTINGS,
  });
  console.log('\nNamespace Inspector is running in VS Code. Open this URL in a browser on this machine:\n');
  console.log(`  ${server.workbenchUrl(resolve(options.folder))}\n`);
  console.log('Then click "Namespaces" in the activity bar. Press Ctrl+C to stop the server.');
  console.log(`(From another machine: ssh -L ${server.port}:127.0.0.1:${server.port} THIS_HOST, then open the same URL.)`);
  // Runs until Ctrl+C (cleanup.ts then stops the server) or until the server dies.
  const exit = await server.died;
  throw new Error(`the VS Code server stopped unexpectedly (${exit}); its log: ${server.logFile}`);
}

main().catch(async (error: Error) => {
  console.error(`npm start: ${error.message}`);
  await stopAll();
  process.exit(1);
});
