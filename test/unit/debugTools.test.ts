// The pure parts of the debug tools: the argv builders (host PID only, checked), the nsfs-root
// authority (a pinned PID and start time, nothing else), and the ptrace decision in the kernel's
// order for each refusal (the real refusals are in test/integration/debugTools.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureCommandArgv, gdbArgv, straceArgv } from '../../src/core/debugTools/debugArgv';
import { parseRootAuthority, rootAuthority } from '../../src/core/containerFiles/rootUri';
import { ptraceRefusal } from '../../src/core/debugTools/ptraceRefusal';
import type { PtraceFacts } from '../../src/core/debugTools/ptraceFacts';
import { containerMainProcess } from '../../src/core/debugTools/containerMainProcess';
import type { ProcessInfo } from '../../src/core/model/process';

test('argv builders take a host PID and nothing else', () => {
  assert.deepEqual(straceArgv(4242), ['strace', '-f', '-p', '4242']);
  assert.deepEqual(gdbArgv(4242), ['gdb', '-q', '-iex', 'set sysroot /proc/4242/root', '-p', '4242']);
  assert.deepEqual(gdbArgv(7, ['bt']), ['gdb', '-q', '-iex', 'set sysroot /proc/7/root', '-p', '7', '-batch', '-ex', 'bt']);
  assert.deepEqual(captureCommandArgv(7, 'a b.pcap'), ['nsenter', '--net=/proc/7/ns/net', '--', 'tcpdump', '-U', '-n', '-i', 'any', '-w', 'a b.pcap']);
  for (const bad of [0, -1, 1.5, Number.NaN, 12345678901]) {
    assert.throws(() => straceArgv(bad), /invalid PID/);
    assert.throws(() => gdbArgv(bad), /invalid PID/);
  }
});

test('the nsfs-root authority is PID-STARTTICKS exactly', () => {
  assert.equal(rootAuthority({ pid: 12, startTicks: 3456 }), '12-3456');
  assert.deepEqual(parseRootAuthority('12-3456'), { pid: 12, startTicks: 3456 });
  for (const bad of ['', '12', '0-1', '12-', '-12-3', '12-3-4', '12-3x', '012-3', '99999999-1', 'host-1', '12-1e3']) assert.equal(parseRootAuthority(bad), undefined, bad);
});

const ROOT_CALLER: PtraceFacts = { yamaScope: undefined, callerUid: 0, callerHasPtraceCap: true, targetUids: [1000, 1000, 1000], targetDumpable: false, tracerPid: 0 };
const USER_CALLER: PtraceFacts = { ...ROOT_CALLER, callerUid: 1000, callerHasPtraceCap: false, targetDumpable: true };

test('ptrace: CAP_SYS_PTRACE allows everything but Yama 3 and a second tracer', () => {
  assert.equal(ptraceRefusal(5, ROOT_CALLER), undefined);
  assert.equal(ptraceRefusal(5, { ...ROOT_CALLER, yamaScope: 2 }), undefined);
  assert.equal(ptraceRefusal(5, { ...ROOT_CALLER, yamaScope: 3 })?.reason, 'yamaNoAttach');
  assert.equal(ptraceRefusal(5, { ...ROOT_CALLER, tracerPid: 99 })?.reason, 'traced');
  assert.match(ptraceRefusal(5, { ...ROOT_CALLER, tracerPid: 99 })!.message, /PID 99/);
});

test('ptrace without CAP_SYS_PTRACE: another user, non-dumpable, Yama 1 and 2, each with what would allow it', () => {
  assert.equal(ptraceRefusal(5, { ...USER_CALLER, yamaScope: 0 }), undefined);
  assert.equal(ptraceRefusal(5, USER_CALLER), undefined);
  const other = ptraceRefusal(5, { ...USER_CALLER, targetUids: [0, 0, 0] });
  assert.equal(other?.reason, 'otherUser');
  assert.match(other!.message, /CAP_SYS_PTRACE/);
  // A set-UID-like mix of IDs is another user's too.
  assert.equal(ptraceRefusal(5, { ...USER_CALLER, targetUids: [1000, 0, 1000] })?.reason, 'otherUser');
  assert.equal(ptraceRefusal(5, { ...USER_CALLER, targetDumpable: false })?.reason, 'notDumpable');
  const relational = ptraceRefusal(5, { ...USER_CALLER, yamaScope: 1 });
  assert.equal(relational?.reason, 'yamaRelational');
  assert.match(relational!.message, /ptrace_scope=0/);
  assert.equal(ptraceRefusal(5, { ...USER_CALLER, yamaScope: 2 })?.reason, 'yamaAdminOnly');
  assert.equal(ptraceRefusal(5, undefined)?.reason, 'gone');
});

test("a container's main process: the oldest whose parent is outside it", () => {
  const proc = (pid: number, ppid: number, startTicks: number, id: string | null): ProcessInfo =>
    ({ pid, ppid, startTicks, container: id ? { engine: 'docker', id } : null }) as ProcessInfo;
  const processes = [proc(10, 1, 100, 'a'), proc(11, 10, 101, 'a'), proc(12, 11, 102, 'a'), proc(20, 1, 90, 'b'), proc(30, 5, 120, 'a')];
  assert.equal(containerMainProcess(processes, 'docker', 'a')?.pid, 10);
  assert.equal(containerMainProcess(processes, 'docker', 'b')?.pid, 20);
  assert.equal(containerMainProcess(processes, 'podman', 'a'), undefined);
});
