import type { Namespace } from './namespace';
import type { NamespaceId } from './namespaceId';
import { idKey } from './namespaceId';
import type { NsType } from './nsType';
import type { ProcessInfo } from './process';
import { newNamespace } from './namespace';

/** What discovery could not look at, by kind; never a reason to fail. */
export interface SkipCounts {
  /** Processes that exited mid-scan or whose namespace links could not be read. */
  processes: number;
  threads: number;
  fds: number;
  /** Mount namespaces whose mountinfo could not be read. */
  mountNamespaces: number;
}

export interface DiscoveryResult {
  namespaces: Map<string, Namespace>;
  processes: Map<number, ProcessInfo>;
  skipped: SkipCounts;
  /** Device number of the nsfs filesystem the namespaces live on. */
  nsfsDev: number;
  /** Whether discovery ran with root privileges (CAP_SYS_PTRACE over every process). */
  privileged: boolean;
  warnings: string[];
}

export function emptyResult(nsfsDev: number, privileged: boolean): DiscoveryResult {
  return {
    namespaces: new Map(),
    processes: new Map(),
    skipped: { processes: 0, threads: 0, fds: 0, mountNamespaces: 0 },
    nsfsDev,
    privileged,
    warnings: [],
  };
}

/**
 * The namespace with this id, created on first sight; null when the id is already known with
 * another type. That happens only when a namespace died during the scan and the kernel gave its
 * inode to a new one: the two cannot both be held under one id, so the later sighting is dropped
 * (with a warning) rather than filed under the wrong type.
 */
export function namespaceFor(result: DiscoveryResult, id: NamespaceId, type: NsType): Namespace | null {
  const key = idKey(id);
  let ns = result.namespaces.get(key);
  if (!ns) {
    ns = newNamespace(id, type);
    result.namespaces.set(key, ns);
  } else if (ns.type !== type) {
    const warning = `namespace inode ${id.ino} was reused during the scan (${ns.type}, then ${type}): the ${type} sighting is left out`;
    if (!result.warnings.includes(warning)) result.warnings.push(warning);
    return null;
  }
  return ns;
}
