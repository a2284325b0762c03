import { NS_LINKS, typeOfLink } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import { namespaceFor } from '../model/result';
import { parseNsLink } from '../parsers/nsLink';
import { parseStatus } from '../parsers/status';
import { parseStatStartTime } from '../parsers/stat';
import { parseCmdline } from '../parsers/cmdline';
import { parseCgroup, primaryCgroupPath } from '../parsers/cgroup';
import { containerFromCgroup } from '../parsers/container';
import type { DiscoveryContext, DiscoverySource } from './context';
import { rememberOpenPath } from './context';

/**
 * Every process under /proc: its namespace links and its facts (status, stat, cmdline, cgroup).
 * A process that exits mid-scan or whose links we may not read is skipped and counted.
 */
export const processSource: DiscoverySource = {
  name: 'processes',
  async run(ctx) {
    const pids = ctx.procfs.numericEntries(ctx.procfs.root);
    if (pids === null) throw new Error(`cannot list ${ctx.procfs.root}: is procfs mounted?`);
    for (const pid of pids) {
      if (ctx.signal?.aborted) return;
      if (!scanProcess(ctx, pid)) ctx.result.skipped.processes++;
      await ctx.yielder.maybeYield();
    }
  },
};

function scanProcess(ctx: DiscoveryContext, pid: number): boolean {
  const { procfs, result } = ctx;
  const statusText = procfs.readText(procfs.path(pid, 'status'));
  const status = statusText === null ? null : parseStatus(statusText);
  if (status === null) return false;

  const links = readNamespaceLinks(ctx, pid);
  if (links === null) return false;

  const statText = procfs.readText(procfs.path(pid, 'stat'));
  const cmdline = procfs.readBytes(procfs.path(pid, 'cmdline'));
  const cgroupText = procfs.readText(procfs.path(pid, 'cgroup'));
  const cgroup = cgroupText === null ? '' : primaryCgroupPath(parseCgroup(cgroupText));
  const info: ProcessInfo = {
    pid,
    ppid: status.ppid,
    command: status.name,
    cmdline: cmdline === null ? [] : parseCmdline(cmdline),
    uid: status.uid[0] ?? -1,
    startTicks: (statText === null ? null : parseStatStartTime(statText)) ?? 0,
    nspid: status.nspid.length ? status.nspid : [pid],
    cgroup,
    container: containerFromCgroup(cgroup),
    threads: status.threads,
    namespaces: {},
  };
  const own = info.namespaces;
  result.processes.set(pid, info);

  for (const [link, ino] of links) {
    const type = typeOfLink(link);
    const id = { dev: result.nsfsDev, ino };
    const ns = namespaceFor(result, id, type);
    rememberOpenPath(ctx, id, procfs.path(pid, 'ns', link));
    if (link === type) {
      ns.pids.push(pid);
      own[type] = ino;
    } else if (own[type] !== ino) {
      ns.forChildrenPids.push(pid);
    }
  }
  return true;
}

/** [link, inode] pairs for the links the kernel has (time needs Linux 5.6); null if none readable. */
function readNamespaceLinks(ctx: DiscoveryContext, pid: number): [(typeof NS_LINKS)[number], number][] | null {
  const links: [(typeof NS_LINKS)[number], number][] = [];
  // NS_LINKS lists each type before its *_for_children twin, which the comparison above relies on.
  for (const link of NS_LINKS) {
    const target = ctx.procfs.readlink(ctx.procfs.path(pid, 'ns', link));
    const parsed = target === null ? null : parseNsLink(target);
    if (parsed !== null) links.push([link, parsed.ino]);
  }
  return links.length ? links : null;
}
