// The command lines behind isolated terminals, nsenter shells and run-in-namespace: argv arrays,
// strict input checks with clear messages, and the flags each case needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unshareArgv } from '../../src/core/exec/unshareArgv';
import { HOST_TOOLS_TYPES, nsenterCommandArgv } from '../../src/core/exec/nsenterArgv';
import { runFileArgv, shebangOf } from '../../src/core/exec/runFileArgv';
import { hostnameProblem } from '../../src/core/isolate/hostnameRule';
import { isolationTitle } from '../../src/core/isolate/isolationTypes';

const SHELL = ['/bin/bash'];

test('hostname rule: RFC 1123 label characters, 1 to 64 bytes', () => {
  for (const ok of ['a', 't-1234', 'A9', 'x'.repeat(64)]) assert.equal(hostnameProblem(ok), undefined, ok);
  assert.match(hostnameProblem('a b')!, /a space/);
  assert.match(hostnameProblem('a;b')!, /";"/);
  assert.match(hostnameProblem('a/b')!, /"\/"/);
  assert.match(hostnameProblem('x'.repeat(65))!, /at most 64 bytes/);
  assert.match(hostnameProblem('')!, /at least one/);
  assert.match(hostnameProblem('-a')!, /start or end/);
  assert.match(hostnameProblem('$(id)')!, /"\$"/);
});

test('unshare as root: UTS + PID forks, mounts /proc and sets the hostname through a fixed script', () => {
  const r = unshareArgv({ types: ['pid', 'uts'], command: SHELL, hostname: 't-1', isRoot: true });
  assert.ok(r.ok);
  assert.deepEqual(r.argv, ['unshare', '--uts', '--pid', '--fork', '--kill-child', '--mount-proc', '--', 'sh', '-c', 'hostname "$1" && shift && exec "$@"', 'sh', 't-1', '/bin/bash']);
  assert.deepEqual(r.types, ['uts', 'pid']);
});

test('unshare without a hostname runs the program directly', () => {
  const r = unshareArgv({ types: ['net'], command: ['/bin/sh', '-l'], isRoot: true });
  assert.ok(r.ok);
  assert.deepEqual(r.argv, ['unshare', '--net', '--', '/bin/sh', '-l']);
});

test('a user namespace is always mapped: root by default, or the current user', () => {
  const root = unshareArgv({ types: ['user'], command: SHELL, isRoot: false });
  assert.ok(root.ok);
  assert.deepEqual(root.argv, ['unshare', '--user', '--map-root-user', '--', '/bin/bash']);
  const current = unshareArgv({ types: ['user', 'uts'], command: SHELL, isRoot: false, mapUser: 'current' });
  assert.ok(current.ok);
  assert.deepEqual(current.argv, ['unshare', '--user', '--uts', '--map-current-user', '--', '/bin/bash']);
});

test('not root and privileged types: refused until a route is chosen', () => {
  const r = unshareArgv({ types: ['uts', 'net'], command: SHELL, isRoot: false });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.reason === 'needsPrivilege' && /sudo/.test(r.message));
  const viaUserns = unshareArgv({ types: ['uts', 'net'], command: SHELL, isRoot: false, privilege: 'userNamespace' });
  assert.ok(viaUserns.ok);
  assert.deepEqual(viaUserns.argv, ['unshare', '--user', '--uts', '--net', '--map-root-user', '--', '/bin/bash']);
  const viaSudo = unshareArgv({ types: ['uts'], command: SHELL, isRoot: false, privilege: 'sudo' });
  assert.ok(viaSudo.ok);
  assert.deepEqual(viaSudo.argv, ['sudo', '--', 'unshare', '--uts', '--', '/bin/bash']);
});

test('unshare refuses bad input with a message', () => {
  const message = (types: string[], hostname?: string, command = SHELL) => {
    const r = unshareArgv({ types, command, hostname, isRoot: true });
    assert.equal(r.ok, false);
    return r.ok ? '' : r.message;
  };
  assert.match(message([]), /at least one namespace type/);
  assert.match(message(['uts', 'bogus']), /Unknown namespace type "bogus"/);
  assert.match(message(['uts'], 'a b'), /a space/);
  assert.match(message(['uts'], 'a;reboot'), /";"/);
  assert.match(message(['uts'], '../x'), /"\."/);
  assert.match(message(['uts'], 'y'.repeat(65)), /64 bytes/);
  assert.match(message(['net'], 'ok'), /needs a UTS namespace/);
  assert.match(message(['uts'], undefined, []), /No program/);
});

test('the terminal name says what is isolated', () => {
  assert.equal(isolationTitle(['pid', 'uts']), 'UTS+PID');
  assert.equal(isolationTitle(['net', 'ipc']), 'net+ipc');
  assert.equal(isolationTitle(['uts', 'pid', 'mnt', 'net', 'ipc', 'user', 'cgroup', 'time']), 'Everything');
});

const HOST = { mnt: 1, pid: 2, net: 3, ipc: 4, uts: 5, user: 6, cgroup: 7, time: 8 };

test('nsenter into a process: only the namespaces that differ, user first, root and wd with mnt', () => {
  const target = { kind: 'process' as const, pid: 42, namespaces: { ...HOST, mnt: 11, net: 13, user: 16 } };
  const r = nsenterCommandArgv({ target, own: HOST, command: SHELL });
  assert.ok(r.ok);
  assert.deepEqual(r.argv, ['nsenter', '--target', '42', '--user', '--mount', '--net', '--root', '--wd', '--', '/bin/bash']);
  assert.deepEqual(r.joined, ['user', 'mnt', 'net']);
  const kept = nsenterCommandArgv({ target, own: HOST, command: SHELL, preserveCredentials: true, types: ['user', 'net'] });
  assert.ok(kept.ok);
  assert.deepEqual(kept.argv, ['nsenter', '--target', '42', '--user', '--net', '--preserve-credentials', '--', '/bin/bash']);
});

test('nsenter host-tools mode keeps the host mount namespace', () => {
  const target = { kind: 'process' as const, pid: 7, namespaces: { ...HOST, mnt: 11, net: 13, pid: 12 } };
  const r = nsenterCommandArgv({ target, own: HOST, types: HOST_TOOLS_TYPES, command: SHELL });
  assert.ok(r.ok);
  assert.deepEqual(r.argv, ['nsenter', '--target', '7', '--net', '--pid', '--', '/bin/bash']);
});

test('nsenter into a namespace file (a named netns) and into nothing new', () => {
  const file = nsenterCommandArgv({ target: { kind: 'file', path: '/run/netns/blue', type: 'net' }, own: HOST, command: ['ip', 'link'] });
  assert.ok(file.ok);
  assert.deepEqual(file.argv, ['nsenter', '--net=/run/netns/blue', '--', 'ip', 'link']);
  const same = nsenterCommandArgv({ target: { kind: 'process', pid: 9, namespaces: HOST }, own: HOST, command: SHELL });
  assert.ok(!same.ok && /nothing to join/.test(same.message));
});

test('run a file: executable directly, else its #! line, else by extension', () => {
  assert.deepEqual(runFileArgv({ path: '/w/a.bin', executable: true, head: '\x7fELF' }), { ok: true, argv: ['/w/a.bin'] });
  assert.deepEqual(runFileArgv({ path: '/w/t', executable: false, head: '#!/usr/bin/env python3\nprint(1)' }), { ok: true, argv: ['/usr/bin/env', 'python3', '/w/t'] });
  assert.deepEqual(runFileArgv({ path: '/w/t.sh', executable: false, head: 'echo hi' }), { ok: true, argv: ['sh', '/w/t.sh'] });
  assert.deepEqual(runFileArgv({ path: '/w/t.py', executable: false, head: '' }), { ok: true, argv: ['python3', '/w/t.py'] });
  const unknown = runFileArgv({ path: '/w/notes.txt', executable: false, head: 'hello' });
  assert.ok(!unknown.ok && /chmod \+x/.test(unknown.message));
  assert.deepEqual(shebangOf('#!/bin/sh -e\n'), ['/bin/sh', '-e']);
  assert.equal(shebangOf('#!\n'), undefined);
});

test('a run terminal stays open after its program: a script file of its own, the program as arguments', async () => {
  const { holdOpenArgv, holdOpenScript } = await import('../../src/core/exec/holdOpen');
  const script = holdOpenScript();
  assert.ok(script, 'src/core/exec/nsinspect-hold-open is found');
  const argv = holdOpenArgv(['sh', '/w/a b;c.sh']);
  assert.deepEqual(argv, ['sh', script, 'sh', '/w/a b;c.sh'], 'no inline script: ps shows the file and the program');
  // Run for real: the program runs with its arguments intact and the status is reported.
  const { spawnSync } = await import('node:child_process');
  const run = holdOpenArgv(['printf', '%s|', 'x y', '$(id)'])!;
  const out = spawnSync(run[0], run.slice(1), { input: '\n', encoding: 'utf8' });
  assert.equal(out.stdout, 'x y|$(id)|\n[Exited with status 0. Press Enter to close.]\n');
  const failed = spawnSync(run[0], [run[1], 'sh', '-c', 'exit 3'], { input: '\n', encoding: 'utf8' });
  assert.match(failed.stdout, /\[Exited with status 3\./);
});
