// `npm run test:e2e`: prepares what the browser tests need once (Debian packages, the cached VS
// Code server, the packaged .vsix installed into a template extensions folder), then runs
// test/e2e/*.e2e.ts with node:test, one file at a time; each file starts its own server and
// browser. Results go to test-results/e2e.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, requireDebianPackages } from '../../scripts/vscode/prerequisites';
import { ensureServerInstalled } from '../../scripts/vscode/provision';
import { npmRun, REPO_ROOT, VSIX_PATH } from '../../scripts/vscode/buildProject';
import { installVsix } from '../../scripts/vscode/installVsix';
import { INSTALLED_TEMPLATE_ENV } from './helpers/installedExtension';
import { reportLayer, RESULTS_DIR } from '../../scripts/vscode/layerResults';

const LAYER = 'e2e';
const TEST_TIMEOUT_MS = 5 * 60_000;

/** The sessions copy the installed extension from here (see helpers/installedExtension.ts). */
const template = mkdtempSync(join(tmpdir(), 'nsi-e2e-installed-'));

async function prepare(): Promise<void> {
  requireDebianPackages(CHROMIUM);
  const install = await ensureServerInstalled();
  npmRun('package'); // builds, then packs the .vsix the sessions install
  await installVsix(install, template, VSIX_PATH);
}

function runTests(): number {
  const dir = join(REPO_ROOT, 'test', 'e2e');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .map((f) => join(dir, f));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const args = [
    '--import', 'tsx', '--test', '--test-concurrency=1', `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/count-reporter.mjs', `--test-reporter-destination=${join(RESULTS_DIR, `${LAYER}.json`)}`,
    ...files,
  ];
  const env = { ...process.env, [INSTALLED_TEMPLATE_ENV]: template };
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit', env }).status ?? 1;
}

prepare().then(
  () => {
    const status = runTests();
    rmSync(template, { recursive: true, force: true });
    process.exit(status);
  },
  (error: Error) => {
    rmSync(template, { recursive: true, force: true });
    reportLayer(LAYER, [], [`preparing the browser tests failed: ${error.message}`]);
    process.exit(1);
  },
);
