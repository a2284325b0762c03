// What the ID-maps view reads besides the maps: the overflow IDs the kernel shows for unmapped
// IDs, and the subordinate ID files and user names of the host. Paths are parameters so tests
// can point them at fixtures; a missing file is an empty one.
import { readFileSync } from 'node:fs';
import { parsePasswd, parseSubordinateIds, type PasswdEntry, type SubordinateEntry } from './subordinateIds';

export interface HostIdFacts {
  overflowUid: number;
  overflowGid: number;
  /** null: the file does not exist (no subordinate IDs configured at all). */
  subuid: SubordinateEntry[] | null;
  subgid: SubordinateEntry[] | null;
  passwd: PasswdEntry[];
}

export interface HostIdPaths {
  overflowUid: string;
  overflowGid: string;
  subuid: string;
  subgid: string;
  passwd: string;
}

export const HOST_ID_PATHS: HostIdPaths = {
  overflowUid: '/proc/sys/kernel/overflowuid',
  overflowGid: '/proc/sys/kernel/overflowgid',
  subuid: '/etc/subuid',
  subgid: '/etc/subgid',
  passwd: '/etc/passwd',
};

/** The kernel's default overflow ID, used only when /proc/sys/kernel/overflow?id cannot be read. */
const DEFAULT_OVERFLOW_ID = 65534;

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function readOverflow(path: string): number {
  const text = readOrNull(path)?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : DEFAULT_OVERFLOW_ID;
}

export function readHostIdFacts(paths: HostIdPaths = HOST_ID_PATHS): HostIdFacts {
  const subuid = readOrNull(paths.subuid);
  const subgid = readOrNull(paths.subgid);
  return {
    overflowUid: readOverflow(paths.overflowUid),
    overflowGid: readOverflow(paths.overflowGid),
    subuid: subuid === null ? null : parseSubordinateIds(subuid),
    subgid: subgid === null ? null : parseSubordinateIds(subgid),
    passwd: parsePasswd(readOrNull(paths.passwd) ?? ''),
  };
}
