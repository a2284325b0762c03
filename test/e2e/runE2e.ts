// `npm run test:e2e`: prepares what the browser tests need once (Debian packages, the cached VS
// Code server, the packaged .vsix), then runs test/e2e/*.e2e.ts with node:test, one file at a
// time; each file starts its own server and browser. Results go to test-results/e2e.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, requireDebianPackages } from '../../scripts/vscode/prerequisites';
import { ensureServerInstalled } from '../../scripts/vscode/provision';
import { npmRun, REPO_ROOT } from '../../scripts/vscode/buildProject';
import { reportLayer, RESULTS_DIR } from '../../scripts/vscode/layerResults';

const LAYER = 'e2e';
const TEST_TIMEOUT_MS = 5 * 60_000;

async function prepare(): Promise<void> {
  requireDebianPackages(CHROMIUM);
  await ensureServerInstalled();
  npmRun('package'); // builds, then packs the .vsix the sessions install
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
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' }).status ?? 1;
}

prepare().then(
  () => process.exit(runTests()),
  (error: Error) => {
    reportLayer(LAYER, [], [`preparing the browser tests failed: ${error.message}`]);
    process.exit(1);
  },
);
