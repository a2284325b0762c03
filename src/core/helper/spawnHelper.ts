// Runs the helper (or its elevation prefix) as a child with an argv, never a shell; collects
// stdout and stderr and the exit code. A non-zero exit is a result here, not an exception: the
// caller decides what it means (and logs it).
import { spawn, type ChildProcess } from 'node:child_process';

export interface HelperProcessResult {
  exitCode: number;
  /** Set when a signal ended it. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface SpawnHelperOptions {
  /** Written to stdin, which is then closed (sudo -S reads the password from it). */
  stdin?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** More stdout than this ends the child and rejects (default MAX_HELPER_STDOUT). */
  maxStdoutBytes?: number;
}

/**
 * The most stdout kept of one helper run: above the helper's own cap on its snapshot (128 MiB,
 * SNAPSHOT_CAP), so that its message wins; an older helper with no cap is stopped here.
 */
export const MAX_HELPER_STDOUT = 144 * 1024 * 1024;

export function spawnHelper(argv: readonly string[], options: SpawnHelperOptions = {}): Promise<HelperProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(argv[0], argv.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
      timeout: options.timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const max = options.maxStdoutBytes ?? MAX_HELPER_STDOUT;
    let kept = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      kept += chunk.length;
      if (kept <= max) return void out.push(chunk);
      // Closing the pipe ends a helper still writing (even one running as root, past sudo).
      out.length = 0;
      child.stdout!.destroy();
      child.kill('SIGTERM');
      reject(new Error(`${argv[0]} wrote more than ${max} bytes: stopped reading`));
    });
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(options.stdin ?? '');
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        exitCode: code ?? -1,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: performance.now() - started,
      }),
    );
  });
}
