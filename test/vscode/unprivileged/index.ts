// Entry point of the suite the launcher runs with VS Code as an unprivileged user (nobody): what
// a user who is not root gets. Built as one file with mocha inside, since that user cannot read
// this checkout's node_modules; each test file is loaded after mocha has set up its interface.
import { runSuite } from '../suiteRunner';

export function run(): Promise<void> {
  return runSuite(async (mocha) => {
    mocha.suite.emit('pre-require', globalThis, __filename, mocha);
    await import('./elevationNone.test');
    await import('./helperTrust.test');
    await import('./nonRootTerminals.test');
  });
}
