import { after, before, describe, it } from 'node:test';
import { hostname } from 'node:os';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NamespaceLab, nsInode, waitForCommand } from './support/namespaces';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The JSON of a busy host passes spawnSync's 1 MiB default (seen: 1.1 MB with 200 netns).
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('nsinspect command line', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());
  before(() => assert.ok(existsSync('dist/cli.js'), 'dist/cli.js is missing: run npm run build'));

  it('prints the documented JSON for every namespace', async () => {
    const netns = lab.addNetns('cli');
    const sleeper = lab.start(['unshare', '--uts', 'sleep', '600']);
    await waitForCommand(sleeper.pid!, 'sleep');
    const run = cli(['discover', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const model = JSON.parse(run.stdout);
    assert.equal(model.schemaVersion, 1);
    for (const ns of model.namespaces) {
      assert.deepEqual(
        Object.keys(ns).filter((k) => k !== 'user' && k !== 'hostname').sort(),
        ['bindMounts', 'container', 'dev', 'fdRefs', 'forChildrenPids', 'inode', 'label', 'leaders', 'owner', 'parent', 'pids', 'senior', 'tids', 'type'],
      );
    }
    const uts = model.namespaces.find((ns: { inode: number }) => ns.inode === nsInode(sleeper.pid!, 'uts'));
    assert.deepEqual(uts.pids, [sleeper.pid]);
    assert.equal(uts.owner, nsInode('self', 'user'));
    assert.equal(uts.parent, null);
    assert.equal(uts.label, 'sleep');
    assert.equal(uts.hostname, hostname(), 'a new UTS namespace starts with the hostname of the one it came from');
    assert.ok(model.namespaces.filter((ns: { type: string }) => ns.type !== 'uts').every((ns: object) => !('hostname' in ns)), 'only UTS namespaces have a hostname');
    const bound = model.namespaces.find((ns: { bindMounts: string[] }) => ns.bindMounts.includes(`/run/netns/${netns}`));
    assert.equal(bound.type, 'net');
    const process = model.processes.find((p: { pid: number }) => p.pid === sleeper.pid);
    assert.deepEqual(process.cmdline, ['sleep', '600']);
    assert.equal(process.namespaces.uts, uts.inode);
    assert.deepEqual(Object.keys(model.skipped).sort(), ['fds', 'mountNamespaces', 'processes', 'threads']);
  });

  it('filters by --type (repeatable) and --pid', async () => {
    const sleeper = lab.start(['unshare', '--net', 'sleep', '600']);
    await waitForCommand(sleeper.pid!, 'sleep');
    const byType = JSON.parse(cli(['discover', '--json', '--type', 'net', '--type', 'uts']).stdout);
    assert.ok(byType.namespaces.length >= 3);
    assert.ok(byType.namespaces.every((ns: { type: string }) => ns.type === 'net' || ns.type === 'uts'));
    const byPid = JSON.parse(cli(['discover', '--json', '--pid', String(sleeper.pid)]).stdout);
    assert.equal(byPid.processes.length, 1);
    assert.deepEqual(byPid.namespaces.map((ns: { type: string }) => ns.type).sort(), ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']);
    assert.equal(byPid.namespaces.find((ns: { type: string }) => ns.type === 'net').inode, nsInode(sleeper.pid!, 'net'));
  });

  it('runs as the installed command (the bin itself), whole output through a pipe, without loading NODE_EXTRA_CA_CERTS', () => {
    // Node warns on stderr when it cannot load the extra certificates: the bin must not load them.
    const run = spawnSync('dist/cli.js', ['discover', '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/nsinspect-test-ca.pem' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    // The process ends with _exit once written: the JSON must still arrive whole.
    assert.ok(JSON.parse(run.stdout).processes.length > 0);
    const warned = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/nsinspect-test-ca.pem' } });
    assert.match(warned.stderr, /extra certs/i, 'node itself warns about the missing file (the check above means something)');
  });

  it('stops quietly when its reader goes away (| head), with the status SIGPIPE would give', async () => {
    const child = spawn('dist/cli.js', ['discover', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Gone before the first byte: the write fails however small the output is.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 141);
  });

  it('prints a readable table without --json', () => {
    const run = cli(['discover', '--type', 'user']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^TYPE\s+NS\s+PROCS\s+PARENT\s+OWNER/);
    assert.match(run.stdout, new RegExp(`^user\\s+${nsInode('self', 'user')}\\s`, 'm'));
    assert.doesNotMatch(run.stdout, /^net\s/m);
  });

  const badInputs: [string, string[], RegExp][] = [
    ['an unknown type', ['discover', '--type', 'bogus'], /unknown namespace type "bogus"/],
    ['a PID that is not a number', ['discover', '--pid', 'abc'], /--pid takes a process ID/],
    ['a PID with a shell metacharacter', ['discover', '--pid', '1;rm'], /--pid takes a process ID/],
    ['a PID that does not exist', ['discover', '--pid', '2147483640'], /no process with PID 2147483640/],
    ['an unknown option', ['discover', '--frobnicate'], /Unknown option '--frobnicate'/],
    ['an unknown command', ['explode'], /unknown command "explode"/],
    ['no command', [], /missing command/],
  ];
  for (const [what, args, message] of badInputs) {
    it(`rejects ${what} with a one-line error and exit code 2`, () => {
      const run = cli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    });
  }
});
