import { CLONE_FLAG_TO_TYPE, isHierarchical, isNsType } from '../model/nsType';
import { idKey } from '../model/namespaceId';
import type { DiscoveryResult } from '../model/result';
import { namespaceFor } from '../model/result';
import { parseLsnsJson } from '../parsers/lsnsJson';
import { runTool } from '../exec/runTool';
import type { DiscoverySource } from './context';
import type { NsIoctl, IoctlRecord } from './nsIoctl';

/**
 * Parents (PID and user namespaces), owning user namespaces, and owner UIDs. The kernel tells
 * these only through ioctls on an open namespace file; the walk up from each namespace also finds
 * ancestors that no process is in any more. Without the addon, `lsns --tree=parent` is the
 * fallback: slower, and blind to namespaces lsns does not list (held only by a bind mount, an fd or
 * a thread).
 */
export function hierarchySource(ioctl: NsIoctl | null): DiscoverySource {
  return {
    name: 'hierarchy',
    async run(ctx) {
      if (ioctl === null) {
        await fromLsns(ctx.result);
        return;
      }
      ctx.result.hierarchySource = 'ioctl';
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

async function fromLsns(result: DiscoveryResult): Promise<void> {
  const output = await runTool('lsns', ['-J', '--tree=parent', '-o', 'NS,TYPE,PNS,ONS']);
  result.hierarchySource = 'lsns';
  for (const entry of parseLsnsJson(output.stdout)) {
    if (!isNsType(entry.type)) continue;
    const ns = namespaceFor(result, { dev: result.nsfsDev, ino: entry.ns }, entry.type);
    ns.owner = entry.ons === null ? null : { dev: result.nsfsDev, ino: entry.ons };
    ns.parent = entry.pns === null || !isHierarchical(entry.type) ? null : { dev: result.nsfsDev, ino: entry.pns };
  }
}
