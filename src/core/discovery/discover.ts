import * as fs from 'node:fs';
import type { DiscoveryResult } from '../model/result';
import { emptyResult } from '../model/result';
import { CooperativeYield } from './cooperativeYield';
import type { DiscoveryContext, DiscoverySource } from './context';
import { Procfs } from './procfs';
import { processSource } from './sourceProcesses';
import { threadSource } from './sourceThreads';
import { bindMountSource } from './sourceBindMounts';
import { fdSource } from './sourceFds';
import { hierarchySource } from './sourceHierarchy';
import { userMapSource } from './sourceUserMaps';
import { summarizeStep } from './summarize';
import { loadNsIoctl } from './nsIoctl';

export interface DiscoveryOptions {
  /** procfs root; tests may point it elsewhere. */
  procRoot?: string;
  /** Which optional sources run (all by default): processes always do. */
  threads?: boolean;
  bindMounts?: boolean;
  fds?: boolean;
  /** Parent/owner from the nsioctl addon ('auto': addon if it loads, else lsns). */
  hierarchy?: 'auto' | 'ioctl' | 'lsns' | 'off';
  /** The longest stretch discovery runs without giving the event loop a turn. */
  sliceMs?: number;
  signal?: AbortSignal;
}

/**
 * Finds every namespace visible from here: an ordered pipeline of sources over one result, as
 * lxkns does. Sources that cannot read something skip it and count it; discovery fails only when
 * procfs itself is missing.
 */
export async function discover(options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const procfs = new Procfs(options.procRoot);
  const nsfs = procfs.stat(procfs.path('self', 'ns', 'net')) ?? procfs.stat(procfs.path('self', 'ns', 'user'));
  if (nsfs === null) throw new Error(`cannot stat ${procfs.path('self', 'ns')}: is procfs mounted?`);
  const result = emptyResult(nsfs.dev, isPrivileged());
  const ctx: DiscoveryContext = {
    procfs,
    result,
    yielder: new CooperativeYield(options.sliceMs),
    openPaths: new Map(),
    nsfsMountPoints: new Set(),
    signal: options.signal,
  };
  for (const source of pipeline(options, result)) {
    options.signal?.throwIfAborted();
    await source.run(ctx);
  }
  options.signal?.throwIfAborted();
  return result;
}

function pipeline(options: DiscoveryOptions, result: DiscoveryResult): DiscoverySource[] {
  const hierarchy = options.hierarchy ?? 'auto';
  const { ioctl, problem } = hierarchy === 'ioctl' || hierarchy === 'auto' ? loadNsIoctl() : { ioctl: null, problem: null };
  if (hierarchy === 'ioctl' && ioctl === null) throw new Error(`cannot use ioctls: ${problem}`);
  if (problem !== null) result.warnings.push(`${problem}; parents and owners come from lsns instead`);
  const sources: DiscoverySource[] = [processSource];
  if (options.threads !== false) sources.push(threadSource);
  if (options.bindMounts !== false) sources.push(bindMountSource);
  if (options.fds !== false) sources.push(fdSource(ioctl));
  if (hierarchy !== 'off') sources.push(hierarchySource(ioctl));
  sources.push(userMapSource, summarizeStep);
  return sources;
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
