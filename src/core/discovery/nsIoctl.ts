import type { NamespaceId } from '../model/namespaceId';
import type { NativeAddon } from './nativeAddon';

/** What the kernel says about one namespace through the NS_GET_* ioctls. */
export interface IoctlRecord {
  id: NamespaceId;
  /** CLONE_NEW* flag (NS_GET_NSTYPE), or null when the kernel would not say. */
  cloneFlag: number | null;
  owner: NamespaceId | null;
  parent: NamespaceId | null;
  /** NS_GET_OWNER_UID, user namespaces only. */
  ownerUid: number | null;
}

/** Numbers per record in the addon's flat arrays (NS_FIELDS in native/native.h). */
export const NS_FIELDS = 8;

/** The record at `offset` of a flat array from the addon; -1 there means "none". */
export function ioctlRecordAt(flat: number[], offset: number): IoctlRecord {
  const [dev, ino, flag, ownerDev, ownerIno, parentDev, parentIno, uid] = flat.slice(offset, offset + NS_FIELDS);
  return {
    id: { dev, ino },
    cloneFlag: flag < 0 ? null : flag,
    owner: ownerIno < 0 ? null : { dev: ownerDev, ino: ownerIno },
    parent: parentIno < 0 ? null : { dev: parentDev, ino: parentIno },
    ownerUid: uid < 0 ? null : uid,
  };
}

/** The namespace ioctls, through the native addon (native/ns_probe.c). */
export class NsIoctl {
  constructor(private readonly addon: Pick<NativeAddon, 'probe'>) {}

  /**
   * The namespace at `path` (first) and, with `ancestors`, every namespace above it through
   * owner and parent links; null when the path cannot be opened (process gone, no permission).
   */
  probe(nsPath: string, ancestors = false): IoctlRecord[] | null {
    const flat = this.addon.probe(nsPath, ancestors);
    if (flat === null) return null;
    const records: IoctlRecord[] = [];
    for (let i = 0; i + NS_FIELDS <= flat.length; i += NS_FIELDS) records.push(ioctlRecordAt(flat, i));
    return records;
  }

  /** The CLONE_NEW* flag of the namespace at `path`, or null. */
  typeOf(nsPath: string): number | null {
    return this.probe(nsPath)?.[0]?.cloneFlag ?? null;
  }
}
