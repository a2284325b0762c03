// Entry point the extension host loads as extensionTestsPath. Runs every *.test.js next to it with
// mocha (one instance, from node_modules) and writes the outcomes to the launcher's results file.
// The same contract (run() returning a promise) serves the server launcher and @vscode/test-electron.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runSuite } from '../suiteRunner';

export function run(): Promise<void> {
  return runSuite((mocha) => {
    for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
      mocha.addFile(join(__dirname, file));
    }
  });
}
