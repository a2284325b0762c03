/** One line of /proc/PID/uid_map or gid_map (user_namespaces(7)). */
export interface IdMapRange {
  inside: number;
  outside: number;
  count: number;
}

const U32_MAX = 4294967295;

function u32(s: string): number | null {
  const n = /^\d{1,10}$/.test(s) ? Number(s) : NaN;
  return n <= U32_MAX ? n : null;
}

/** Three numbers per line, right-aligned in 10-wide columns (so 10-digit values touch with one space). */
export function parseIdMap(text: string): IdMapRange[] {
  const ranges: IdMapRange[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 3) continue;
    const [inside, outside, count] = f.map(u32);
    if (inside !== null && outside !== null && count !== null) ranges.push({ inside, outside, count });
  }
  return ranges;
}

/** /proc/PID/setgroups: "allow" or "deny" followed by a newline. */
export function parseSetgroups(text: string): 'allow' | 'deny' | null {
  const value = text.trim();
  return value === 'allow' || value === 'deny' ? value : null;
}
