// /etc/subuid and /etc/subgid (subuid(5)): "owner:start:count" lines, where owner is a user
// name or a numeric UID; and the few /etc/passwd fields needed to match an owner UID to them.
import type { SubordinateRange } from './idMapsTypes';

export interface SubordinateEntry extends SubordinateRange {
  owner: string;
}

export function parseSubordinateIds(text: string): SubordinateEntry[] {
  const entries: SubordinateEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(':');
    if (f.length !== 3 || f[0] === '' || f[0].startsWith('#')) continue;
    if (!/^\d+$/.test(f[1]) || !/^\d+$/.test(f[2])) continue;
    entries.push({ owner: f[0], start: Number(f[1]), count: Number(f[2]) });
  }
  return entries;
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
}

export function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 4 || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3])) continue;
    entries.push({ name: f[0], uid: Number(f[2]), gid: Number(f[3]) });
  }
  return entries;
}

/** The ranges of a UID's lines: by its user name or by the number itself, as newuidmap matches them. */
export function rangesOf(entries: readonly SubordinateEntry[], uid: number, name: string | undefined): SubordinateRange[] {
  return entries.filter((e) => e.owner === String(uid) || (name !== undefined && e.owner === name)).map(({ start, count }) => ({ start, count }));
}
