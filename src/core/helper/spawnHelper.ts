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
}

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
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
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
