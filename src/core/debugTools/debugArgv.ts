// The host tools pointed at a process, argv only (the host PID, whatever PID namespace the user
// looks from): strace, gdb with the process's root as sysroot, and tcpdump in its network
// namespace for a copied command line (the editor captures through the helper instead).
import { checkPid } from '../helper/helperRules';

export function straceArgv(pid: number): string[] {
  return ['strace', '-f', '-p', String(checkPid(pid))];
}

/**
 * gdb attached to the process, its root as sysroot so the container's binaries and libraries
 * resolve (set with -iex: before the attach loads them). `batch`: these commands, then exit.
 */
export function gdbArgv(pid: number, batch?: readonly string[]): string[] {
  const checked = checkPid(pid);
  const argv = ['gdb', '-q', '-iex', `set sysroot /proc/${checked}/root`, '-p', String(checked)];
  if (!batch) return argv;
  return [...argv, '-batch', ...batch.flatMap((command) => ['-ex', command])];
}

/** tcpdump on every interface of the process's network namespace, the pcap to `file`. */
export function captureCommandArgv(pid: number, file: string): string[] {
  const checked = checkPid(pid);
  return ['nsenter', `--net=/proc/${checked}/ns/net`, '--', 'tcpdump', '-U', '-n', '-i', 'any', '-w', file];
}
