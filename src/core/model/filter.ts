import type { DiscoveryResult } from './result';
import type { Namespace } from './namespace';
import type { NsType } from './nsType';

export interface ResultFilter {
  /** Keep only these types (all when empty or absent). */
  types?: readonly NsType[];
  /** Keep only the namespaces this process is in, those its children will be in, and those it holds open. */
  pid?: number;
}

/** Whether a namespace passes the filter; the result itself is not changed. */
export function namespaceMatches(ns: Namespace, filter: ResultFilter): boolean {
  if (filter.types?.length && !filter.types.includes(ns.type)) return false;
  if (filter.pid !== undefined) {
    const pid = filter.pid;
    return ns.pids.includes(pid) || ns.forChildrenPids.includes(pid) || ns.fdRefs.some((ref) => ref.pid === pid);
  }
  return true;
}

export function filteredNamespaces(result: DiscoveryResult, filter: ResultFilter): Namespace[] {
  return [...result.namespaces.values()].filter((ns) => namespaceMatches(ns, filter));
}
