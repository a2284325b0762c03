import type { DiscoveryResult } from '../model/result';
import type { NamespaceId } from '../model/namespaceId';
import { idKey } from '../model/namespaceId';
import type { Procfs } from './procfs';
import type { CooperativeYield } from './cooperativeYield';
import type { IoctlRecord } from './nsIoctl';
import type { NsfsMountsRecord } from './scanRecords';

/** What the sources of one discovery run share: the result they fill and a few working notes. */
export interface DiscoveryContext {
  readonly procfs: Procfs;
  readonly result: DiscoveryResult;
  readonly yielder: CooperativeYield;
  /** Namespace key -> a path that opens it (for the ioctls): the first reference seen. */
  readonly openPaths: Map<string, string>;
  /** Namespaces the native scan described through the ioctls, for the hierarchy step. */
  readonly scannedNamespaces: IoctlRecord[];
  /** nsfs mountinfo lines the native scan read, by mount namespace inode, for the bind-mount step. */
  readonly scannedMounts: Map<number, NsfsMountsRecord>;
  /** Stops early (e.g. when the user cancels): sources check it between batches. */
  readonly signal?: AbortSignal;
}

/** Remembers a path that opens the namespace, keeping the first one (a process' link is cheapest). */
export function rememberOpenPath(ctx: DiscoveryContext, id: NamespaceId, path: string): void {
  const key = idKey(id);
  if (!ctx.openPaths.has(key)) ctx.openPaths.set(key, path);
}

/** One step of the discovery pipeline. */
export interface DiscoverySource {
  readonly name: string;
  run(ctx: DiscoveryContext): Promise<void>;
}
