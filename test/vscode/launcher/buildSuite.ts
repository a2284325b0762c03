// Bundles the extension-host suites. The one run as root: one file per test so mocha can load
// them by name, with `vscode` (given by the host) and `mocha` (one shared instance from
// node_modules) left external. The one run as an unprivileged user: a single file, mocha inside.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../scripts/vscode/buildProject';

export const SUITE_OUT_DIR = join(REPO_ROOT, 'out', 'vscode-suite');
export const SUITE_ENTRY = join(SUITE_OUT_DIR, 'index.js');
export const UNPRIVILEGED_SUITE_ENTRY = join(REPO_ROOT, 'out', 'vscode-suite-unprivileged', 'index.js');

export async function buildSuite(): Promise<void> {
  const suiteDir = join(REPO_ROOT, 'test', 'vscode', 'suite');
  const entries = readdirSync(suiteDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(suiteDir, f));
  // Emptied first: a test file moved or renamed would otherwise still run from its old output.
  rmSync(SUITE_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: SUITE_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

export async function buildUnprivilegedSuite(): Promise<void> {
  await build({
    entryPoints: [join(REPO_ROOT, 'test', 'vscode', 'unprivileged', 'index.ts')],
    outfile: UNPRIVILEGED_SUITE_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // Mocha's parallel mode (not used here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}
