/** One namespace from `lsns -J`; columns not requested with -o are null. */
export interface LsnsNamespace {
  ns: number;
  type: string;
  pid: number | null;
  nprocs: number | null;
  /** Parent namespace (PID and user namespaces only); lsns prints 0 for "none". */
  pns: number | null;
  /** Owning user namespace; 0 for "none". */
  ons: number | null;
  command: string | null;
  path: string | null;
}

type Row = Record<string, unknown> & { children?: unknown };

// util-linux 2.38 prints numeric columns as JSON numbers; older releases quoted every value.
function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return null;
}

const nonZero = (value: unknown) => num(value) || null;
const str = (value: unknown) => (typeof value === 'string' ? value : null);

function flatten(rows: unknown, out: LsnsNamespace[]): void {
  if (!Array.isArray(rows)) return;
  for (const row of rows as Row[]) {
    if (!row || typeof row !== 'object') continue;
    const ns = num(row.ns);
    // Rows without NS are useless to us (it is the key everything else hangs on).
    if (ns !== null) {
      out.push({
        ns,
        type: str(row.type) ?? '',
        pid: num(row.pid),
        nprocs: num(row.nprocs),
        pns: nonZero(row.pns),
        ons: nonZero(row.ons),
        command: str(row.command),
        path: str(row.path),
      });
    }
    // --tree=parent / --tree=owner nest entries under "children".
    flatten(row.children, out);
  }
}

export function parseLsnsJson(text: string): LsnsNamespace[] {
  // lsns prints nothing at all (and exits 1) when no namespace matches the filter.
  if (text.trim() === '') return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`lsns -J output is not valid JSON: ${(err as Error).message}`);
  }
  const list = (doc as { namespaces?: unknown } | null)?.namespaces;
  if (!Array.isArray(list)) throw new Error('lsns -J output has no "namespaces" array');
  const out: LsnsNamespace[] = [];
  flatten(list, out);
  return out;
}
