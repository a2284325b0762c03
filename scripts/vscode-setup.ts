// `npm run vscode:setup`: provisions the cached VS Code server the tests and `npm start` use.
// The test and start commands call the same function, so running this first is optional.
import { ensureServerInstalled } from './vscode/provision';

try {
  const install = ensureServerInstalled();
  console.log(`[vscode-setup] VS Code server: ${install.vscodeDir}`);
} catch (error) {
  console.error(`[vscode-setup] ${(error as Error).message}`);
  process.exit(1);
}
