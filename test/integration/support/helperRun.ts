import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The helper as shipped, in the source tree. */
export const HELPER = resolve('helper/nsinspect-helper');

export interface HelperRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the helper directly (as root in these tests), argv only. */
export function runHelper(args: string[], options: { as?: 'nobody'; input?: string } = {}): HelperRun {
  const argv = options.as === 'nobody' ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', HELPER, ...args] : [HELPER, ...args];
  const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', input: options.input ?? '', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
