/** Parses a /proc/PID/ns/* link target such as "net:[4026531840]"; anything else is null. */
export function parseNsLink(link: string): { type: string; ino: number } | null {
  const m = /^([a-z_]+):\[(\d+)\]$/.exec(link);
  if (!m) return null;
  const ino = Number(m[2]);
  return Number.isSafeInteger(ino) ? { type: m[1], ino } : null;
}
