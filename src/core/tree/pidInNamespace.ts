import type { ProcessInfo } from '../model/process';

/**
 * A process' PID as seen inside its own PID namespace: the last NSpid entry (the first is the
 * host's view, the PID discovery reports).
 */
export function innerPid(process: ProcessInfo): number {
  return process.nspid.at(-1) ?? process.pid;
}

/** "PID 1 · host 4711" when the namespace sees another PID than the host, else "PID 4711". */
export function pidText(process: ProcessInfo): string {
  const inner = innerPid(process);
  return inner === process.pid ? `PID ${process.pid}` : `PID ${inner} · host ${process.pid}`;
}
