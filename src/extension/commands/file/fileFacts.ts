import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import type { FileFacts } from '../../../core/exec/runFileArgv';

/** What deciding how to run a file needs: may we execute it, and its first line. */
export function readFileFacts(path: string): FileFacts {
  let executable = false;
  try {
    accessSync(path, constants.X_OK);
    executable = true;
  } catch {
    // Not executable: run through an interpreter.
  }
  const buffer = Buffer.alloc(256);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return { path, executable, head: buffer.subarray(0, read).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}
