// The packaged extension in a session's extensions folder. `npm run test:e2e` installs the .vsix
// once (the server's own installer, as a user's VS Code does it) into a template folder; each
// session copies that folder instead of starting the installer again (~2 s a file). A file run
// on its own installs directly.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerInstall } from '../../../scripts/vscode/versions';
import { serverDirs } from '../../../scripts/vscode/server';
import { installVsix } from '../../../scripts/vscode/installVsix';
import { VSIX_PATH } from '../../../scripts/vscode/buildProject';

/** Set by runE2e.ts: a state folder whose extensions folder holds the installed .vsix. */
export const INSTALLED_TEMPLATE_ENV = 'NSI_E2E_INSTALLED_TEMPLATE';

export async function installExtension(install: ServerInstall, stateDir: string): Promise<void> {
  const template = process.env[INSTALLED_TEMPLATE_ENV];
  if (!template || !existsSync(join(serverDirs(template).extensionsDir, 'extensions.json'))) {
    await installVsix(install, stateDir, VSIX_PATH);
    return;
  }
  const from = serverDirs(template).extensionsDir;
  const to = serverDirs(stateDir).extensionsDir;
  cpSync(from, to, { recursive: true });
  // The installer's index names each extension by absolute path too: point it at the copy.
  const index = join(to, 'extensions.json');
  writeFileSync(index, readFileSync(index, 'utf8').replaceAll(from, to));
}
