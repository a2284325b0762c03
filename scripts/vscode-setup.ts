// `npm run vscode:setup`: provisions the cached VS Code server the tests and `npm start` use.
// The test and start commands call the same function, so running this first is optional.
import { ensureServerInstalled } from './vscode/provision';

ensureServerInstalled().then(
  (install) => console.log(`[vscode-setup] VS Code server: ${install.vscodeDir}`),
  (error: Error) => {
    console.error(`[vscode-setup] ${error.message}`);
    process.exit(1);
  },
);
