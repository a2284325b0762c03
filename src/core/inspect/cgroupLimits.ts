// The limits and current use of a process' cgroups: memory, CPU quota and pids, read from the
// cgroup v2 hierarchy where the controller is there, else from the v1 hierarchy that has it (a
// hybrid host like this one has both). Paths in /proc/PID/cgroup are relative to the reader's
// cgroup namespace; the hierarchies are found in the reader's mountinfo.
import type { CgroupEntry } from '../parsers/cgroup';
import type { MountinfoEntry } from '../parsers/mountinfo';
import type { CgroupLimit } from './inspectTypes';

/** v1 writes "no limit" as the largest page-aligned counter (9223372036854771712) or -1. */
const V1_UNLIMITED = 2 ** 62;

type Read = (path: string) => string | null;

function number(text: string | null): number | null {
  const trimmed = text?.trim();
  return trimmed !== undefined && /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

function limitOf(text: string | null): number | null {
  const value = number(text);
  return value === null || value >= V1_UNLIMITED ? null : value;
}

/** Where the cgroup `path` of a hierarchy mounted by `mount` is in the reader's filesystem. */
function folderOf(mount: MountinfoEntry, path: string): string | null {
  const root = mount.root === '/' ? '' : mount.root;
  if (root && path !== root && !path.startsWith(`${root}/`)) return null;
  return `${mount.mountPoint}${path.slice(root.length)}`.replace(/\/+$/, '') || '/';
}

function hierarchies(mounts: readonly MountinfoEntry[]) {
  const v2 = mounts.find((m) => m.fsType === 'cgroup2');
  const v1 = (controller: string) => mounts.find((m) => m.fsType === 'cgroup' && m.superOptions.split(',').includes(controller));
  return { v2, v1 };
}

/**
 * The limits of the cgroups in `entries`, through `read` (a file's text, or null when it cannot
 * be read). A controller not enabled in the v2 folder is looked for in v1.
 */
export function cgroupLimits(entries: readonly CgroupEntry[], mounts: readonly MountinfoEntry[], read: Read): CgroupLimit[] {
  const { v2, v1 } = hierarchies(mounts);
  const v2Entry = entries.find((e) => e.hierarchyId === 0 && e.controllers.length === 0);
  const v2Folder = v2 && v2Entry ? folderOf(v2, v2Entry.path) : null;
  const v2Controllers = v2Folder ? (read(`${v2Folder}/cgroup.controllers`) ?? '').trim().split(/\s+/) : [];
  const v1Folder = (controller: string) => {
    const mount = v1(controller);
    const entry = entries.find((e) => e.controllers.includes(controller));
    return mount && entry ? folderOf(mount, entry.path) : null;
  };
  const limits: CgroupLimit[] = [];

  if (v2Folder && v2Controllers.includes('memory')) {
    limits.push({ resource: 'memory', version: 'v2', path: v2Folder, limit: limitOf(read(`${v2Folder}/memory.max`)), current: number(read(`${v2Folder}/memory.current`)) });
  } else {
    const folder = v1Folder('memory');
    if (folder) limits.push({ resource: 'memory', version: 'v1', path: folder, limit: limitOf(read(`${folder}/memory.limit_in_bytes`)), current: number(read(`${folder}/memory.usage_in_bytes`)) });
  }

  if (v2Folder && v2Controllers.includes('cpu')) {
    const [quota, period] = (read(`${v2Folder}/cpu.max`) ?? '').trim().split(/\s+/);
    limits.push({ resource: 'cpu', version: 'v2', path: v2Folder, limit: number(quota ?? null), current: null, period: number(period ?? null) });
  } else {
    const folder = v1Folder('cpu');
    if (folder) {
      // cfs_quota_us is -1 without a quota: number() reads it as null.
      limits.push({ resource: 'cpu', version: 'v1', path: folder, limit: number(read(`${folder}/cpu.cfs_quota_us`)), current: null, period: number(read(`${folder}/cpu.cfs_period_us`)) });
    }
  }

  if (v2Folder && v2Controllers.includes('pids')) {
    limits.push({ resource: 'pids', version: 'v2', path: v2Folder, limit: number(read(`${v2Folder}/pids.max`)), current: number(read(`${v2Folder}/pids.current`)) });
  } else {
    const folder = v1Folder('pids');
    if (folder) limits.push({ resource: 'pids', version: 'v1', path: folder, limit: number(read(`${folder}/pids.max`)), current: number(read(`${folder}/pids.current`)) });
  }
  return limits;
}
