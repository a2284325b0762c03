// "Open Shell in Namespaces…" against images as an engine runs them (a busybox folder, a process
// chrooted into it in new namespaces with fewer capabilities and no_new_privs), run as root with
// the argv the extension builds: the shell has no more than the target, it is the image's own,
// an image without a shell is said so, and the host-tools shell's ps sees the target's PIDs.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_TOOLS_TYPES, nsenterCommandArgv, type NsenterCommandRequest } from '../../src/core/exec/nsenterArgv';
import { enterDroppedArgv } from '../../src/core/exec/enterArgv';
import { enterProgram } from '../../src/core/exec/enterProgram';
import { dropToTarget } from '../../src/core/exec/dropCredentials';
import { pickShellInRoot } from '../../src/core/exec/shellInRoot';
import { processNamespaces } from '../../src/core/exec/processNamespaces';
import { parseCredentials, type ProcessCredentials } from '../../src/core/parsers/credentials';
import { NamespaceLab } from './support/namespaces';
import { busyboxRoot, shelllessRoot, startInImage } from './support/busyboxImage';

const DROPPED = ['cap_sys_admin', 'cap_sys_ptrace', 'cap_sys_module', 'cap_sys_chroot', 'cap_dac_read_search'];
const STATUS_OF_SELF = ['-c', 'cat /proc/self/status; id'];

function run(argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 15_000, cwd: '/' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const credentialsOf = (pid: number | 'self') => parseCredentials(readFileSync(`/proc/${pid}/status`, 'utf8'))!;

/** What the extension runs for "All its namespaces" as root: the request and the dropped argv. */
function allItsNamespaces(pid: number, command: string[]): { request: NsenterCommandRequest; argv: string[] } {
  const request: NsenterCommandRequest = { target: { kind: 'process', pid, namespaces: processNamespaces(pid) }, types: undefined, own: processNamespaces('self'), privateProc: true, command };
  const program = enterProgram();
  assert.ok(program, 'nsinspect-enter is built (npm run build:native)');
  const result = enterDroppedArgv(program, request, dropToTarget(credentialsOf(pid)));
  assert.ok(result.ok);
  return { request, argv: result.argv };
}

function sameAsTarget(inside: ProcessCredentials, target: ProcessCredentials): void {
  assert.deepEqual(inside.uid, target.uid);
  assert.deepEqual(inside.gid, target.gid);
  assert.deepEqual(inside.groups, target.groups);
  assert.equal(inside.capBnd, target.capBnd);
  assert.equal(inside.capInh, target.capInh);
  assert.equal(inside.capAmb, target.capAmb);
  assert.equal(inside.noNewPrivs, target.noNewPrivs);
}

describe('Open Shell into images, as root', () => {
  const lab = new NamespaceLab();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-shells-'));
  after(() => {
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a root target with fewer capabilities and no_new_privs: the shell has its bounding set, no_new_privs and IDs, and runs the image's /bin/sh (nsenter alone gave every host capability)", async () => {
    const root = busyboxRoot(dir, 'busybox-root');
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-bb', command: ['/bin/sleep', '600'] });
    const target = credentialsOf(pid);
    assert.equal(target.noNewPrivs, true);
    assert.notEqual(target.capBnd, credentialsOf('self').capBnd);

    const pick = pickShellInRoot(`/proc/${pid}/root`, ['/usr/bin/bash']);
    assert.deepEqual(pick, { kind: 'found', shell: '/bin/sh' });
    const { request, argv } = allItsNamespaces(pid, ['/bin/sh', ...STATUS_OF_SELF]);
    const out = run(argv);
    assert.equal(out.status, 0, out.stderr);
    const inside = parseCredentials(out.stdout)!;
    sameAsTarget(inside, target);
    assert.match(out.stdout, /^CapEff:\s+(\w+)$/m);
    assert.equal(/^CapEff:\s+(\w+)$/m.exec(out.stdout)![1], target.capBnd, 'root inside has exactly the bounding set');

    // The attack the drop closes: the same join with nsenter alone is root with the host's bounding set and no no_new_privs.
    const plain = nsenterCommandArgv(request);
    assert.ok(plain.ok);
    const full = parseCredentials(run(plain.argv).stdout)!;
    assert.equal(full.capBnd, credentialsOf('self').capBnd);
    assert.equal(full.noNewPrivs, false);
  });

  it("a non-root target with groups and an ambient capability: the shell has its UIDs, GIDs, groups, inheritable and ambient sets", async () => {
    const root = busyboxRoot(dir, 'busybox-user');
    const credentials = ['--groups=4444,4445', '--gid=4343', '--keep=1', '--uid=4242', '--caps=cap_net_raw+pi', '--addamb=cap_net_raw'];
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-user', credentials, command: ['/bin/sleep', '601'] });
    const target = credentialsOf(pid);
    assert.deepEqual(target.uid, [4242, 4242, 4242]);
    assert.equal(target.capAmb, '0000000000002000');
    const out = run(allItsNamespaces(pid, ['/bin/sh', ...STATUS_OF_SELF]).argv);
    assert.equal(out.status, 0, out.stderr);
    sameAsTarget(parseCredentials(out.stdout)!, target);
    assert.match(out.stdout, /uid=4242 gid=4343 groups=4444,4445/);
  });

  it('an image without a shell: the picker finds none and says what it looked for; the old way (the user\'s shell) died with 127', async () => {
    const root = shelllessRoot(dir, 'no-shell');
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-none', command: ['/sleep', '602'] });
    const pick = pickShellInRoot(`/proc/${pid}/root`, ['/usr/bin/bash']);
    assert.equal(pick.kind, 'none');
    assert.ok(pick.kind === 'none' && pick.tried.includes('/bin/sh') && pick.tried.includes('/usr/bin/bash'));
    const old = run(allItsNamespaces(pid, ['/usr/bin/bash']).argv);
    assert.equal(old.status, 127);
    assert.match(old.stderr, /cannot run \/usr\/bin\/bash inside/);
  });

  it("the host-tools shell's ps lists exactly the target's PID namespace (with the host's /proc it listed the host's)", async () => {
    const root = busyboxRoot(dir, 'busybox-tools');
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-tools', command: ['/bin/sleep', '603'] });
    const target = { kind: 'process' as const, pid, namespaces: processNamespaces(pid) };
    const request = { target, types: HOST_TOOLS_TYPES, own: processNamespaces('self'), command: ['ps', '-e', '-o', 'pid=,comm='] };
    const tools = nsenterCommandArgv({ ...request, privateProc: true });
    assert.ok(tools.ok);
    assert.deepEqual(tools.argv.slice(-7, -4), ['unshare', '--mount-proc', '--']);
    const out = run(tools.argv);
    assert.equal(out.status, 0, out.stderr);
    const rows = out.stdout.trim().split('\n').map((row) => row.trim().split(/\s+/));
    // The sleeper as PID 1 and ps itself: every process of that PID namespace, nothing of the host's.
    assert.deepEqual(rows[0], ['1', 'sleep']);
    assert.deepEqual(rows.slice(1).map(([, comm]) => comm), ['ps'], out.stdout);
    // The host still has its own /proc (the mount was private to the shell).
    assert.equal(readlinkSync('/proc/self/ns/pid'), `pid:[${processNamespaces('self').pid}]`);
    assert.ok(readdirSync('/proc').length > 3);

    // Before: the host's /proc, so ps listed the host's processes under the host's PIDs (or died
    // with "lookup self" where that /proc is of another PID namespace).
    const before = nsenterCommandArgv(request);
    assert.ok(before.ok);
    const broken = run(before.argv);
    assert.ok(broken.status !== 0 || broken.stdout.trim().split('\n').length > 2, broken.stdout);
  });

  it('nsinspect-enter refuses bad input with exit 64 and runs nothing', () => {
    const program = enterProgram()!;
    const ok = ['--uid', '0,0,0', '--gid', '0,0,0', '--groups', '', '--bounding', '0', '--inheritable', '0', '--ambient', '0'];
    const base = ['--target', String(process.pid), '--ns', 'uts'];
    const marker = join(dir, 'ran');
    const bad: string[][] = [
      [...base, '--uid', '1,2', ...ok.slice(2), '--', 'touch', marker],
      [...base, ...ok.slice(0, 8), '--bounding', 'zz', '--inheritable', '0', '--ambient', '0', '--', 'touch', marker],
      [...base, ...ok.slice(0, 8), '--bounding', '1'.repeat(17), '--inheritable', '0', '--ambient', '0', '--', 'touch', marker],
      ['--target', String(process.pid), '--ns', 'uts,uts', ...ok, '--', 'touch', marker],
      ['--target', String(process.pid), '--ns', 'bogus', ...ok, '--', 'touch', marker],
      ['--target', '-1', '--ns', 'uts', ...ok, '--', 'touch', marker],
      ['--target', '99999999999', '--ns', 'uts', ...ok, '--', 'touch', marker],
      [...base, '--uid', '0,0,0', '--', 'touch', marker],
      [...base, '--no-new-privs', '--', 'touch', marker],
      [...base, ...ok, '--groups', '1', '--', 'touch', marker],
      [...base, ...ok, '--frobnicate', '--', 'touch', marker],
      [...base, ...ok],
      [...base, ...ok, '--', ''],
      [...base, '--uid', '4294967296,0,0', ...ok.slice(2), '--', 'touch', marker],
    ];
    for (const args of bad) {
      const r = run([program, ...args]);
      assert.equal(r.status, 64, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^nsinspect-enter: /);
    }
    assert.throws(() => readFileSync(marker), /ENOENT/);
  });
});
