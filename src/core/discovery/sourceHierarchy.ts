import { CLONE_FLAG_TO_TYPE, isHierarchical } from '../model/nsType';
import { idKey } from '../model/namespaceId';
import type { DiscoveryResult } from '../model/result';
import { namespaceFor } from '../model/result';
import type { DiscoverySource } from './context';
import type { NsIoctl, IoctlRecord } from './nsIoctl';

/**
 * Parents (PID and user namespaces), owning user namespaces, and owner UIDs. The kernel tells
 * these only through ioctls on an open namespace file (lsns uses the same ioctls); the walk up
 * from each namespace also finds ancestors that no process is in any more.
 */
export function hierarchySource(ioctl: NsIoctl): DiscoverySource {
  return {
    name: 'hierarchy',
    async run(ctx) {
      const { result } = ctx;
      // The native scan described the namespaces processes are in; the others (held by a bind
      // mount, an fd or a thread only) are probed here, each alone: its owner and parent are
      // almost always namespaces found already.
      const described = new Set<string>();
      for (const record of ctx.scannedNamespaces) {
        applyRecord(result, record);
        described.add(idKey(record.id));
      }
      for (const [key, openPath] of ctx.openPaths) {
        if (ctx.signal?.aborted) return;
        if (described.has(key)) continue;
        const record = ioctl.probe(openPath)?.[0];
        if (record) applyRecord(result, record);
        if (ctx.yielder.due()) await ctx.yielder.yield();
      }
      // Then, from those whose owner or parent is not, the walk up that finds ancestors no process
      // is in (they can be reached only through their descendants).
      for (const ns of [...result.namespaces.values()]) {
        const links = [ns.owner, ns.parent];
        if (links.every((link) => link === null || result.namespaces.has(idKey(link)))) continue;
        const openPath = ctx.openPaths.get(idKey(ns.id));
        for (const record of (openPath && ioctl.probe(openPath, true)) || []) {
          if (!result.namespaces.has(idKey(record.id))) applyRecord(result, record);
        }
        // The walk fails when the last process in `ns` exited meanwhile: the ancestor still
        // exists and its id and type are known (an owner is a user namespace, a parent has the
        // child's type), so it goes in as such rather than leaving a dangling link.
        if (ns.owner && !result.namespaces.has(idKey(ns.owner))) namespaceFor(result, ns.owner, 'user');
        if (ns.parent && !result.namespaces.has(idKey(ns.parent))) namespaceFor(result, ns.parent, ns.type);
        if (ctx.yielder.due()) await ctx.yielder.yield();
      }
    },
  };
}

function applyRecord(result: DiscoveryResult, record: IoctlRecord): void {
  const type = record.cloneFlag === null ? undefined : CLONE_FLAG_TO_TYPE.get(record.cloneFlag);
  if (type === undefined) return;
  const ns = namespaceFor(result, record.id, type);
  if (ns === null) return;
  ns.owner = record.owner;
  ns.parent = isHierarchical(type) ? record.parent : null;
  if (type === 'user') {
    ns.user = { uidMap: null, gidMap: null, setgroups: null, ...ns.user, ownerUid: record.ownerUid };
  }
}
