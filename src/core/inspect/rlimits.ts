// /proc/PID/limits: "Limit  Soft Limit  Hard Limit  Units", columns padded with spaces; names
// contain spaces ("Max open files"), so the columns are cut at the header's offsets.
import type { Rlimit } from './inspectTypes';

function value(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === 'unlimited' || !/^\d+$/.test(trimmed) ? null : Number(trimmed);
}

export function parseLimits(text: string): Rlimit[] {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  const softAt = header.indexOf('Soft Limit');
  const hardAt = header.indexOf('Hard Limit');
  const unitsAt = header.indexOf('Units');
  if (softAt < 0 || hardAt < softAt || unitsAt < hardAt) return [];
  const limits: Rlimit[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const name = line.slice(0, softAt).trim();
    const soft = line.slice(softAt, hardAt).trim();
    const hard = line.slice(hardAt, unitsAt).trim();
    if (!name || !soft || !hard) continue;
    limits.push({ name, soft: value(soft), hard: value(hard), unit: line.slice(unitsAt).trim() });
  }
  return limits;
}
