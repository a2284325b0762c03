/**
 * A namespace is identified by the device and inode of its nsfs file, as lxkns does: the inode
 * alone is unique only within one nsfs instance.
 */
export interface NamespaceId {
  readonly dev: number;
  readonly ino: number;
}

/** A stable string key for maps: "dev:ino". */
export function idKey(id: NamespaceId): string {
  return `${id.dev}:${id.ino}`;
}

export function sameId(a: NamespaceId | null | undefined, b: NamespaceId | null | undefined): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
}
