import { parseNsLink } from './nsLink';

/** One line of /proc/PID/mountinfo (proc(5)); the optional propagation fields are dropped. */
export interface MountinfoEntry {
  mountId: number;
  parentId: number;
  major: number;
  minor: number;
  root: string;
  mountPoint: string;
  options: string;
  fsType: string;
  source: string;
  superOptions: string;
}

// The kernel writes space, tab, newline and backslash in paths as \040 \011 \012 \134 so that
// fields stay space-separated and every mount stays on one line.
function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** A mountinfo line with its optional propagation fields ("shared:2", "master:1", "unbindable"). */
export interface MountinfoEntryWithPropagation extends MountinfoEntry {
  propagation: string[];
}

function parseLine(line: string): MountinfoEntryWithPropagation | null {
  const f = line.split(' ');
  // The optional fields ("shared:2 master:1") vary in number; " - " ends them.
  const sep = f.indexOf('-', 6);
  if (sep < 0 || f.length < sep + 4) return null;
  const dev = /^(\d+):(\d+)$/.exec(f[2]);
  if (!dev || !/^\d+$/.test(f[0]) || !/^\d+$/.test(f[1])) return null;
  return {
    mountId: Number(f[0]),
    parentId: Number(f[1]),
    major: Number(dev[1]),
    minor: Number(dev[2]),
    root: unescapeOctal(f[3]),
    mountPoint: unescapeOctal(f[4]),
    options: f[5],
    fsType: f[sep + 1],
    // The kernel escapes the source the same way (e.g. FUSE sources with spaces).
    source: unescapeOctal(f[sep + 2]),
    superOptions: f[sep + 3],
    propagation: f.slice(6, sep),
  };
}

export function parseMountinfo(text: string): MountinfoEntry[] {
  return parseMountinfoWithPropagation(text).map(({ propagation: _propagation, ...entry }) => entry);
}

/** Like parseMountinfo, keeping the optional fields (Inspect Process shows propagation). */
export function parseMountinfoWithPropagation(text: string): MountinfoEntryWithPropagation[] {
  const entries: MountinfoEntryWithPropagation[] = [];
  for (const line of text.split('\n')) {
    const entry = parseLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * Namespaces kept alive by a bind mount of their nsfs file (`ip netns add`, `unshare --net=FILE`).
 * The mount's root names the namespace, e.g. "net:[4026532177]".
 */
export function nsfsMounts(
  entries: MountinfoEntry[],
): { type: string; ino: number; major: number; minor: number; mountPoint: string }[] {
  const result = [];
  for (const e of entries) {
    const ns = e.fsType === 'nsfs' ? parseNsLink(e.root) : null;
    if (ns) result.push({ type: ns.type, ino: ns.ino, major: e.major, minor: e.minor, mountPoint: e.mountPoint });
  }
  return result;
}
