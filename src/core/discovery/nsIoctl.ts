import * as path from 'node:path';
import * as fs from 'node:fs';
import type { NamespaceId } from '../model/namespaceId';

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

/** The native addon's interface (native/nsioctl.c). */
interface Addon {
  probe(path: string): number[] | null;
}

const FIELDS = 8;

/** Access to the namespace ioctls through the nsioctl Node-API addon. */
export class NsIoctl {
  constructor(private readonly addon: Addon) {}

  /**
   * The namespace at `path` and every namespace above it through owner and parent links, or
   * null when the path cannot be opened (process gone, no permission).
   */
  probe(nsPath: string): IoctlRecord[] | null {
    const flat = this.addon.probe(nsPath);
    if (flat === null) return null;
    const records: IoctlRecord[] = [];
    for (let i = 0; i + FIELDS <= flat.length; i += FIELDS) {
      const [dev, ino, flag, ownerDev, ownerIno, parentDev, parentIno, uid] = flat.slice(i, i + FIELDS);
      records.push({
        id: { dev, ino },
        cloneFlag: flag < 0 ? null : flag,
        owner: ownerIno < 0 ? null : { dev: ownerDev, ino: ownerIno },
        parent: parentIno < 0 ? null : { dev: parentDev, ino: parentIno },
        ownerUid: uid < 0 ? null : uid,
      });
    }
    return records;
  }

  /** The CLONE_NEW* flag of the namespace at `path`, or null. */
  typeOf(nsPath: string): number | null {
    return this.probe(nsPath)?.[0]?.cloneFlag ?? null;
  }
}

/** Where the addon may be: next to the bundle (dist/, the .vsix) or in the source tree's build. */
function addonCandidates(): string[] {
  return [
    path.join(__dirname, 'nsioctl.node'),
    path.join(__dirname, '..', '..', '..', 'native', 'build', 'Release', 'nsioctl.node'),
    path.join(__dirname, '..', 'native', 'build', 'Release', 'nsioctl.node'),
  ];
}

/** Loads the addon; returns null with the reason when it is missing or does not load. */
export function loadNsIoctl(): { ioctl: NsIoctl | null; problem: string | null } {
  const found = addonCandidates().find((candidate) => fs.existsSync(candidate));
  if (found === undefined) return { ioctl: null, problem: 'the nsioctl addon is not built (npm run build:native)' };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { ioctl: new NsIoctl(require(found) as Addon), problem: null };
  } catch (error) {
    return { ioctl: null, problem: `the nsioctl addon did not load: ${(error as Error).message}` };
  }
}
