import { parseIdMap, parseSetgroups } from '../parsers/idMap';
import type { DiscoverySource } from './context';

/**
 * uid_map, gid_map and setgroups of every user namespace that a process or thread is in. The
 * kernel shows the outside IDs relative to the reader's user namespace, so as read here (from the
 * discoverer's namespace, normally the host's) they are host IDs.
 */
export const userMapSource: DiscoverySource = {
  name: 'user maps',
  async run(ctx) {
    const { procfs } = ctx;
    for (const ns of ctx.result.namespaces.values()) {
      if (ns.type !== 'user') continue;
      ns.user ??= { ownerUid: null, uidMap: null, gidMap: null, setgroups: null };
      const task = ns.pids[0] ?? ns.tids[0];
      if (task === undefined) continue;
      const uidMap = procfs.readText(procfs.path(task, 'uid_map'));
      const gidMap = procfs.readText(procfs.path(task, 'gid_map'));
      const setgroups = procfs.readText(procfs.path(task, 'setgroups'));
      ns.user.uidMap = uidMap === null ? null : parseIdMap(uidMap);
      ns.user.gidMap = gidMap === null ? null : parseIdMap(gidMap);
      ns.user.setgroups = setgroups === null ? null : parseSetgroups(setgroups);
      if (ctx.yielder.due()) await ctx.yielder.yield();
    }
  },
};
