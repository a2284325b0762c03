import type { DiscoveryResult } from '../model/result';
import { emptyResult } from '../model/result';
import { CooperativeYield } from './cooperativeYield';
import type { DiscoveryContext, DiscoverySource } from './context';
import { Procfs } from './procfs';
import { nativeAddon } from './nativeAddon';
import { NsIoctl } from './nsIoctl';
import { nativeChunks, taskSource, type ChunkProvider } from './sourceTasks';
import { type HelperSnapshot, snapshotProbe } from './helperSnapshot';
import { SnapshotProcfs } from './snapshotProcfs';
import { bindMountSource } from './sourceBindMounts';
import { hierarchySource } from './sourceHierarchy';
import { userMapSource } from './sourceUserMaps';
import { summarizeStep } from './summarize';
import { attributeContainersStep } from './attributeContainers';
import { canReadEveryProcess } from '../exec/callerPrivilege';
import { hostnameSource } from './sourceHostnames';

export interface DiscoveryOptions {
  /** procfs root; tests may point it elsewhere. */
  procRoot?: string;
  /** The longest stretch discovery runs on the event loop without giving it a turn. */
  sliceMs?: number;
  signal?: AbortSignal;
  /** The native scan threads' nice value; see ScanRequest.nice (default 10). */
  scanNice?: number;
  /**
   * Discover from a privileged helper's snapshot (read as root) instead of reading procfs here:
   * the same pipeline and parsers, other raw data.
   */
  snapshot?: HelperSnapshot;
  /**
   * The caller's last discovery from the same procfs: its processes that still run with the
   * same start time are not read in full again (status, cmdline and cgroup are kept; their
   * namespaces, threads and fds are read as for any other). Ignored with a snapshot.
   */
  previous?: DiscoveryResult;
}

/**
 * Finds every namespace visible from here: an ordered pipeline of sources over one result, as
 * lxkns does. Sources that cannot read something skip it and count it; discovery fails only when
 * procfs itself or the native addon is missing.
 */
export async function discover(options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const snapshot = options.snapshot;
  const procfs = snapshot ? new SnapshotProcfs(snapshot) : new Procfs(options.procRoot);
  let nsfsDev = snapshot?.nsfsDev;
  if (nsfsDev === undefined) {
    const nsfs = procfs.stat(procfs.path('self', 'ns', 'user'));
    if (nsfs === null) throw new Error(`cannot stat ${procfs.path('self', 'ns', 'user')}: is procfs mounted?`);
    nsfsDev = nsfs.dev;
  }
  const result = emptyResult(nsfsDev, snapshot ? true : canReadEveryProcess());
  const ctx: DiscoveryContext = {
    procfs,
    result,
    yielder: new CooperativeYield(options.sliceMs),
    openPaths: new Map(),
    scannedNamespaces: [],
    scannedMounts: new Map(),
    signal: options.signal,
  };
  let chunks: ChunkProvider;
  let ioctl: NsIoctl;
  // A base from the same procfs only: a snapshot has no use for it.
  const previous = !snapshot && options.previous?.nsfsDev === nsfsDev ? options.previous.processes : undefined;
  const extra: DiscoverySource[] = [];
  if (snapshot) {
    chunks = async function* () {
      yield snapshot.chunk;
    };
    ioctl = new NsIoctl({ probe: (path, ancestors) => snapshotProbe(snapshot, path, ancestors) });
  } else {
    const addon = nativeAddon();
    chunks = nativeChunks(addon, options.scanNice, previous);
    ioctl = new NsIoctl(addon);
    // A helper's snapshot names paths this process may not open: its hostnames stay unknown.
    extra.push(hostnameSource(addon));
  }
  const pipeline: DiscoverySource[] = [
    taskSource(chunks, ioctl, previous),
    attributeContainersStep,
    bindMountSource,
    hierarchySource(ioctl),
    userMapSource,
    ...extra,
    summarizeStep,
  ];
  for (const source of pipeline) {
    options.signal?.throwIfAborted();
    await source.run(ctx);
  }
  options.signal?.throwIfAborted();
  return result;
}
