// The one way the product runs an external program (ip, nsenter, the helper through pkexec or
// sudo, the installer's steps): an argv array on execa, never a shell; a timeout, cancellation
// through an AbortSignal and a cap on what is kept of the output all end the program (and close
// its pipes, so a grandchild holding them cannot keep us waiting); one log line per run through
// the RunLogger (runLog.ts). Terminals the user types in are not runs and do not come here.
import type { Readable, Writable } from 'node:stream';
import { runLogger, runLogLine, runStartLine, type RunLogger, type RunOutcome } from './runLog';

/** Why a run did not give a result the caller can use. */
export type ToolFailure = 'exit' | 'timedOut' | 'cancelled' | 'outputCap' | 'notFound' | 'failed';

/** A command that failed, with what it printed on stderr so the user sees why. */
export class ToolError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly exitCode: number | undefined,
    readonly stderr: string,
    message: string,
    readonly reason: ToolFailure = 'exit',
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Whether an error means the user (or a newer request) cancelled: say so, do not report a failure. */
export function isCancellation(error: unknown): boolean {
  return (error instanceof ToolError && error.reason === 'cancelled') || (error instanceof Error && error.name === 'AbortError');
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/** How one run ended when it ran to its own end (an exit code, or a signal from elsewhere). */
export interface RunResult extends ToolOutput {
  argv: readonly string[];
  /** -1 when a signal ended it. */
  exitCode: number;
  signal: NodeJS.Signals | null;
  durationMs: number;
}

/** The default time a run may take before it is killed. */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** The default most bytes kept of stdout (and of stderr); more ends the run. */
export const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
/** How long a program may ignore SIGTERM before SIGKILL. */
const FORCE_KILL_AFTER_MS = 2_000;

export interface RunOptions {
  /** Written to stdin, which is then closed (nothing: stdin is closed at once). */
  input?: string;
  signal?: AbortSignal;
  /** 0: no limit. */
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** Instead of the process-wide logger (tests). */
  log?: RunLogger;
}

type Subprocess = import('execa').ResultPromise<{ encoding: 'buffer'; reject: false }>;

/**
 * Runs argv to its end. Resolves with the exit code (or the signal that ended it) and the output;
 * rejects with a ToolError when there is no such result: the program is missing or cannot start,
 * it timed out, was cancelled, or wrote more than the cap.
 */
export async function runProgram(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const { execa } = await loadExeca();
  const log = options.log ?? runLogger();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  let ended: 'timedOut' | 'outputCap' | undefined;
  if (options.signal?.aborted) {
    log?.debug(runLogLine(argv, { kind: 'cancelled' }, 0));
    throw new ToolError(argv, undefined, '', `${argv[0]}: cancelled`, 'cancelled');
  }
  const subprocess: Subprocess = execa(argv[0], argv.slice(1), {
    input: options.input ?? '',
    encoding: 'buffer',
    reject: false,
    stripFinalNewline: false,
    cancelSignal: options.signal,
    forceKillAfterDelay: FORCE_KILL_AFTER_MS,
    // One byte over the cap, so that the watcher below sees it was passed.
    maxBuffer: maxBytes + 1,
  });
  const stop = (why?: 'timedOut' | 'outputCap') => {
    ended ??= why;
    subprocess.kill();
    // A grandchild may hold the pipes open after the child is gone: stop waiting for them.
    subprocess.stdout?.destroy();
    subprocess.stderr?.destroy();
  };
  const onAbort = () => stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs > 0 ? setTimeout(() => stop('timedOut'), timeoutMs) : undefined;
  for (const stream of [subprocess.stdout, subprocess.stderr]) {
    let seen = 0;
    // Closing the pipe also ends a child we may not signal (one running as root, past sudo).
    stream?.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) stop('outputCap');
    });
  }
  const result = await subprocess;
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  const durationMs = performance.now() - started;
  const stdout = Buffer.from(result.stdout ?? []).toString('utf8');
  const stderr = Buffer.from(result.stderr ?? []).toString('utf8');
  const outcome = outcomeOf(result, ended === 'timedOut' ? { kind: 'timedOut', timeoutMs } : ended === 'outputCap' || result.isMaxBuffer ? { kind: 'outputCap', maxBytes } : undefined);
  log?.debug(runLogLine(argv, outcome, durationMs));
  const program = argv[0];
  switch (outcome.kind) {
    case 'exit':
    case 'signal':
      return { argv, stdout, stderr, exitCode: result.exitCode ?? -1, signal: (result.signal as NodeJS.Signals | undefined) ?? null, durationMs };
    case 'timedOut':
      throw new ToolError(argv, undefined, stderr.trim(), `${program} failed: timed out after ${timeoutMs} ms`, 'timedOut');
    case 'cancelled':
      throw new ToolError(argv, undefined, stderr.trim(), `${program}: cancelled`, 'cancelled');
    case 'outputCap':
      throw new ToolError(argv, undefined, stderr.trim(), `${program} wrote more than ${maxBytes} bytes: stopped reading`, 'outputCap');
    case 'notFound':
      throw new ToolError(argv, undefined, '', `${program} failed: program not found (is it installed and on PATH? spawn ${program} ENOENT)`, 'notFound');
    case 'failed':
      throw new ToolError(argv, undefined, stderr.trim(), `${program} failed: ${result.shortMessage}`, 'failed');
  }
}

/**
 * Runs a program and wants it to succeed: a non-zero exit (or a signal) is a ToolError too, whose
 * message carries stderr so the user sees why.
 */
export async function runTool(file: string, args: readonly string[], options: RunOptions = {}): Promise<ToolOutput> {
  const argv = [file, ...args];
  const result = await runProgram(argv, options);
  if (result.exitCode === 0) return { stdout: result.stdout, stderr: result.stderr };
  const stderr = result.stderr.trim();
  const why = stderr || (result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`);
  throw new ToolError(argv, result.signal ? undefined : result.exitCode, stderr, `${file} failed: ${why}`);
}

/** A program that keeps running (a packet capture): its stdout streams; end stdin to ask it to stop. */
export interface RunningProgram {
  readonly pid: number | undefined;
  readonly stdout: Readable;
  readonly stdin: Writable;
  /** Its end (stderr kept, stdout not: that was streamed). Rejects as runProgram does. */
  readonly done: Promise<RunResult>;
  /** Ends it now (SIGTERM, then SIGKILL). */
  kill(): void;
}

/** Starts a long-running program: logged when it starts and when it ends; no timeout. */
export async function startProgram(argv: readonly string[], options: Pick<RunOptions, 'signal' | 'log'> = {}): Promise<RunningProgram> {
  const started = performance.now();
  const { execa } = await loadExeca();
  const log = options.log ?? runLogger();
  const subprocess = execa(argv[0], argv.slice(1), {
    stdin: 'pipe',
    stdout: 'pipe',
    buffer: { stdout: false, stderr: true },
    encoding: 'buffer',
    reject: false,
    stripFinalNewline: false,
    cancelSignal: options.signal,
    forceKillAfterDelay: FORCE_KILL_AFTER_MS,
    maxBuffer: { stderr: 1024 * 1024 },
  });
  log?.debug(runStartLine(argv, subprocess.pid));
  const done = (async (): Promise<RunResult> => {
    const result = await subprocess;
    const durationMs = performance.now() - started;
    const stderr = Buffer.from(result.stderr ?? []).toString('utf8');
    const outcome = outcomeOf(result);
    log?.debug(runLogLine(argv, outcome, durationMs));
    if (outcome.kind === 'notFound') throw new ToolError(argv, undefined, '', `${argv[0]} failed: program not found (spawn ${argv[0]} ENOENT)`, 'notFound');
    if (outcome.kind === 'cancelled') throw new ToolError(argv, undefined, stderr.trim(), `${argv[0]}: cancelled`, 'cancelled');
    if (outcome.kind === 'failed') throw new ToolError(argv, undefined, stderr.trim(), `${argv[0]} failed: ${result.shortMessage}`, 'failed');
    return { argv, stdout: '', stderr, exitCode: result.exitCode ?? -1, signal: (result.signal as NodeJS.Signals | undefined) ?? null, durationMs };
  })();
  // The caller may not wait for `done` before it fails (a missing program): no unhandled rejection.
  done.catch(() => undefined);
  return { pid: subprocess.pid, stdout: subprocess.stdout, stdin: subprocess.stdin, done, kill: () => void subprocess.kill() };
}

/** How execa's result ended; `ours` when the runner itself ended it (a timeout, the output cap). */
function outcomeOf(result: import('execa').Result, ours?: RunOutcome): RunOutcome {
  if (ours) return ours;
  if (result.isCanceled) return { kind: 'cancelled' };
  if (result.exitCode !== undefined) return { kind: 'exit', code: result.exitCode };
  if (result.signal) return { kind: 'signal', signal: result.signal };
  if (result.code === 'ENOENT') return { kind: 'notFound' };
  return { kind: 'failed', why: result.shortMessage ?? 'unknown error' };
}

// execa is ESM-only: a dynamic import loads it from CommonJS (esbuild bundles it all the same).
function loadExeca(): Promise<typeof import('execa')> {
  return import('execa');
}
