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
      const described = new Set<string>();
      for (const [key, openPath] of [...ctx.openPaths]) {
        if (ctx.signal?.aborted) return;
        if (described.has(key)) continue;
        const records = ioctl.probe(openPath);
        if (records === null) continue;
        for (const record of records) {
          if (!described.has(idKey(record.id))) applyRecord(ctx.result, record);
          described.add(idKey(record.id));
        }
        await ctx.yielder.maybeYield();
      }
    },
  };
}

function applyRecord(result: DiscoveryResult, record: IoctlRecord): void {
  const type = record.cloneFlag === null ? undefined : CLONE_FLAG_TO_TYPE.get(record.cloneFlag);
  if (type === undefined) return;
  const ns = namespaceFor(result, record.id, type);
  ns.owner = record.owner;
  ns.parent = isHierarchical(type) ? record.parent : null;
  if (type === 'user') {
    ns.user = { uidMap: null, gidMap: null, setgroups: null, ...ns.user, ownerUid: record.ownerUid };
  }
}
