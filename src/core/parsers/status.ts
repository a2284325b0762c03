// What /proc/PID/status says that discovery (the NSpid chain) and Inspect Process (names, IDs, threads) use.
/** The fields of /proc/PID/status that discovery uses. */
export interface ProcStatus {
  name: string;
  ppid: number;
  /** Real, effective, saved and filesystem UID. */
  uid: number[];
  gid: number[];
  threads: number;
  /** PID in each PID namespace, outermost (the reader's) first; empty on kernels before 4.1. */
  nspid: number[];
  nstgid: number[];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', e: '\x1b', '\\': '\\', '"': '"' };

// The kernel escapes Name with string_escape (current kernels only "\n" and "\\"; older ones also
// "\t" and friends), so a comm can never break the one-field-per-line layout.
function unescapeName(s: string): string {
  return s.replace(/\\(.)/g, (all, c: string) => ESCAPES[c] ?? all);
}

function numbers(value: string | undefined): number[] {
  return value ? value.trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

export function parseStatus(text: string): ProcStatus | null {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    // Keep the value raw: Name may contain unescaped tabs, and only its one leading tab is padding.
    if (colon > 0 && !fields.has(line.slice(0, colon))) fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^\t/, ''));
  }
  const name = fields.get('Name');
  const ppid = fields.get('PPid');
  if (name === undefined || ppid === undefined || !/^\s*\d+\s*$/.test(ppid)) return null;
  return {
    name: unescapeName(name),
    ppid: Number(ppid),
    uid: numbers(fields.get('Uid')),
    gid: numbers(fields.get('Gid')),
    threads: Number(fields.get('Threads') ?? 0),
    nspid: numbers(fields.get('NSpid')),
    nstgid: numbers(fields.get('NStgid')),
  };
}

/**
 * Only the NSpid chain of a status text, without building the rest: discovery needs nothing else
 * of status for each process outside the scanner's PID namespace. Name cannot fake the line: the
 * kernel escapes newlines in it.
 */
export function parseNspid(text: string): number[] {
  return numbers(/^NSpid:(.*)$/m.exec(text)?.[1]);
}
