import { NS_TYPES } from '../model/nsType';
import { namespaceFor } from '../model/result';
import { parseNsLink } from '../parsers/nsLink';
import type { DiscoveryContext, DiscoverySource } from './context';
import { rememberOpenPath } from './context';

/**
 * Threads that sit in a namespace their process is not in (a thread may unshare(2) on its own).
 * Only multi-threaded processes are looked at: for the others the one thread is the process.
 */
export const threadSource: DiscoverySource = {
  name: 'threads',
  async run(ctx) {
    for (const [pid, info] of ctx.result.processes) {
      if (ctx.signal?.aborted) return;
      if (info.threads > 1) scanThreads(ctx, pid);
      await ctx.yielder.maybeYield();
    }
  },
};

function scanThreads(ctx: DiscoveryContext, pid: number): void {
  const { procfs, result } = ctx;
  const own = result.processes.get(pid)?.namespaces;
  const tids = procfs.numericEntries(procfs.path(pid, 'task'));
  if (tids === null || own === undefined) {
    result.skipped.threads++;
    return;
  }
  for (const tid of tids) {
    if (tid === pid) continue;
    for (const type of NS_TYPES) {
      const path = procfs.path(pid, 'task', tid, 'ns', type);
      const target = procfs.readlink(path);
      const parsed = target === null ? null : parseNsLink(target);
      if (parsed === null) {
        if (type === 'mnt') {
          result.skipped.threads++;
          break;
        }
        continue;
      }
      if (own[type] === parsed.ino) continue;
      const id = { dev: result.nsfsDev, ino: parsed.ino };
      namespaceFor(result, id, type).tids.push(tid);
      rememberOpenPath(ctx, id, path);
    }
  }
}
