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
      [ns.leaders, ns.senior] = leadersAndSenior(ctx, ns);
      ns.container = ns.senior === null ? null : (ctx.result.processes.get(ns.senior)?.container ?? null);
      ns.label = labelOf(ctx, ns);
      if (ctx.yielder.due()) await ctx.yielder.yield();
    }
  },
};

/**
 * In one pass over the members (the host's namespaces hold every process): the leaders, whose
 * parent process is not in the namespace (or is not known), and the most senior process, the one
 * that started first (on a tie, the lower PID).
 */
function leadersAndSenior(ctx: DiscoveryContext, ns: Namespace): [number[], number | null] {
  const processes = ctx.result.processes;
  const leaders: number[] = [];
  let senior: number | null = null;
  let seniorStart = Infinity;
  for (const pid of ns.pids) {
    const process = processes.get(pid);
    if (processes.get(process?.ppid ?? 0)?.namespaces[ns.type] !== ns.id.ino) leaders.push(pid);
    const start = process?.startTicks ?? Infinity;
    // pids are sorted: a tie keeps the lower PID found first.
    if (start < seniorStart) {
      senior = pid;
      seniorStart = start;
    }
  }
  return [leaders, senior];
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
