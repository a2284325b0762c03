import * as fs from 'node:fs';

/**
 * Reads procfs under a configurable root (tests can point it at a fixture tree). Every method
 * returns null instead of throwing when the entry is gone or not ours to read: processes exit
 * mid-scan all the time, and discovery must never fail because of that.
 *
 * Reads are synchronous on purpose: procfs never blocks on I/O, and one sync call costs a few
 * microseconds where an async one costs a thread-pool round trip. The caller yields to the event
 * loop between batches (see CooperativeYield).
 */
export class Procfs {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  constructor(readonly root = '/proc') {}

  path(...parts: (string | number)[]): string {
    return `${this.root}/${parts.join('/')}`;
  }

  readlink(path: string): string | null {
    try {
      return fs.readlinkSync(path);
    } catch {
      return null;
    }
  }

  stat(path: string): fs.Stats | null {
    try {
      return fs.statSync(path);
    } catch {
      return null;
    }
  }

  /** The raw bytes of a proc file; the result is a copy, safe to keep. */
  readBytes(path: string): Buffer | null {
    let fd: number;
    try {
      fd = fs.openSync(path, 'r');
    } catch {
      return null;
    }
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const n = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return Buffer.from(this.buffer.subarray(0, length));
    } catch {
      return null;
    } finally {
      fs.closeSync(fd);
    }
  }

  readText(path: string): string | null {
    const bytes = this.readBytes(path);
    return bytes === null ? null : bytes.toString('utf8');
  }
}
