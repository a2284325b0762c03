// Where a container's files live in VS Code: nsfs-root://PID-STARTTICKS/path. The authority pins
// the process (a PID alone could be reused by another process once it ends), the path is inside
// its root.

export const ROOT_SCHEME = 'nsfs-root';

export interface PinnedProcess {
  pid: number;
  /** Start time in clock ticks since boot (field 22 of /proc/PID/stat). */
  startTicks: number;
}

export function rootAuthority(pinned: PinnedProcess): string {
  return `${pinned.pid}-${pinned.startTicks}`;
}

/** The process an authority names; undefined unless it is exactly PID-STARTTICKS. */
export function parseRootAuthority(authority: string): PinnedProcess | undefined {
  const match = /^([1-9]\d{0,9})-(\d{1,20})$/.exec(authority);
  if (!match) return undefined;
  const pid = Number(match[1]);
  const startTicks = Number(match[2]);
  return pid <= 4194304 && Number.isSafeInteger(startTicks) ? { pid, startTicks } : undefined;
}
