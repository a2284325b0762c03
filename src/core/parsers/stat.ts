// comm (field 2) is wrapped in parentheses but may itself contain ')', spaces and even newlines,
// so the fields after it are found from the LAST ')'. Returns the fields from 3 (state) on.
function fieldsAfterComm(text: string): string[] | null {
  const close = text.lastIndexOf(')');
  return close < 0 ? null : text.slice(close + 1).trim().split(' ');
}

function field(text: string, n: number): number | null {
  const value = fieldsAfterComm(text)?.[n - 3];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/** Field 22 of /proc/PID/stat: start time in clock ticks after boot; with the PID it names a process uniquely. */
export function parseStatStartTime(text: string): number | null {
  return field(text, 22);
}

/** Field 4 of /proc/PID/stat: the parent PID. */
export function parseStatPpid(text: string): number | null {
  return field(text, 4);
}
