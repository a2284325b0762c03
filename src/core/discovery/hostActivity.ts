// A cheap sign that the host's processes changed: the kernel's last allocated PID and its number
// of threads, from one read of /proc/loadavg. A process that forks, execs through a new process
// or exits changes it; that is how nearly every namespace comes and goes (unshare, ip netns,
// container runtimes all start processes). A thread that calls setns(2) or unshare(2) itself,
// opens a namespace file or bind-mounts one, with no process started anywhere on the host, does
// not: so it only lets a refresh wait, never replaces one for long (see shouldSkipRefresh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** "LASTPID THREADS" from loadavg ("0.00 0.01 0.05 1/230 12345"), or undefined when unreadable. */
export function readHostActivity(procRoot = '/proc'): string | undefined {
  try {
    const fields = readFileSync(join(procRoot, 'loadavg'), 'latin1').trim().split(/\s+/);
    const threads = fields[3]?.split('/')[1];
    return fields.length === 5 && threads ? `${fields[4]} ${threads}` : undefined;
  } catch {
    return undefined;
  }
}

export interface RefreshDue {
  /** Whether the window has focus: with focus every due refresh runs. */
  focused: boolean;
  /** The activity now and when the last refresh ran (undefined: unknown, so refresh). */
  now: string | undefined;
  atLastRefresh: string | undefined;
  sinceLastRefreshMs: number;
  /** Without focus, the longest a refresh may wait for a sign of change. */
  longestWaitMs: number;
}

/**
 * Whether a due automatic refresh may wait: only without focus, only while no process was
 * started or ended since the last one, and never longer than `longestWaitMs` (what no sign
 * shows, a setns(2) by a running thread, still shows by then; focus coming back refreshes at
 * once).
 */
export function shouldSkipRefresh(due: RefreshDue): boolean {
  if (due.focused || due.now === undefined || due.atLastRefresh === undefined) return false;
  return due.now === due.atLastRefresh && due.sinceLastRefreshMs < due.longestWaitMs;
}
