import type { Namespace } from '../model/namespace';
import { idKey, type NamespaceId } from '../model/namespaceId';
import type { DiscoveryResult } from '../model/result';
import type { IdMapRange } from '../parsers/idMap';

/** "net:[4026532315]", lsns' and readlink's way to name a namespace. */
export function nsRef(ns: Pick<Namespace, 'type' | 'id'>): string {
  return `${ns.type}:[${ns.id.ino}]`;
}

/** A referenced namespace by type and inode ("user:[4026531837]"), or the inode alone when it is not in the result. */
export function refById(result: DiscoveryResult, id: NamespaceId | null): string {
  if (!id) return '—';
  const ns = result.namespaces.get(idKey(id));
  return ns ? nsRef(ns) : `[${id.ino}]`;
}

/** "0→1000 ×65536, …": inside→outside ×count per range of a uid_map or gid_map. */
export function idMapText(map: IdMapRange[] | null): string {
  if (map === null) return 'unknown';
  if (map.length === 0) return 'none (unmapped)';
  return map.map((r) => `${r.inside}→${r.outside} ×${r.count}`).join(', ');
}
