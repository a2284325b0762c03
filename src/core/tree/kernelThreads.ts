import type { ProcessInfo } from '../model/process';

/**
 * kthreadd (PID 2, parent 0) and its children, the kernel threads: no command line, parent 2.
 * The empty command line keeps a user process that happens to be PID 2's child (in a PID
 * namespace without kthreadd) from being taken for one.
 */
export function isKernelThread(process: Pick<ProcessInfo, 'pid' | 'ppid' | 'cmdline'>): boolean {
  return process.cmdline.length === 0 && (process.ppid === 2 || (process.pid === 2 && process.ppid === 0));
}
