// Where a program is on PATH: terminals get an absolute shellPath, and a missing tool (unshare,
// nsenter, sudo) is reported by name before a terminal opens and dies.
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = isAbsolute(name) ? [name] : [...path.split(delimiter).filter(Boolean), ...SYSTEM_DIRS].map((dir) => join(dir, name));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
