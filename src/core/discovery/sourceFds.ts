import type { NsType } from '../model/nsType';
import { CLONE_FLAG_TO_TYPE, isNsType } from '../model/nsType';
import { idKey } from '../model/namespaceId';
import type { NamespaceId } from '../model/namespaceId';
import { namespaceFor } from '../model/result';
import { parseNsLink } from '../parsers/nsLink';
import type { DiscoveryContext, DiscoverySource } from './context';
import { rememberOpenPath } from './context';
import type { NsIoctl } from './nsIoctl';

/**
 * Open file descriptors that refer to a namespace: an fd keeps a namespace alive with no process
 * in it. An fd opened through /proc/PID/ns reads back as "net:[INODE]"; one opened through a bind
 * mount reads back as the mount's path, or "/" once the mount is gone, so those are stat()ed and
 * recognised by the nsfs device.
 */
export function fdSource(ioctl: NsIoctl | null): DiscoverySource {
  return {
    name: 'file descriptors',
    async run(ctx) {
      for (const pid of ctx.result.processes.keys()) {
        if (ctx.signal?.aborted) return;
        scanFds(ctx, pid, ioctl);
        await ctx.yielder.maybeYield();
      }
    },
  };
}

function scanFds(ctx: DiscoveryContext, pid: number, ioctl: NsIoctl | null): void {
  const { procfs, result } = ctx;
  const fdDir = procfs.path(pid, 'fd');
  const fds = procfs.numericEntries(fdDir);
  if (fds === null) {
    result.skipped.fds++;
    return;
  }
  for (const fd of fds) {
    const path = `${fdDir}/${fd}`;
    const target = procfs.readlink(path);
    if (target === null) continue;
    const found = namespaceOfFd(ctx, path, target, ioctl);
    if (found === null) continue;
    namespaceFor(result, found.id, found.type).fdRefs.push({ pid, fd });
    rememberOpenPath(ctx, found.id, path);
  }
}

function namespaceOfFd(
  ctx: DiscoveryContext,
  path: string,
  target: string,
  ioctl: NsIoctl | null,
): { id: NamespaceId; type: NsType } | null {
  const parsed = parseNsLink(target);
  if (parsed !== null) {
    return isNsType(parsed.type) ? { id: { dev: ctx.result.nsfsDev, ino: parsed.ino }, type: parsed.type } : null;
  }
  if (target !== '/' && !ctx.nsfsMountPoints.has(target)) return null;
  const stats = ctx.procfs.stat(path);
  if (stats === null || stats.dev !== ctx.result.nsfsDev) return null;
  const id = { dev: stats.dev, ino: stats.ino };
  const known = ctx.result.namespaces.get(idKey(id));
  if (known) return { id, type: known.type };
  const flag = ioctl?.typeOf(path) ?? null;
  const type = flag === null ? undefined : CLONE_FLAG_TO_TYPE.get(flag);
  return type === undefined ? null : { id, type };
}
