// A terminal that runs one program closes when it exits, taking its output along. A fixed script
// file, shipped next to the bundle, runs the program (its arguments) and keeps the terminal open
// until Enter, saying how it ended. It runs on the host around nsenter/unshare/sudo, so it need
// not exist inside the target's root, and `ps` there shows only the program itself.
import { existsSync } from 'node:fs';
import path from 'node:path';

const FILE = 'nsinspect-hold-open';

/** The script: next to the bundle (dist/, the .vsix) or beside this source file (tests, tsx). */
export function holdOpenScript(): string | undefined {
  return [path.join(__dirname, FILE), path.join(__dirname, '..', '..', '..', 'src', 'core', 'exec', FILE)].find((candidate) => existsSync(candidate));
}

/** `sh SCRIPT PROGRAM...`; undefined when the script is missing (a broken install). */
export function holdOpenArgv(command: readonly string[]): string[] | undefined {
  const script = holdOpenScript();
  return script === undefined ? undefined : ['sh', script, ...command];
}
