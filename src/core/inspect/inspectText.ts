// Words and numbers for the inspect facts, shared by `nsinspect inspect` and the panel: one way to
// say "512 MiB of 1 GiB", "0.5 CPU" or "4242 → 7 → 1". Host strings are not escaped here: the
// caller escapes for its medium (hostText for a terminal line, text nodes in the webview).
import type { CgroupLimit, PidChain, TranslatedIdentity } from './inspectTypes';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function bytesText(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** "256 MiB used of 512 MiB", "3 of max 100", "0.5 CPU (50000/100000 µs)". */
export function cgroupLimitText(limit: CgroupLimit): string {
  if (limit.resource === 'memory') {
    const used = limit.current === null ? 'use unknown' : `${bytesText(limit.current)} used`;
    return `${used} of ${limit.limit === null ? 'no limit' : bytesText(limit.limit)}`;
  }
  if (limit.resource === 'cpu') {
    if (limit.limit === null) return 'no quota';
    const period = limit.period ?? 100000;
    return `${Number((limit.limit / period).toFixed(2))} CPU (${limit.limit} µs per ${period} µs)`;
  }
  const used = limit.current === null ? 'use unknown' : `${limit.current} used`;
  return `${used} of ${limit.limit === null ? 'no limit' : limit.limit}`;
}

/** The PID in each namespace, outermost first: "4242 → 7 → 1". */
export function pidChainText(chain: PidChain): string {
  return chain.nspid.join(' → ');
}

/** "1000 (inside 0)" or "1000 (not mapped inside)". */
export function idText(id: TranslatedIdentity): string {
  if (id.inside === id.host) return String(id.host);
  return id.inside === null ? `${id.host} (not mapped inside)` : `${id.host} (inside ${id.inside})`;
}

/** An rlimit value: "unlimited" for none. */
export function rlimitValueText(value: number | null): string {
  return value === null ? 'unlimited' : String(value);
}
