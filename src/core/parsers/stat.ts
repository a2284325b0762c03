/** The fields of /proc/PID/stat that discovery uses. */
export interface ProcStat {
  /** The command name (field 2), raw: it may hold any byte but NUL. */
  comm: string;
  /** Field 4. */
  ppid: number;
  /** Field 20, num_threads. */
  threads: number;
  /** Field 22: start time in clock ticks after boot; with the PID it names a process uniquely. */
  startTicks: number;
}

/**
 * Fields 2, 4, 20 and 22 in one pass; null when the text is not a stat line. comm is wrapped in
 * parentheses but may itself contain ')', spaces and even newlines, so the fields after it are
 * found from the LAST ')'.
 */
export function parseStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // Split no further than field 22: the ~30 fields after it are not needed.
  const fields = text.slice(close + 2).split(' ', 20);
  if (fields.length < 20) return null;
  const [ppid, threads, startTicks] = [fields[1], fields[17], fields[19]].map((f) => (/^\d+$/.test(f) ? Number(f) : NaN));
  if (Number.isNaN(ppid) || Number.isNaN(threads) || Number.isNaN(startTicks)) return null;
  return { comm: text.slice(open + 1, close), ppid, threads, startTicks };
}
