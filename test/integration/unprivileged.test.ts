import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs the built command line as the unprivileged user nobody. */
function asNobody(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', process.execPath, 'dist/cli.js', ...args],
    { encoding: 'utf8' },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('discovery as an unprivileged user', () => {
  before(() => {
    assert.ok(existsSync('dist/cli.js'), 'dist/cli.js is missing: the test command builds it first (npm run build)');
  });

  it('returns what nobody can see, counts what it cannot, and does not crash', () => {
    const run = asNobody(['discover', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const model = JSON.parse(run.stdout);
    assert.equal(model.privileged, false);
    assert.ok(model.skipped.processes > 0, 'root-owned processes must be counted as not visible');
    const ownPids = model.processes.map((p: { uid: number }) => p.uid);
    assert.ok(ownPids.length > 0 && ownPids.every((uid: number) => uid === 65534), 'only nobody\'s own processes are inspected');
    // Its own namespaces are there: the host's, all eight types.
    const types = new Set(model.namespaces.map((ns: { type: string }) => ns.type));
    for (const type of ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']) assert.ok(types.has(type), type);
  });

  it('tells nobody that a root-owned PID is not visible, and exits 2', () => {
    const rootPid = Number(execFileSync('pgrep', ['-o', '-u', 'root', '-x', 'kthreadd'], { encoding: 'utf8' }).trim());
    const run = asNobody(['discover', '--pid', String(rootPid)]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /not visible/);
  });
});
