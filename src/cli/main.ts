import { writeSync } from 'node:fs';
import { runCli } from './runCli';

/**
 * Writes all of `text` to a file descriptor synchronously, so that the process can exit as soon
 * as the output is out (a large JSON on a pipe would otherwise be flushed asynchronously).
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      // A non-blocking pipe that is full: wait a moment for the reader.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

const stdout = { write: (text: string) => writeAll(1, text) };
const stderr = { write: (text: string) => writeAll(2, text) };

runCli(process.argv.slice(2), stdout, stderr).then(
  // Exit at once: tearing down the heap of a large discovery takes longer than the OS does.
  (code) => process.exit(code),
  (error: unknown) => {
    stderr.write(`nsinspect: ${(error as Error).message ?? error}\n`);
    process.exit(1);
  },
);
