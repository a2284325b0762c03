import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HELPER } from './support/helperRun';

describe('the extension\'s trust check of the helper, run as nobody', () => {
  const root = mkdtempSync('/tmp/nsi-trust-');
  after(() => rmSync(root, { recursive: true, force: true }));

  it('accepts a root-owned exact copy and refuses a user-owned or a modified one', () => {
    chmodSync(root, 0o755);
    const good = join(root, 'good');
    copyFileSync(HELPER, good);
    chmodSync(good, 0o755);
    const modified = join(root, 'modified');
    copyFileSync(HELPER, modified);
    chmodSync(modified, 0o755);
    appendFileSync(modified, 'id\n');
    const userDir = join(root, 'user');
    mkdirSync(userDir);
    const userOwned = join(userDir, 'nsinspect-helper');
    copyFileSync(HELPER, userOwned);
    chmodSync(userOwned, 0o755);
    chownSync(userDir, 65534, 65534);
    chownSync(userOwned, 65534, 65534);
    const run = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', process.execPath, '--import', 'tsx', 'test/integration/support/trustProbe.ts', HELPER, good, modified, userOwned, join(root, 'missing')],
      { encoding: 'utf8', env: { ...process.env, HOME: root } },
    );
    assert.equal(run.status, 0, run.stderr);
    const { uid, results } = JSON.parse(run.stdout) as { uid: number; results: { ok: boolean; reason?: string; message?: string }[] };
    assert.equal(uid, 65534);
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.reason)), ['ok', 'modified', 'owner', 'missing']);
    assert.match(results[1].message!, /differs from the one this extension ships/);
    assert.match(results[2].message!, /not owned by root \(UID 65534\)/);
  });
});
