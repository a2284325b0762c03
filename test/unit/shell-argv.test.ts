// Open Shell's pure pieces: the credentials read from a status text, the drop they become (IDs
// mapped into a joined user namespace), nsinspect-enter's argv, the host-tools /proc, the shell
// picked from a root (on a real directory, with symlinks that try to leave it) and the words for
// a terminal that ended at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCredentials } from '../../src/core/parsers/credentials';
import { dropOptions, dropToTarget } from '../../src/core/exec/dropCredentials';
import { enterDroppedArgv } from '../../src/core/exec/enterArgv';
import { HOST_TOOLS_TYPES, nsenterCommandArgv } from '../../src/core/exec/nsenterArgv';
import { executableInRoot, pickShellInRoot, resolveInRoot } from '../../src/core/exec/shellInRoot';
import { earlyExitMessage } from '../../src/core/exec/earlyExitReason';

const STATUS = [
  'Name:\tsleep',
  'Umask:\t0022',
  'State:\tS (sleeping)',
  'Uid:\t1000\t1001\t1002\t1001',
  'Gid:\t2000\t2000\t2000\t2000',
  'Groups:\t27 100 ',
  'NoNewPrivs:\t1',
  'CapInh:\t0000000000002000',
  'CapPrm:\t0000000000000000',
  'CapEff:\t0000000000000000',
  'CapBnd:\t00000000a80425fb',
  'CapAmb:\t0000000000002000',
  '',
].join('\n');

test('credentials from a status text: IDs, groups, the three capability sets, no_new_privs', () => {
  assert.deepEqual(parseCredentials(STATUS), {
    uid: [1000, 1001, 1002],
    gid: [2000, 2000, 2000],
    groups: [27, 100],
    capInh: '0000000000002000',
    capBnd: '00000000a80425fb',
    capAmb: '0000000000002000',
    noNewPrivs: true,
  });
  assert.deepEqual(parseCredentials(STATUS.replace('Groups:\t27 100 ', 'Groups:\t'))?.groups, []);
});

test('credentials: a missing or malformed field gives null, never a guess (a comm cannot fake a line)', () => {
  for (const bad of [
    STATUS.replace(/^CapBnd.*$/m, ''),
    STATUS.replace(/^NoNewPrivs.*$/m, ''),
    STATUS.replace('00000000a80425fb', 'ffffffffffffffffff'),
    STATUS.replace('00000000a80425fb', 'zz'),
    STATUS.replace('Uid:\t1000\t1001\t1002\t1001', 'Uid:\t1000'),
    STATUS.replace('Groups:\t27 100 ', 'Groups:\t27 x'),
    STATUS.replace('NoNewPrivs:\t1', 'NoNewPrivs:\t2'),
  ]) {
    assert.equal(parseCredentials(bad), null, bad);
  }
  // The kernel escapes a newline in Name, so "Name:\tx\\nCapBnd:\tffff..." stays one line.
  const escaped = STATUS.replace('Name:\tsleep', 'Name:\tx\\nCapBnd:\t000001ffffffffff');
  assert.equal(parseCredentials(escaped)?.capBnd, '00000000a80425fb');
});

test('the drop: the same IDs outside a user namespace; inside one, mapped, unmapped UIDs as the overflow ID and unmapped groups left out', () => {
  const creds = parseCredentials(STATUS)!;
  const plain = dropToTarget(creds);
  assert.deepEqual(plain, { uid: [1000, 1001, 1002], gid: [2000, 2000, 2000], groups: [27, 100], bounding: '00000000a80425fb', inheritable: '0000000000002000', ambient: '0000000000002000', noNewPrivs: true });
  const mapped = dropToTarget(creds, { uidMap: [{ inside: 0, outside: 1000, count: 2 }], gidMap: [{ inside: 0, outside: 2000, count: 1 }, { inside: 10, outside: 27, count: 1 }] });
  assert.deepEqual(mapped.uid, [0, 1, 65534]);
  assert.deepEqual(mapped.gid, [0, 0, 0]);
  assert.deepEqual(mapped.groups, [10]);
  assert.deepEqual(dropOptions(plain), ['--uid', '1000,1001,1002', '--gid', '2000,2000,2000', '--groups', '27,100', '--bounding', '00000000a80425fb', '--inheritable', '0000000000002000', '--ambient', '0000000000002000', '--no-new-privs']);
  assert.ok(!dropOptions({ ...plain, noNewPrivs: false }).includes('--no-new-privs'));
});

test("nsinspect-enter's argv: the namespaces that differ, root and wd with mnt, the drop, the shell after --", () => {
  const target = { kind: 'process' as const, pid: 42, namespaces: { mnt: 1, uts: 2, net: 3, user: 4 } };
  const own = { mnt: 10, uts: 20, net: 3, user: 4 };
  const drop = dropToTarget(parseCredentials(STATUS)!);
  const r = enterDroppedArgv('/x/nsinspect-enter', { target, own, command: ['/bin/sh'] }, drop);
  assert.ok(r.ok);
  assert.deepEqual(r.joined, ['mnt', 'uts']);
  assert.deepEqual(r.argv, ['/x/nsinspect-enter', '--target', '42', '--ns', 'mnt,uts', '--root', '--wd', ...dropOptions(drop), '--', '/bin/sh']);
  const nothing = enterDroppedArgv('/x/nsinspect-enter', { target, own: target.namespaces, command: ['/bin/sh'] }, drop);
  assert.ok(!nothing.ok && /nothing to join/.test(nothing.message));
  const file = enterDroppedArgv('/x/nsinspect-enter', { target: { kind: 'file', path: '/run/netns/a', type: 'net' }, own, command: ['/bin/sh'] }, drop);
  assert.equal(file.ok, false);
  assert.equal(enterDroppedArgv('/x/nsinspect-enter', { target, own, command: [] }, drop).ok, false);
});

test("host tools: a private mount namespace with the joined PID namespace's /proc (unshare --mount-proc); not with the mount namespace joined", () => {
  const target = { kind: 'process' as const, pid: 7, namespaces: { mnt: 1, net: 2, pid: 3, uts: 4, ipc: 5 } };
  const own = { mnt: 10, net: 20, pid: 30, uts: 40, ipc: 50 };
  const tools = nsenterCommandArgv({ target, own, types: HOST_TOOLS_TYPES, privateProc: true, command: ['/bin/bash'] });
  assert.ok(tools.ok);
  assert.deepEqual(tools.argv, ['nsenter', '--target', '7', '--uts', '--ipc', '--net', '--pid', '--', 'unshare', '--mount-proc', '--', '/bin/bash']);
  const all = nsenterCommandArgv({ target, own, privateProc: true, command: ['/bin/bash'] });
  assert.ok(all.ok && !all.argv.includes('unshare'));
  const noPid = nsenterCommandArgv({ target, own, types: ['net'], privateProc: true, command: ['/bin/bash'] });
  assert.ok(noPid.ok && !noPid.argv.includes('unshare'));
});

test('the shell in a root: symlinks resolved inside it, absolute ones and ".." never leave it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-shellroot-'));
  try {
    // The "host" next to the root has a bash; the root's /bin/sh points at it in three ways.
    mkdirSync(join(dir, 'host', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'host', 'bin', 'bash'), '', { mode: 0o755 });
    const root = join(dir, 'root');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
    symlinkSync('/../../host/bin/bash', join(root, 'bin', 'sh'));
    symlinkSync('../../host/bin/bash', join(root, 'bin', 'bash'));
    symlinkSync(join(dir, 'host', 'bin', 'bash'), join(root, 'usr', 'bin', 'bash'));
    symlinkSync('loop', join(root, 'bin', 'loop'));
    // The attack: a plain stat follows these out to the "host's" bash (under /proc/PID/root, an
    // absolute link like /bin/sh's is resolved against the host's / as well).
    for (const link of ['bin/bash', 'usr/bin/bash']) assert.ok(statSync(join(root, link)).isFile(), link);
    for (const path of ['/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/loop', '/../host/bin/bash']) {
      assert.equal(executableInRoot(root, path), false, path);
    }
    assert.equal(resolveInRoot(root, '/bin/sh'), undefined, "resolved to the host's bash");
    // Given a /host/bin/bash of its own, the link names that one.
    mkdirSync(join(root, 'host', 'bin'), { recursive: true });
    writeFileSync(join(root, 'host', 'bin', 'bash'), '', { mode: 0o755 });
    assert.equal(resolveInRoot(root, '/bin/sh'), join(root, 'host', 'bin', 'bash'));
    assert.equal(resolveInRoot(root, '/bin/bash'), join(root, 'host', 'bin', 'bash'));
    rmSync(join(root, 'host'), { recursive: true });
    assert.equal(resolveInRoot(root, '/bin/loop'), undefined);
    assert.deepEqual(pickShellInRoot(root, ['/usr/bin/bash']).kind, 'none');

    // Links inside the root are followed: /bin -> usr/bin, /usr/bin/sh -> busybox (relative), /busybox/sh absolute.
    const image = join(dir, 'image');
    mkdirSync(join(image, 'usr', 'bin'), { recursive: true });
    symlinkSync('usr/bin', join(image, 'bin'));
    writeFileSync(join(image, 'usr', 'bin', 'busybox'), '', { mode: 0o755 });
    symlinkSync('busybox', join(image, 'usr', 'bin', 'sh'));
    writeFileSync(join(image, 'usr', 'bin', 'bash'), '', { mode: 0o644 });
    assert.equal(executableInRoot(image, '/bin/bash'), false, 'not executable');
    assert.deepEqual(pickShellInRoot(image, ['/usr/bin/zsh']), { kind: 'found', shell: '/bin/sh' });
    assert.deepEqual(pickShellInRoot(image, ['relative/sh']), { kind: 'found', shell: '/bin/sh' });
    const none = pickShellInRoot(join(dir, 'host', 'bin'), ['/usr/bin/zsh']);
    assert.ok(none.kind === 'none' && none.tried[0] === '/usr/bin/zsh' && none.tried.includes('/busybox/sh'));
    assert.deepEqual(pickShellInRoot(join(dir, 'missing'), []), { kind: 'unreadable' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a terminal that ended at once: the status, why in words, what to do, and the command', () => {
  const argv = ['/ext/nsinspect-enter', '--target', '42', '--ns', 'mnt', '--', '/usr/bin/bash'];
  const m = earlyExitMessage('Shell: PID 42 (mnt)', argv, 127);
  assert.match(m, /^The terminal "Shell: PID 42 \(mnt\)" ended at once with exit status 127: /);
  assert.match(m, /"\/usr\/bin\/bash" does not exist/);
  assert.match(m, /host-tools shell/);
  assert.match(m, /Command: \/ext\/nsinspect-enter --target 42 --ns mnt -- \/usr\/bin\/bash$/);
  assert.match(earlyExitMessage('x', argv, 125), /privileges failed/);
  assert.match(earlyExitMessage('x', ['nsenter', '--target', '1', '--', 'sh'], 1), /nsenter failed/);
  assert.match(earlyExitMessage('x', ['sh', `-c`, 'x'.repeat(1000)], 2), /…$/);
});
