// Where a program is, looked up at each call (PATH is read then, not at start-up): terminals get
// an absolute shellPath, and a missing tool (unshare, nsenter, sudo) is reported by name before a
// terminal opens and dies.
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Where the system tools are even when a user's PATH lacks the sbin folders. */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** A system tool (ip, nsenter, sudo): on PATH first, then in the system folders. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  return firstExecutable(name, [...path.split(delimiter).filter(Boolean), ...SYSTEM_DIRS]);
}

/**
 * A desktop program (wireshark): on PATH only, so the PATH VS Code runs with decides which one
 * runs, and "not on PATH" is "not installed" (such programs live in /usr/bin, always on PATH).
 */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  return firstExecutable(name, path.split(delimiter).filter((dir) => isAbsolute(dir)));
}

function firstExecutable(name: string, dirs: string[]): string | undefined {
  const candidates = isAbsolute(name) ? [name] : dirs.map((dir) => join(dir, name));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
