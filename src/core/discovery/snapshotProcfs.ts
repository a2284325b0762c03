import type { HelperSnapshot } from './helperSnapshot';
import { Procfs } from './procfs';

/**
 * procfs as the privileged helper's snapshot saw it: the files it copied, nothing else. The later
 * discovery steps read through this exactly as they read the live /proc.
 */
export class SnapshotProcfs extends Procfs {
  constructor(private readonly snapshot: HelperSnapshot) {
    super('/proc');
  }

  override readlink(): string | null {
    return null;
  }

  override stat(): null {
    return null;
  }

  override readBytes(path: string): Buffer | null {
    const text = this.snapshot.files.get(path);
    return text === undefined ? null : Buffer.from(text, 'utf8');
  }
}
