import type { DiscoveryResult } from './result';
import type { Namespace } from './namespace';
import { byTypeThenInode } from './namespaceOrder';
import type { ResultFilter } from './filter';
import { filteredNamespaces } from './filter';
import { containerToJson } from './containerJson';

/** Bumped on any incompatible change of the JSON the command line prints. */
export const JSON_SCHEMA_VERSION = 1;

/** The model as plain JSON, in the shape the README documents. */
export function resultToJson(result: DiscoveryResult, filter: ResultFilter = {}) {
  const namespaces = filteredNamespaces(result, filter).sort(byTypeThenInode);
  const processes = [...result.processes.values()]
    .filter((p) => filter.pid === undefined || p.pid === filter.pid)
    .sort((a, b) => a.pid - b.pid);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    privileged: result.privileged,
    nsfsDev: result.nsfsDev,
    skipped: result.skipped,
    warnings: result.warnings,
    namespaces: namespaces.map(namespaceToJson),
    // ProcessInfo is plain data in the documented shape, but for its container.
    processes: processes.map((p) => ({ ...p, container: containerToJson(p.container) })),
  };
}

function namespaceToJson(ns: Namespace) {
  return {
    type: ns.type,
    inode: ns.id.ino,
    dev: ns.id.dev,
    pids: ns.pids,
    tids: ns.tids,
    forChildrenPids: ns.forChildrenPids,
    parent: ns.parent?.ino ?? null,
    owner: ns.owner?.ino ?? null,
    bindMounts: [...new Set(ns.bindMounts.map((m) => m.path))],
    fdRefs: ns.fdRefs,
    label: ns.label,
    ...(ns.hostname !== undefined ? { hostname: ns.hostname } : {}),
    container: containerToJson(ns.container),
    leaders: ns.leaders,
    senior: ns.senior,
    ...(ns.user ? { user: ns.user } : {}),
  };
}
