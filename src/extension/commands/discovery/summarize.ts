// Counts discovered namespaces per type for the summary message. Pure, so it is easy to test.
import { NS_TYPES, type NsType } from '../../../core/model/nsType';

export type CountsByType = Record<NsType, number>;

export function countByType(namespaces: Iterable<{ type: NsType }>): CountsByType {
  const counts = Object.fromEntries(NS_TYPES.map((type) => [type, 0])) as CountsByType;
  for (const ns of namespaces) counts[ns.type]++;
  return counts;
}

/** E.g. "42 namespaces (mnt 12, pid 8, …) in 310 processes". */
export function summaryText(counts: CountsByType, processCount: number): string {
  const total = NS_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const perType = NS_TYPES.map((type) => `${type} ${counts[type]}`).join(', ');
  return `${total} namespaces (${perType}) in ${processCount} processes`;
}
