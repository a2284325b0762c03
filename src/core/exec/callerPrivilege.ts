// The one place that reads who the product runs as. Everything that decides by privilege asks
// here: the Namespaces view's discovery (may it read every process?), the helper's elevation
// plan (root already?), the topology (through the helper or not?), a join's dropping of
// privileges, and, through the extension's CallerIdentity, the terminals and their questions.
import { readFileSync } from 'node:fs';
import type { ElevationMode } from '../helper/elevation';

/** The effective UID: what the kernel checks when we open /proc or a namespace. -1 off POSIX. */
export function callerUid(): number {
  return process.geteuid?.() ?? process.getuid?.() ?? -1;
}

export function callerIsRoot(): boolean {
  return callerUid() === 0;
}

/** Root can read every process' namespace links; anyone else only their own, unless CAP_SYS_PTRACE. */
export function canReadEveryProcess(): boolean {
  return callerIsRoot() || hasCapSysPtrace();
}

function hasCapSysPtrace(): boolean {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^CapEff:\s*([0-9a-f]+)$/m.exec(status);
    // CAP_SYS_PTRACE is capability 19.
    return match !== null && (BigInt(`0x${match[1]}`) & (1n << 19n)) !== 0n;
  } catch {
    return false;
  }
}

/**
 * Whether a terminal may run `sudo …` for an action that needs privileges: not when the user
 * turned privileged steps off (nsInspector.helper.elevation "none"). The message says so and
 * what to do instead; undefined when sudo may run.
 */
export function terminalSudoRefusal(mode: ElevationMode, action: string): string | undefined {
  if (mode !== 'none') return undefined;
  return `${action} needs root privileges, and privileged steps are turned off (nsInspector.helper.elevation is "none"), so sudo is not run. Run VS Code as root, or choose another elevation.`;
}
