// What the extension decides when the user is not root: how an isolated terminal gets its
// privileges, and why joining a process' namespaces would be refused. The integration test
// test/integration/nonRoot.test.ts runs the resulting command lines as nobody.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unshareArgv } from '../../src/core/exec/unshareArgv';
import { joinPrivilegeProblem, needsPreservedCredentials, ptraceNotes } from '../../src/core/exec/joinPrivilege';

const SHELL = ['/bin/sh'];

test('not root, UTS + PID without a user namespace: refused until a route is chosen, with both routes named', () => {
  const r = unshareArgv({ types: ['uts', 'pid'], command: SHELL, isRoot: false });
  assert.ok(!r.ok && r.reason === 'needsPrivilege');
  assert.match(r.message, /Only root may create uts, pid namespaces: add a user namespace .* or run through sudo/);
});

test('not root: the user-namespace route maps root by default, or the current user', () => {
  const root = unshareArgv({ types: ['uts', 'pid'], command: SHELL, isRoot: false, privilege: 'userNamespace' });
  assert.ok(root.ok);
  assert.deepEqual(root.argv, ['unshare', '--user', '--uts', '--pid', '--map-root-user', '--fork', '--kill-child', '--mount-proc', '--', '/bin/sh']);
  const current = unshareArgv({ types: ['net'], command: SHELL, isRoot: false, privilege: 'userNamespace', mapUser: 'current' });
  assert.ok(current.ok);
  assert.deepEqual(current.argv, ['unshare', '--user', '--net', '--map-current-user', '--', '/bin/sh']);
});

test('not root: the sudo route runs unshare through sudo, no user namespace added', () => {
  const r = unshareArgv({ types: ['uts'], hostname: 'h-1', command: SHELL, isRoot: false, privilege: 'sudo' });
  assert.ok(r.ok);
  assert.deepEqual(r.argv.slice(0, 5), ['sudo', '--', 'unshare', '--uts', '--']);
  assert.ok(!r.argv.includes('--user'));
});

test('not root, a user namespace asked for: no question, root mapped', () => {
  const r = unshareArgv({ types: ['user', 'uts'], command: SHELL, isRoot: false });
  assert.ok(r.ok);
  assert.deepEqual(r.argv, ['unshare', '--user', '--uts', '--map-root-user', '--', '/bin/sh']);
});

test('a hostname with --map-current-user is refused: the shell is not root inside and could not set it', () => {
  const r = unshareArgv({ types: ['uts'], hostname: 'h-1', command: SHELL, isRoot: false, privilege: 'userNamespace', mapUser: 'current' });
  assert.ok(!r.ok && r.reason === 'invalid');
  assert.match(r.message, /needs root inside the user namespace/);
  // As root without a user namespace, mapUser means nothing and the hostname is fine.
  assert.ok(unshareArgv({ types: ['uts'], hostname: 'h-1', command: SHELL, isRoot: true, mapUser: 'current' }).ok);
});

const NOBODY = 65534;

test('joining as root: never a problem', () => {
  assert.equal(joinPrivilegeProblem({ callerUid: 0, targetUid: 1000, joinsUser: false, owner: { callers: true }, ptraceScope: 3 }), undefined);
});

test('joining as non-root: not root and the namespaces are owned by your own user namespace', () => {
  const p = joinPrivilegeProblem({ callerUid: NOBODY, targetUid: NOBODY, joinsUser: false, owner: { callers: true }, ptraceScope: undefined });
  assert.ok(p);
  assert.match(p.message, /^You are not root \(UID 65534\): its namespaces are owned by your own user namespace, where joining needs CAP_SYS_ADMIN: only root has it\.$/);
});

test("joining as non-root: another user's process is refused by the ptrace access check", () => {
  const p = joinPrivilegeProblem({ callerUid: NOBODY, targetUid: 0, joinsUser: true, owner: { callers: false, ownerUid: 0 }, ptraceScope: undefined });
  assert.ok(p);
  assert.equal(p.reasons.length, 2);
  assert.match(p.reasons[0].text, /runs as UID 0 .*ptrace access check/);
  assert.equal(p.reasons[0].headline, 'The process runs as UID 0');
  assert.match(p.reasons[1].text, /owned by a user namespace of UID 0, where you have no privileges/);
  // Headlines fit a quick pick row; the whole sentence goes below.
  assert.ok(p.reasons.every((r) => r.headline.length <= 60));
});

test('joining as non-root into a user namespace you made: fine with the user namespace, refused without it', () => {
  const facts = { callerUid: NOBODY, targetUid: NOBODY, owner: { callers: false as const, ownerUid: NOBODY }, ptraceScope: undefined };
  assert.equal(joinPrivilegeProblem({ ...facts, joinsUser: true }), undefined);
  const without = joinPrivilegeProblem({ ...facts, joinsUser: false });
  assert.ok(without);
  assert.match(without.message, /join that user namespace too/);
});

test('Yama ptrace_scope is stated with a problem (what it means for strace and gdb inside)', () => {
  const p = joinPrivilegeProblem({ callerUid: NOBODY, targetUid: 0, joinsUser: false, owner: undefined, ptraceScope: 2 });
  assert.ok(p);
  assert.deepEqual(p.notes, [{ headline: 'kernel.yama.ptrace_scope is 2', text: 'kernel.yama.ptrace_scope is 2: only root (CAP_SYS_PTRACE) can attach strace or gdb.' }]);
  assert.ok(p.message.endsWith(p.notes[0].text));
  assert.deepEqual(ptraceNotes(0), []);
  assert.deepEqual(ptraceNotes(undefined), []);
  assert.match(ptraceNotes(1)[0].text, /own children/);
  assert.match(ptraceNotes(3)[0].text, /nobody can attach/);
});

test('nsenter keeps the credentials where root is not mapped in the joined user namespace, or setgroups is denied', () => {
  const all = [{ inside: 0, outside: 0, count: 4294967295 }];
  const rootToNobody = [{ inside: 0, outside: NOBODY, count: 1 }];
  const asThemselves = [{ inside: NOBODY, outside: NOBODY, count: 1 }];
  assert.equal(needsPreservedCredentials(all, all, 'allow'), false);
  assert.equal(needsPreservedCredentials(rootToNobody, rootToNobody, 'allow'), false);
  assert.equal(needsPreservedCredentials(asThemselves, asThemselves, 'allow'), true);
  assert.equal(needsPreservedCredentials(rootToNobody, [], 'allow'), true);
  // An unprivileged `unshare --map-root-user` denies setgroups: nsenter's setgroups() would fail.
  assert.equal(needsPreservedCredentials(rootToNobody, rootToNobody, 'deny'), true);
});
