import { availableParallelism } from 'node:os';
import { CLONE_FLAG_TO_TYPE, NS_LINKS, isNsType, typeOfLink } from '../model/nsType';
import type { NsType } from '../model/nsType';
import type { Namespace } from '../model/namespace';
import type { ProcessInfo } from '../model/process';
import type { ContainerRef } from '../model/container';
import { namespaceFor } from '../model/result';
import { parseNspid } from '../parsers/status';
import { parseNsLink } from '../parsers/nsLink';
import { parseCappedCmdline } from '../parsers/cmdline';
import { parseCgroup, primaryCgroupPath } from '../parsers/cgroup';
import { containerFromCgroup } from '../parsers/container';
import { parseMountinfo, nsfsMounts } from '../parsers/mountinfo';
import type { DiscoveryContext, DiscoverySource } from './context';
import { rememberOpenPath } from './context';
import type { NativeAddon } from './nativeAddon';
import type { NsIoctl } from './nsIoctl';
import type { ScanChunk, TaskRecord } from './scanRecords';
import { decodeScan } from './scanRecords';
import { scanChunks } from './scanChunks';

/**
 * Every process under /proc, with its threads and open namespace fds: what each is, which
 * namespaces it is in, which other namespaces its threads are in, and which namespaces it holds
 * open. The native scan reads procfs on threads of its own; this side parses each chunk as it
 * comes.
 * A process that exits mid-scan or that we may not inspect is skipped and counted.
 */
export function taskSource(chunks: ChunkProvider, ioctl: NsIoctl, previous?: ReadonlyMap<number, ProcessInfo>): DiscoverySource {
  return {
    name: 'processes',
    async run(ctx) {
      const applier = new TaskApplier(ctx, ioctl, previous);
      const consume = async (provided: AsyncIterable<ScanChunk>) => {
        for await (const chunk of provided) {
          for (const record of chunk.tasks) {
            if (ctx.signal?.aborted) return;
            applier.apply(record);
            if (ctx.yielder.due()) await ctx.yielder.yield();
          }
          ctx.scannedNamespaces.push(...chunk.namespaces);
          for (const mounts of chunk.mounts) ctx.scannedMounts.set(mounts.mntns, mounts);
        }
      };
      await consume(chunks(ctx));
      // Known processes whose command name changed have exec'd: their cmdline is read again.
      if (applier.reread.length > 0) await consume(chunks(ctx, applier.reread));
    },
  };
}

/**
 * Where task records come from: the native scan here, or a privileged helper's snapshot. With
 * `only`, just those processes, read in full (a provider that never yields 'known' records never
 * gets it).
 */
export type ChunkProvider = (ctx: DiscoveryContext, only?: number[]) => AsyncIterable<ScanChunk>;

/**
 * The native scan of procfs, decoded chunk by chunk as its threads deliver them. `previous`, the
 * processes of the caller's last discovery, lets the scan read only what can change of those
 * still running (see TaskApplier.apply).
 */
export function nativeChunks(addon: NativeAddon, nice?: number, previous?: ReadonlyMap<number, ProcessInfo>): ChunkProvider {
  return async function* (ctx, only) {
    const { procfs, result } = ctx;
    const ownPidNs = parseNsLink(procfs.readlink(procfs.path('self', 'ns', 'pid')) ?? '')?.ino ?? 0;
    const buffers = scanChunks(addon, {
      procRoot: procfs.root,
      pids: only ?? null,
      known: only || !previous ? null : knownPairs(previous),
      nsfsDev: result.nsfsDev,
      ownPidNs,
      fdCandidates: ownNsfsMountPoints(ctx),
      // Twice the cores: a scanning thread often waits inside the kernel (measured: 4 threads on
      // 2 cores were ~15% faster than 2). They run at a lower priority than this thread.
      threads: Math.min(2 * availableParallelism(), 8),
      nice,
    }, ctx.signal);
    for await (const buffer of buffers) yield decodeScan(buffer);
  };
}

/** pid, start time pairs sorted by pid, as the native scan takes them. */
function knownPairs(previous: ReadonlyMap<number, ProcessInfo>): number[] {
  const pids = [...previous.keys()].sort((a, b) => a - b);
  const pairs = new Array<number>(pids.length * 2);
  for (let i = 0; i < pids.length; i++) {
    pairs[2 * i] = pids[i];
    pairs[2 * i + 1] = previous.get(pids[i])!.startTicks;
  }
  return pairs;
}

/** nsfs mount points of our own mount namespace: fds opened through them show these paths. */
function ownNsfsMountPoints(ctx: DiscoveryContext): string[] {
  const text = ctx.procfs.readText(ctx.procfs.path('self', 'mountinfo'));
  return text === null ? [] : nsfsMounts(parseMountinfo(text)).map((mount) => mount.mountPoint);
}

/** Most processes share their cgroup file with others: parse each distinct one once. */
class CgroupCache {
  private readonly seen = new Map<string, { path: string; container: ContainerRef | null }>();
  private readonly byPath = new Map<string, ContainerRef | null>();

  /** The container a cgroup path names (for a process whose path is known from before). */
  containerOf(path: string): ContainerRef | null {
    let found = this.byPath.get(path);
    if (found === undefined) {
      found = containerFromCgroup(path);
      this.byPath.set(path, found);
    }
    return found;
  }

  lookup(text: string): { path: string; container: ContainerRef | null } {
    let found = this.seen.get(text);
    if (!found) {
      const path = primaryCgroupPath(parseCgroup(text));
      found = { path, container: containerFromCgroup(path) };
      this.seen.set(text, found);
    }
    return found;
  }
}

/** Files task records into the result, remembering what many records share. */
class TaskApplier {
  private readonly cgroups = new CgroupCache();
  /**
   * Namespaces on the nsfs device by inode: thousands of processes share a few namespaces, and a
   * number-keyed lookup is much cheaper than building the "dev:ino" key for every link.
   */
  private readonly knownByIno = new Map<number, Namespace>();

  /** Known processes that exec'd since the last discovery: to be read again in full. */
  readonly reread: number[] = [];

  constructor(
    private readonly ctx: DiscoveryContext,
    private readonly ioctl: NsIoctl,
    private readonly previous?: ReadonlyMap<number, ProcessInfo>,
  ) {}

  apply(record: TaskRecord): void {
    const { result } = this.ctx;
    let info: ProcessInfo;
    if (record.state === 'known') {
      // The same process (PID and start time) as last time: its NSpid and cgroup are as they
      // were; its cmdline too, unless it exec'd, which its command name tells.
      const before = this.previous?.get(record.pid);
      if (!before || before.startTicks !== record.startTicks || before.command !== record.comm) {
        this.reread.push(record.pid);
        return;
      }
      info = this.knownProcessInfo(record, before);
    } else if (record.state === 'read') {
      info = this.processInfo(record);
    } else {
      result.skipped.processes++;
      return;
    }
    result.processes.set(info.pid, info);
    this.fileLinks(record, info);
    this.fileThreads(record);
    this.fileFds(record);
  }

  private processInfo(record: TaskRecord): ProcessInfo {
    const nspid = record.status ? parseNspid(record.status) : [];
    const cgroup = this.cgroups.lookup(record.cgroup);
    const cmdline = parseCappedCmdline(record.cmdline, record.cmdlineCut);
    return {
      pid: record.pid,
      ppid: record.ppid,
      command: record.comm,
      cmdline: cmdline.args,
      cmdlineTruncated: cmdline.truncated,
      uid: record.uid,
      startTicks: record.startTicks,
      nspid: nspid.length ? nspid : [record.pid],
      cgroup: cgroup.path,
      container: cgroup.container,
      threads: record.threads,
      namespaces: {},
    };
  }

  /** A process read before: what can change from this scan, the rest from the last discovery. */
  private knownProcessInfo(record: TaskRecord, before: ProcessInfo): ProcessInfo {
    return {
      pid: record.pid,
      ppid: record.ppid,
      command: record.comm,
      cmdline: before.cmdline,
      cmdlineTruncated: before.cmdlineTruncated,
      uid: record.uid,
      startTicks: record.startTicks,
      nspid: before.nspid,
      cgroup: before.cgroup,
      container: this.cgroups.containerOf(before.cgroup),
      threads: record.threads,
      namespaces: {},
    };
  }

  /** The process' own namespaces, and those its pid_for_children/time_for_children name. */
  private fileLinks(record: TaskRecord, info: ProcessInfo): void {
    // Each type comes before its *_for_children twin in NS_LINKS, so its own inode is known first.
    for (let i = 0; i < NS_LINKS.length; i++) {
      const ino = record.links[i];
      if (ino === 0) continue;
      const link = NS_LINKS[i];
      const type = typeOfLink(link);
      const ns = this.namespaceByIno(ino, type, record.pid, link);
      if (ns === null) continue;
      if (link === type) {
        ns.pids.push(record.pid);
        info.namespaces[type] = ino;
      } else if (info.namespaces[type] !== ino) {
        ns.forChildrenPids.push(record.pid);
      }
    }
  }

  /**
   * The namespace on the nsfs device with this inode; null if it was reused during the scan. The
   * path that opens it (through `pid`'s `link`) is built only the first time: most links name a
   * namespace seen before.
   */
  private namespaceByIno(ino: number, type: NsType, pid: number, link: string): Namespace | null {
    const known = this.knownByIno.get(ino);
    if (known?.type === type) return known;
    const id = { dev: this.ctx.result.nsfsDev, ino };
    const ns = namespaceFor(this.ctx.result, id, type);
    if (ns !== null && !known) {
      rememberOpenPath(this.ctx, id, this.ctx.procfs.path(pid, 'ns', link));
      this.knownByIno.set(ino, ns);
    }
    return ns;
  }

  private fileThreads(record: TaskRecord): void {
    const { result, procfs } = this.ctx;
    for (const thread of record.threadRefs) {
      const id = { dev: result.nsfsDev, ino: thread.ino };
      namespaceFor(result, id, thread.type)?.tids.push(thread.tid);
      rememberOpenPath(this.ctx, id, procfs.path(record.pid, 'task', thread.tid, 'ns', thread.type));
    }
    result.skipped.threads += record.unreadableThreads;
  }

  private fileFds(record: TaskRecord): void {
    const { result, procfs } = this.ctx;
    if (record.fds === null) {
      result.skipped.fds++;
      return;
    }
    for (const ref of record.fds) {
      const path = procfs.path(record.pid, 'fd', ref.fd);
      // An fd opened through a bind mount names no type: the namespace may be known already.
      const known = ref.type === null && ref.dev === result.nsfsDev ? this.knownByIno.get(ref.ino)?.type : undefined;
      const type = known ?? fdType(ref.type, path, this.ioctl);
      if (type === null) continue;
      const id = { dev: ref.dev, ino: ref.ino };
      const ns = namespaceFor(result, id, type);
      if (ns === null) continue;
      ns.fdRefs.push({ pid: record.pid, fd: ref.fd });
      if (ref.dev === result.nsfsDev && !this.knownByIno.has(ref.ino)) this.knownByIno.set(ref.ino, ns);
      rememberOpenPath(this.ctx, id, path);
    }
  }
}

/** The type an fd link names, or for a bind-mount path what NS_GET_NSTYPE says. */
function fdType(named: string | null, path: string, ioctl: NsIoctl): NsType | null {
  if (named !== null) return isNsType(named) ? named : null;
  const flag = ioctl.typeOf(path);
  return (flag === null ? undefined : CLONE_FLAG_TO_TYPE.get(flag)) ?? null;
}
