import * as fs from 'node:fs';
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
  const result = emptyResult(nsfsDev, snapshot ? true : isPrivileged());
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
  const extra: DiscoverySource[] = [];
  if (snapshot) {
    chunks = async function* () {
      yield snapshot.chunk;
    };
    ioctl = new NsIoctl({ probe: (path, ancestors) => snapshotProbe(snapshot, path, ancestors) });
  } else {
    const addon = nativeAddon();
    chunks = nativeChunks(addon, options.scanNice);
    ioctl = new NsIoctl(addon);
    // A helper's snapshot names paths this process may not open: its hostnames stay unknown.
    extra.push(hostnameSource(addon));
  }
  const pipeline: DiscoverySource[] = [
    taskSource(chunks, ioctl),
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

/** Root can read every process' namespace links; anyone else sees only their own processes'. */
function isPrivileged(): boolean {
  return process.getuid?.() === 0 || hasCapSysPtrace();
}

function hasCapSysPtrace(): boolean {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const match = /^CapEff:\s*([0-9a-f]+)$/m.exec(status);
    // CAP_SYS_PTRACE is capability 19.
    return match !== null && (BigInt(`0x${match[1]}`) & (1n << 19n)) !== 0n;
  } catch {
    return false;
  }
}
