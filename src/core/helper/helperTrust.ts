// Whether a helper file on disk may be run as root: owned by root, writable by nobody else (nor
// its folders), and byte-for-byte the helper this extension ships. Anything else is refused.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type HelperTrust = { ok: true; sha256: string } | { ok: false; reason: 'missing' | 'owner' | 'writable' | 'modified'; message: string };

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const WRITABLE_BY_OTHERS = 0o022;

export function checkHelperTrust(file: string, shippedSha256: string): HelperTrust {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return { ok: false, reason: 'missing', message: `The privileged helper is not installed at ${file}.` };
  }
  if (!stat.isFile() || stat.uid !== 0) {
    return { ok: false, reason: 'owner', message: `The helper at ${file} is not owned by root (UID ${stat.uid}): it could have been changed by that user, so it is not run.` };
  }
  if (stat.mode & WRITABLE_BY_OTHERS) {
    return { ok: false, reason: 'writable', message: `The helper at ${file} is writable by group or others (mode ${(stat.mode & 0o7777).toString(8)}), so it is not run.` };
  }
  // Every folder above must be root's too: otherwise the file could be swapped by a rename.
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const folder = statSync(dir);
    const stickyRoot = (folder.mode & 0o1000) !== 0 && stat.uid === 0;
    if (folder.uid !== 0 || ((folder.mode & WRITABLE_BY_OTHERS) !== 0 && !stickyRoot)) {
      return { ok: false, reason: 'writable', message: `The folder ${dir} above the helper is not root's alone, so the helper at ${file} is not run.` };
    }
    if (dir === dirname(dir)) break;
  }
  const sha256 = sha256Of(file);
  if (sha256 !== shippedSha256) {
    return { ok: false, reason: 'modified', message: `The helper at ${file} differs from the one this extension ships (modified, or from another version), so it is not run.` };
  }
  return { ok: true, sha256 };
}
