import { devFromMajorMinor } from '../model/namespaceId';
import { isNsType } from '../model/nsType';
import { namespaceFor } from '../model/result';
import { parseMountinfo, nsfsMounts } from '../parsers/mountinfo';
import type { DiscoverySource } from './context';
import type { Procfs } from './procfs';
import { rememberOpenPath } from './context';

/**
 * Namespaces bind-mounted to a path (`ip netns add` under /run/netns, Docker's
 * /run/docker/netns, anything else), read from the mountinfo of one process in every mount
 * namespace: a bind mount keeps a namespace alive with no process in it.
 */
export const bindMountSource: DiscoverySource = {
  name: 'bind mounts',
  async run(ctx) {
    const { procfs, result } = ctx;
    const mountNamespaces = [...result.namespaces.values()].filter((ns) => ns.type === 'mnt');
    for (const mntns of mountNamespaces) {
      if (ctx.signal?.aborted) return;
      const scanned = ctx.scannedMounts.get(mntns.id.ino);
      const found = scanned
        ? { text: scanned.lines, root: procfs.path(scanned.pid, 'root') }
        : readMountinfo(procfs, mntns.pids, mntns.tids);
      if (found === null) {
        result.skipped.mountNamespaces++;
        continue;
      }
      const { text, root } = found;
      for (const mount of nsfsMounts(parseMountinfo(text))) {
        if (!isNsType(mount.type)) continue;
        const id = { dev: devFromMajorMinor(mount.major, mount.minor), ino: mount.ino };
        const ns = namespaceFor(result, id, mount.type);
        if (ns === null) continue;
        ns.bindMounts.push({ path: mount.mountPoint, mntns: mntns.id.ino });
        // Through /proc/PID/root the path resolves inside that process' mount namespace.
        rememberOpenPath(ctx, id, root + mount.mountPoint);
      }
      if (ctx.yielder.due()) await ctx.yielder.yield();
    }
  },
};

/**
 * The mountinfo of the first process (or thread) that can still be read, and its root path: for
 * mount namespaces the native scan did not read (a thread's own, one whose process went away).
 */
function readMountinfo(procfs: Procfs, pids: number[], tids: number[]): { text: string; root: string } | null {
  const tasks = [...pids.map((pid) => procfs.path(pid)), ...tids.map((tid) => procfs.path(tid))];
  for (const task of tasks) {
    const text = procfs.readText(`${task}/mountinfo`);
    if (text !== null) return { text, root: `${task}/root` };
  }
  return null;
}
