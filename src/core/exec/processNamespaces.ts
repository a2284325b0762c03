// The namespaces a process is in right now, read from its /proc/PID/ns links (the cheapest probe).
import { readlinkSync } from 'node:fs';
import { NS_TYPES, type NsType } from '../model/nsType';
import { parseNsLink } from '../parsers/nsLink';

/** Type → inode; types whose link cannot be read (gone, no permission, old kernel) are left out. */
export function processNamespaces(pid: number | 'self', procRoot = '/proc'): Partial<Record<NsType, number>> {
  const namespaces: Partial<Record<NsType, number>> = {};
  for (const type of NS_TYPES) {
    try {
      const link = parseNsLink(readlinkSync(`${procRoot}/${pid}/ns/${type}`));
      if (link) namespaces[type] = link.ino;
    } catch {
      // Not readable: not part of the answer.
    }
  }
  return namespaces;
}
