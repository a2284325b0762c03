// Reading one process' /proc files for Inspect Process: each read either gives the text or
// records what could not be read and why (EACCES, ENOENT...), so a report never hides a gap.
import * as fs from 'node:fs';

export class ProcReader {
  readonly unreadable: { what: string; why: string }[] = [];

  constructor(readonly procRoot: string, readonly pid: number) {}

  path(relative: string): string {
    return `${this.procRoot}/${this.pid}/${relative}`;
  }

  /** The text of a file (at most `max` bytes), or null with the reason recorded under `what`. */
  text(relative: string, what = relative, max = 4 * 1024 * 1024): string | null {
    return this.textAt(this.path(relative), what, max);
  }

  textAt(path: string, what: string, max = 4 * 1024 * 1024, record = true): string | null {
    let fd: number | undefined;
    try {
      fd = fs.openSync(path, 'r');
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.alloc(Math.min(65536, max + 1 - total));
        const n = fs.readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        chunks.push(chunk.subarray(0, n));
        total += n;
        if (total > max) break;
      }
      return Buffer.concat(chunks).subarray(0, max).toString('utf8');
    } catch (error) {
      if (record) this.note(what, error);
      return null;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** A file that may be absent for a good reason (no such LSM, no IPv6): no note. */
  optional(relative: string): string | null {
    return this.textAt(this.path(relative), relative, 1024 * 1024, false);
  }

  link(relative: string): string | null {
    try {
      return fs.readlinkSync(this.path(relative));
    } catch (error) {
      this.note(relative, error);
      return null;
    }
  }

  entries(relative: string): string[] {
    try {
      return fs.readdirSync(this.path(relative));
    } catch (error) {
      this.note(relative, error);
      return [];
    }
  }

  note(what: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code;
    this.unreadable.push({ what, why: code ? `${code}: ${(error as Error).message.replace(/^[A-Z]+: /, '')}` : String(error) });
  }
}
