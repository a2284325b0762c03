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

/**
 * The st_dev number (glibc's makedev encoding, which Node's fs.Stats.dev uses too) for a
 * "major:minor" pair as /proc/PID/mountinfo prints it. Arithmetic, not bit operators: JS bit
 * operators are 32-bit.
 */
export function devFromMajorMinor(major: number, minor: number): number {
  const majorHigh = Math.floor(major / 0x1000) * 0x1000;
  const minorHigh = Math.floor(minor / 0x100) * 0x100;
  return majorHigh * 2 ** 32 + (major % 0x1000) * 0x100 + minorHigh * 0x1000 + (minor % 0x100);
}
