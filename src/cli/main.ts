import { writeSync } from 'node:fs';
import { nativeAddon } from '../core/discovery/nativeAddon';
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
      const code = (error as NodeJS.ErrnoException).code;
      // The reader went away (`nsinspect discover --json | head`): stop quietly, with the status
      // a shell gives a program that SIGPIPE ended (Node ignores that signal).
      if (code === 'EPIPE') exit(128 + 13);
      // A non-blocking pipe that is full: wait a moment for the reader.
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

const stdout = { write: (text: string) => writeAll(1, text) };
const stderr = { write: (text: string) => writeAll(2, text) };

/**
 * Exits at once, all output being written: Node's own exit waits for background work (an
 * optimizing compile, concurrent marking) and tears down the heap of a large discovery, which
 * took 5 to 200 ms; the OS frees it all faster.
 */
function exit(code: number): never {
  try {
    nativeAddon().exitNow(code);
  } catch {
    /* no addon: Node's own exit */
  }
  process.exit(code);
}

runCli(process.argv.slice(2), stdout, stderr).then(exit, (error: unknown) => {
  stderr.write(`nsinspect: ${(error as Error).message ?? error}\n`);
  exit(1);
});
