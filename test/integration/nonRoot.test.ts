// What the extension would run for a user who is not root, run for real as nobody: the
// user-namespace routes of an isolated terminal work, and each case the decision logic refuses
// (or states a reason for) really fails that way. Also nsenter's credentials, user-namespace
// ordering and root/working-directory options on real targets.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { unshareArgv } from '../../src/core/exec/unshareArgv';
import { nsenterCommandArgv } from '../../src/core/exec/nsenterArgv';
import { joinPrivilegeProblem, needsPreservedCredentials } from '../../src/core/exec/joinPrivilege';
import { processIdMaps, processOwnerUid, readPtraceScope } from '../../src/core/exec/joinFacts';
import { processNamespaces } from '../../src/core/exec/processNamespaces';
import { NamespaceLab, nsInode, waitFor, waitForCommand } from './support/namespaces';

const NOBODY = 65534;
const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all'];

function run(argv: string[], asNobody: boolean): { status: number | null; stdout: string; stderr: string } {
  const full = asNobody ? [...AS_NOBODY, ...argv] : argv;
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8', timeout: 15_000, cwd: '/' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const randomHost = () => `t-${randomBytes(4).toString('hex')}`;
const PROBE = ['sh', '-c', 'echo "$$ $(hostname) $(id -u) $(readlink /proc/self/ns/user)"'];

describe('non-root paths, run as nobody', () => {
  const lab = new NamespaceLab();
  const hostBefore = hostname();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-nonroot-'));
  after(() => {
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('as nobody, unshare --uts alone fails as the refusal says (only root may create it)', () => {
    const refused = unshareArgv({ types: ['uts'], command: PROBE, isRoot: false });
    assert.ok(!refused.ok && refused.reason === 'needsPrivilege' && /Only root may create uts/.test(refused.message));
    const asRoot = unshareArgv({ types: ['uts'], command: PROBE, isRoot: true });
    assert.ok(asRoot.ok);
    const r = run(asRoot.argv, true);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Operation not permitted/);
  });

  it('the user-namespace route (--map-root-user) gives nobody a UTS + PID session: its hostname, PID 1, root inside', () => {
    const name = randomHost();
    const r = unshareArgv({ types: ['uts', 'pid'], hostname: name, command: PROBE, isRoot: false, privilege: 'userNamespace' });
    assert.ok(r.ok);
    assert.deepEqual(r.argv.slice(0, 5), ['unshare', '--user', '--uts', '--pid', '--map-root-user']);
    const out = run(r.argv, true);
    assert.equal(out.status, 0, out.stderr);
    const [pid, host, uid, userns] = out.stdout.trim().split(' ');
    assert.equal(pid, '1');
    assert.equal(host, name);
    assert.equal(uid, '0');
    assert.notEqual(userns, `user:[${nsInode('self', 'user')}]`);
    assert.equal(hostname(), hostBefore);
  });

  it('the user-namespace route with --map-current-user keeps nobody as itself in a new network namespace', () => {
    const r = unshareArgv({ types: ['net'], command: ['sh', '-c', 'id -u; ip -o link | wc -l'], isRoot: false, privilege: 'userNamespace', mapUser: 'current' });
    assert.ok(r.ok);
    const out = run(r.argv, true);
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(out.stdout.trim().split('\n').map((l) => l.trim()), [String(NOBODY), '1']);
  });

  it('why a hostname with --map-current-user is refused: the shell, not root inside, cannot set it', () => {
    assert.equal(unshareArgv({ types: ['uts'], hostname: 'x', command: PROBE, isRoot: false, privilege: 'userNamespace', mapUser: 'current' }).ok, false);
    const out = run(['unshare', '--user', '--uts', '--map-current-user', '--', 'hostname', randomHost()], true);
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /must be root|not permitted/i);
  });

  it("joining a root process' namespaces: the stated reasons (not root, its owner) and nsenter as nobody really fails", async () => {
    const child = lab.start(['unshare', '--uts', 'sleep', '600']);
    await waitForCommand(child.pid!, 'sleep');
    const pid = child.pid!;
    const problem = joinPrivilegeProblem({
      callerUid: NOBODY,
      targetUid: processOwnerUid(pid),
      joinsUser: false,
      owner: { callers: true }, // root's process in the host user namespace, which is nobody's too
      ptraceScope: readPtraceScope(),
    });
    assert.ok(problem);
    assert.match(problem.message, /You are not root \(UID 65534\): the process runs as UID 0 .*ptrace access check.*owned by your own user namespace/);
    const argv = nsenterCommandArgv({ target: { kind: 'process', pid, namespaces: processNamespaces(pid) }, types: ['uts'], own: processNamespaces('self'), command: PROBE });
    assert.ok(argv.ok);
    const out = run(argv.argv, true);
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /Permission denied|Operation not permitted/);
  });

  it('joining a named network namespace made by root: refused as nobody, as stated', () => {
    const netns = lab.addNetns('nonroot');
    const problem = joinPrivilegeProblem({ callerUid: NOBODY, targetUid: undefined, joinsUser: false, owner: { callers: true }, ptraceScope: undefined });
    assert.match(problem!.message, /owned by your own user namespace, where joining needs CAP_SYS_ADMIN/);
    const argv = nsenterCommandArgv({ target: { kind: 'file', path: `/run/netns/${netns}`, type: 'net' }, own: {}, command: PROBE });
    assert.ok(argv.ok);
    const out = run(argv.argv, true);
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /Operation not permitted/);
  });

  it("nobody joins its own user namespace's UTS namespace (user first): fine with --user, refused without as stated", async () => {
    const name = randomHost();
    const child = lab.start([...AS_NOBODY, 'unshare', '--user', '--map-root-user', '--uts', 'sh', '-c', `hostname ${name} && exec sleep 600`]);
    await waitForCommand(child.pid!, 'sleep');
    const pid = child.pid!;
    const facts = { callerUid: NOBODY, targetUid: processOwnerUid(pid), owner: { callers: false as const, ownerUid: NOBODY }, ptraceScope: undefined };
    assert.equal(facts.targetUid, NOBODY);
    assert.equal(joinPrivilegeProblem({ ...facts, joinsUser: true }), undefined);
    const target = { kind: 'process' as const, pid, namespaces: processNamespaces(pid) };
    const own = processNamespaces('self');
    // Unprivileged, --map-root-user denied setgroups: nsenter must keep the credentials (and does
    // not work without: checked below).
    const maps = processIdMaps(pid);
    assert.equal(maps.setgroups, 'deny');
    const preserve = needsPreservedCredentials(maps.uidMap, maps.gidMap, maps.setgroups);
    assert.equal(preserve, true);
    const joined = nsenterCommandArgv({ target, types: ['user', 'uts'], own, command: PROBE, preserveCredentials: preserve });
    assert.ok(joined.ok);
    assert.deepEqual(joined.argv.slice(3, 5), ['--user', '--uts']);
    const plain = nsenterCommandArgv({ target, types: ['user', 'uts'], own, command: PROBE });
    assert.match(run(plain.ok ? plain.argv : [], true).stderr, /setgroups failed/);
    const out = run(joined.argv, true);
    assert.equal(out.status, 0, out.stderr);
    const [, host, uid] = out.stdout.trim().split(' ');
    assert.equal(host, name);
    assert.equal(uid, '0');

    assert.match(joinPrivilegeProblem({ ...facts, joinsUser: false })!.message, /join that user namespace too/);
    const utsOnly = nsenterCommandArgv({ target, types: ['uts'], own, command: PROBE });
    assert.ok(utsOnly.ok);
    const refused = run(utsOnly.argv, true);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /Operation not permitted/);
  });

  it('--preserve-credentials where root is not mapped: chosen from the maps, and needed (nsenter fails without it)', async () => {
    const child = lab.start([...AS_NOBODY, 'unshare', '--user', '--map-current-user', '--uts', 'sleep', '600']);
    await waitForCommand(child.pid!, 'sleep');
    const pid = child.pid!;
    await waitFor('the uid map to be written', () => (processIdMaps(pid).uidMap.length ? true : undefined));
    const { uidMap, gidMap, setgroups } = processIdMaps(pid);
    assert.equal(needsPreservedCredentials(uidMap, gidMap, setgroups), true);
    const target = { kind: 'process' as const, pid, namespaces: processNamespaces(pid) };
    const request = { target, types: ['user' as const, 'uts' as const], own: processNamespaces('self'), command: PROBE };
    const kept = nsenterCommandArgv({ ...request, preserveCredentials: true });
    assert.ok(kept.ok && kept.argv.includes('--preserve-credentials'));
    const out = run(kept.argv, true);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout.trim().split(' ')[2], String(NOBODY));
    const plain = nsenterCommandArgv(request);
    assert.ok(plain.ok);
    const failed = run(plain.argv, true);
    assert.notEqual(failed.status, 0, `nsenter without --preserve-credentials worked: ${failed.stdout}`);
  });

  it("as root, joining a chrooted process' mount namespace takes its root and working directory (--root --wd)", async () => {
    const root = join(dir, 'root');
    // A root made of the host's /usr (Debian's /bin, /lib are links into it), with a marker file.
    const script = [
      `mkdir -p ${root} && mount -t tmpfs tmpfs ${root}`,
      `mkdir ${root}/usr ${root}/work && mount --bind /usr ${root}/usr`,
      `ln -s usr/bin ${root}/bin && ln -s usr/lib ${root}/lib && ln -s usr/lib64 ${root}/lib64`,
      `touch ${root}/marker-inside`,
      `cd ${root}/work && exec chroot ${root} sh -c 'cd /work && exec sleep 600'`,
    ].join(' && ');
    chmodSync(dir, 0o755);
    const child = lab.start(['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script]);
    await waitForCommand(child.pid!, 'sleep');
    const pid = child.pid!;
    const argv = nsenterCommandArgv({
      target: { kind: 'process', pid, namespaces: processNamespaces(pid) },
      types: ['mnt'],
      own: processNamespaces('self'),
      command: ['/bin/sh', '-c', 'pwd; ls /'],
    });
    assert.ok(argv.ok);
    assert.match(argv.argv.join(' '), / --mount --root --wd -- /);
    const out = run(argv.argv, false);
    assert.equal(out.status, 0, out.stderr);
    const [pwd, ...entries] = out.stdout.trim().split('\n');
    assert.equal(pwd, '/work');
    assert.ok(entries.includes('marker-inside'), entries.join(' '));
  });
});
