// Builds the extension the way users get it (`npm run build`), so the harness never tests a
// stale dist/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
/** What `npm run package` writes (see its -o option in package.json). */
export const VSIX_PATH = join(REPO_ROOT, 'namespace-inspector.vsix');

export function npmRun(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status})`);
}
