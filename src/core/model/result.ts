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

/** The namespace with this id, created on first sight. */
export function namespaceFor(result: DiscoveryResult, id: NamespaceId, type: NsType): Namespace {
  const key = idKey(id);
  let ns = result.namespaces.get(key);
  if (!ns) {
    ns = newNamespace(id, type);
    result.namespaces.set(key, ns);
  }
  return ns;
}
