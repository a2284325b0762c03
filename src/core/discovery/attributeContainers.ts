// Which container each process is in, from two kinds of evidence, in this order of trust:
//  1. The cgroup path, when it names a container of a known engine: the engine placed that very
//     process there, per container (it tells apart the containers of one Kubernetes pod, which
//     share one containerd shim).
//  2. The process ancestry: the nearest ancestor that is an engine's monitor (conmon -c ID -n NAME,
//     containerd-shim -namespace NS -id ID, systemd-nspawn --machine=NAME, lxc-start -n NAME)
//     names the container of all its descendants. It covers what the cgroup path cannot say:
//     rootless Podman without a delegated cgroup ("/"), nspawn without machined ("/payload"),
//     containerd namespaces ("/k8s.io/ID").
// The engines' own state (core/containers) only adds names and facts to these ids; it never moves
// a process. A container whose monitor runs inside another container is that one's child: nested.
// A forged monitor argv can only claim its own descendants, and they stay nested in the forger's
// container.
import type { ContainerRef } from '../model/container';
import type { NsType } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import { containersFromCgroup } from '../parsers/container';
import { containerFromMonitor } from '../parsers/containerMonitor';
import type { DiscoverySource } from './context';

/** What a container sharing with the host means something for a person (host network, host PID...). */
const HOST_SHARED_TYPES: NsType[] = ['net', 'pid', 'user', 'ipc', 'uts'];

export const attributeContainersStep: DiscoverySource = {
  name: 'containers',
  async run(ctx) {
    const processes = ctx.result.processes;
    const attribution = new Attribution(processes);
    // The host: PID 1, or where it is hidden (a sandbox's init), this very process.
    const host = [1, process.pid].map((pid) => processes.get(pid)).find((p) => p && p.namespaces.net !== undefined);
    const flagged = new Set<ContainerRef>();
    for (const info of processes.values()) {
      const container = (info.container = attribution.of(info.pid));
      if (container && host && !flagged.has(container)) {
        flagged.add(container);
        container.sharesWithHost = HOST_SHARED_TYPES.filter((type) => info.namespaces[type] !== undefined && info.namespaces[type] === host.namespaces[type]);
      }
      if (ctx.yielder.due()) await ctx.yielder.yield();
    }
  },
};

/** Memoised per PID: a process' container is its parent's unless its parent is a monitor. */
export class Attribution {
  private readonly byPid = new Map<number, ContainerRef | null>();
  /** One object per container, so that engine facts attach once and groups compare by identity. */
  private readonly refs = new Map<string, ContainerRef>();
  private readonly monitors = new Map<number, ContainerRef | null>();
  /** Parsed once per distinct cgroup path: most processes share theirs with many others. */
  private readonly cgroupChains = new Map<string, readonly ContainerRef[]>();

  constructor(private readonly processes: ReadonlyMap<number, ProcessInfo>) {}

  of(pid: number): ContainerRef | null {
    // Iterative walk up to the first ancestor already known (deep process trees must not recurse).
    const path: number[] = [];
    let current: number | undefined = pid;
    while (current !== undefined && !this.byPid.has(current)) {
      path.push(current);
      const parent: number | undefined = this.processes.get(current)?.ppid;
      // PID 0 or a parent outside what we see ends the walk; a cycle (PID reuse mid-scan) too.
      current = parent && this.processes.has(parent) && !path.includes(parent) ? parent : undefined;
    }
    for (let i = path.length - 1; i >= 0; i--) this.byPid.set(path[i], this.decide(path[i]));
    return this.byPid.get(pid) ?? null;
  }

  private decide(pid: number): ContainerRef | null {
    const info = this.processes.get(pid)!;
    const parent = this.processes.get(info.ppid);
    const monitor = parent ? this.monitorOf(parent) : null;
    // From the ancestry: a monitor parent names a new container, nested in the monitor's own.
    const inherited = parent ? (this.byPid.get(parent.pid) ?? null) : null;
    const viaAncestry = monitor ? this.intern({ ...monitor, evidence: 'ancestry' }, inherited) : inherited;
    const chain = this.cgroupChain(info.cgroup);
    const innermost = chain[chain.length - 1];
    if (!innermost) return viaAncestry;
    // The cgroup wins (it tells a pod's containers apart); the monitor adds its name and owner.
    const same = viaAncestry !== null && viaAncestry.id === innermost.id;
    if (same && viaAncestry.engine === innermost.engine) {
      viaAncestry.evidence = 'both';
      return viaAncestry;
    }
    const outer = same || chain.length < 2 ? (viaAncestry?.parent ?? null) : this.intern({ ...chain[chain.length - 2], evidence: 'cgroup' }, null);
    const fromMonitor = same ? { monitorName: viaAncestry.monitorName, ownerUid: viaAncestry.ownerUid, namespace: viaAncestry.namespace } : {};
    return this.intern(withoutUndefined({ ...innermost, ...fromMonitor, evidence: 'cgroup' }), outer);
  }

  private cgroupChain(path: string): readonly ContainerRef[] {
    let chain = this.cgroupChains.get(path);
    if (chain === undefined) {
      chain = containersFromCgroup(path);
      this.cgroupChains.set(path, chain);
    }
    return chain;
  }

  private monitorOf(process: ProcessInfo): ContainerRef | null {
    let ref = this.monitors.get(process.pid);
    if (ref === undefined) {
      ref = containerFromMonitor(process.cmdline, process.uid);
      this.monitors.set(process.pid, ref);
    }
    return ref;
  }

  private intern(ref: ContainerRef, parent: ContainerRef | null): ContainerRef {
    const key = `${ref.engine}:${ref.id}`;
    const known = this.refs.get(key);
    if (known) {
      // Later evidence fills in what the first did not have (a name from the monitor, a pod).
      known.monitorName ??= ref.monitorName;
      known.ownerUid ??= ref.ownerUid;
      known.namespace ??= ref.namespace;
      known.pod ??= ref.pod;
      return known;
    }
    const made: ContainerRef = { ...ref, ...(parent && parent !== ref ? { parent } : {}) };
    this.refs.set(key, made);
    return made;
  }
}

function withoutUndefined(ref: ContainerRef): ContainerRef {
  return Object.fromEntries(Object.entries(ref).filter(([, value]) => value !== undefined)) as unknown as ContainerRef;
}
