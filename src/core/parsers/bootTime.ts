// The boot time, to turn a process' start (clock ticks after boot) into a wall-clock time.
import { readFileSync } from 'node:fs';

/** Clock ticks per second (sysconf(_SC_CLK_TCK)): USER_HZ, 100 on every Linux architecture. */
export const CLK_TCK = 100;

/** The "btime" line of /proc/stat: seconds since the epoch at boot; undefined when absent. */
export function parseBootTime(procStat: string): number | undefined {
  const match = /^btime (\d+)$/m.exec(procStat);
  return match ? Number(match[1]) : undefined;
}

export function readBootTime(procRoot = '/proc'): number | undefined {
  try {
    return parseBootTime(readFileSync(`${procRoot}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}
