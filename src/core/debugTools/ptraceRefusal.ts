// Whether the kernel will refuse to let us ptrace a process, and if so why and what would allow
// it; decided before a terminal opens so the user reads the reason rather than "Operation not
// permitted" from strace. The order follows the kernel's (ptrace_may_access, then Yama).
import type { PtraceFacts } from './ptraceFacts';

export interface PtraceRefusal {
  reason: 'gone' | 'yamaNoAttach' | 'yamaAdminOnly' | 'yamaRelational' | 'otherUser' | 'notDumpable' | 'traced';
  message: string;
}

export function ptraceRefusal(pid: number, facts: PtraceFacts | undefined): PtraceRefusal | undefined {
  if (!facts) return { reason: 'gone', message: `Process ${pid} is gone (or its /proc entry cannot be read): nothing to attach to.` };
  const cap = facts.callerHasPtraceCap;
  if (facts.tracerPid !== 0) {
    return { reason: 'traced', message: `Process ${pid} is already traced by PID ${facts.tracerPid}: a process has one tracer at a time. End that strace or gdb (or detach it) first.` };
  }
  if (facts.yamaScope === 3) {
    return { reason: 'yamaNoAttach', message: `The kernel refuses every ptrace attach: Yama's kernel.yama.ptrace_scope is 3 (no attach), which only a reboot undoes. Boot with a lower ptrace_scope to trace process ${pid}.` };
  }
  if (!cap && !facts.targetUids.every((uid) => uid === facts.callerUid)) {
    return { reason: 'otherUser', message: `Process ${pid} belongs to another user (UID ${facts.targetUids.join('/')}, you are ${facts.callerUid}): tracing it needs CAP_SYS_PTRACE. Run VS Code as root or use sudo strace / sudo gdb.` };
  }
  if (!cap && facts.targetDumpable === false) {
    return { reason: 'notDumpable', message: `Process ${pid} is not dumpable (it changed credentials or called prctl(PR_SET_DUMPABLE, 0)): tracing it needs CAP_SYS_PTRACE. Run VS Code as root or use sudo.` };
  }
  if (!cap && facts.yamaScope === 2) {
    return { reason: 'yamaAdminOnly', message: `Yama's kernel.yama.ptrace_scope is 2 (admin only): tracing process ${pid} needs CAP_SYS_PTRACE. Run as root, or set it lower: sysctl kernel.yama.ptrace_scope=1.` };
  }
  if (!cap && facts.yamaScope === 1) {
    return { reason: 'yamaRelational', message: `Yama's kernel.yama.ptrace_scope is 1 (only a parent may trace its descendants) and process ${pid} is not started by the tool: attaching needs CAP_SYS_PTRACE. Run as root, or allow it: sysctl kernel.yama.ptrace_scope=0.` };
  }
  return undefined;
}
