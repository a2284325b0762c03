// What decides whether the kernel lets us ptrace a process (strace -p, gdb -p), read from /proc
// before anything starts: Yama's ptrace_scope, our UIDs and CAP_SYS_PTRACE, the target's UIDs,
// whether it is dumpable, whether something traces it already.
import { readFileSync, statSync } from 'node:fs';

export interface PtraceFacts {
  /** /proc/sys/kernel/yama/ptrace_scope (0-3); undefined without Yama. */
  yamaScope: number | undefined;
  callerUid: number;
  /** CAP_SYS_PTRACE in our effective set (bit 19 of CapEff). */
  callerHasPtraceCap: boolean;
  /** Real, effective and saved UID of the target. */
  targetUids: number[];
  /**
   * Dumpable: status has no field for it, but the kernel gives a process's /proc files (not the
   * /proc/PID directory itself) to root instead of its effective UID while it is not dumpable
   * (task_dump_owner); so, for a target whose UIDs are all one UID other than root, the owner of
   * /proc/PID/mem tells. Undefined when that cannot tell (a root process; only CAP_SYS_PTRACE
   * matters for it then anyway).
   */
  targetDumpable: boolean | undefined;
  /** PID of the process tracing it now (TracerPid), 0 for none. */
  tracerPid: number;
}

const CAP_SYS_PTRACE = 19n;

export function readPtraceFacts(pid: number, procRoot = '/proc'): PtraceFacts | undefined {
  let status: string;
  let owner: number;
  try {
    status = readFileSync(`${procRoot}/${pid}/status`, 'utf8');
    owner = statSync(`${procRoot}/${pid}/mem`).uid;
  } catch {
    return undefined;
  }
  const own = readFileSync(`${procRoot}/self/status`, 'utf8');
  const uids = (text: string) => (/^Uid:\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(text)?.slice(1, 4) ?? []).map(Number);
  const targetUids = uids(status);
  const capEff = /^CapEff:\s+([0-9a-f]+)/m.exec(own)?.[1] ?? '0';
  let yamaScope: number | undefined;
  try {
    yamaScope = Number(readFileSync('/proc/sys/kernel/yama/ptrace_scope', 'utf8').trim());
  } catch {
    yamaScope = undefined;
  }
  const single = targetUids.length === 3 && targetUids.every((uid) => uid === targetUids[0]) ? targetUids[0] : undefined;
  return {
    yamaScope,
    callerUid: uids(own)[1] ?? -1,
    callerHasPtraceCap: ((BigInt(`0x${capEff}`) >> CAP_SYS_PTRACE) & 1n) === 1n,
    targetUids,
    targetDumpable: single === undefined || single === 0 ? undefined : owner === single,
    tracerPid: Number(/^TracerPid:\s+(\d+)/m.exec(status)?.[1] ?? 0),
  };
}
