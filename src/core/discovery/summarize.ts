import type { Namespace } from '../model/namespace';
import type { DiscoveryContext, DiscoverySource } from './context';

/**
 * The last step: per namespace, sorted members, leader processes, the most senior process, the
 * container and a label a person recognises.
 */
export const summarizeStep: DiscoverySource = {
  name: 'summary',
  async run(ctx) {
    for (const ns of ctx.result.namespaces.values()) {
      ns.pids.sort((a, b) => a - b);
      ns.tids.sort((a, b) => a - b);
      ns.leaders = leadersOf(ctx, ns);
      ns.senior = seniorOf(ctx, ns);
      ns.container = ns.senior === null ? null : (ctx.result.processes.get(ns.senior)?.container ?? null);
      ns.label = labelOf(ctx, ns);
      if (ctx.yielder.due()) await ctx.yielder.yield();
    }
  },
};

/** Processes in the namespace whose parent process is not in it (or is not known). */
function leadersOf(ctx: DiscoveryContext, ns: Namespace): number[] {
  return ns.pids.filter((pid) => {
    const ppid = ctx.result.processes.get(pid)?.ppid ?? 0;
    return ctx.result.processes.get(ppid)?.namespaces[ns.type] !== ns.id.ino;
  });
}

/** The process that started first; on a tie, the lower PID. */
function seniorOf(ctx: DiscoveryContext, ns: Namespace): number | null {
  let senior: number | null = null;
  let seniorStart = Infinity;
  for (const pid of ns.pids) {
    const start = ctx.result.processes.get(pid)?.startTicks ?? Infinity;
    if (start < seniorStart || (start === seniorStart && senior !== null && pid < senior)) {
      senior = pid;
      seniorStart = start;
    }
  }
  return senior;
}

function labelOf(ctx: DiscoveryContext, ns: Namespace): string {
  const mount = ns.bindMounts[0];
  if (mount) return mount.path.slice(mount.path.lastIndexOf('/') + 1) || mount.path;
  const processes = ctx.result.processes;
  if (ns.senior !== null) return processes.get(ns.senior)?.command ?? `pid ${ns.senior}`;
  const tid = ns.tids[0];
  if (tid !== undefined) return `thread ${tid}`;
  const fdRef = ns.fdRefs[0];
  if (fdRef) return `fd ${fdRef.fd} of ${processes.get(fdRef.pid)?.command ?? 'pid'} (${fdRef.pid})`;
  return ns.forChildrenPids.length ? `children of pid ${ns.forChildrenPids[0]}` : 'no process';
}
