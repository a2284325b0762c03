// Runs the helper (or its elevation prefix) through the one runner (core/exec/runTool.ts): an
// argv, never a shell; stdout, stderr and the exit code collected. A non-zero exit is a result
// here, not an exception: the caller decides what it means (and logs it). Not found, a timeout,
// a cancellation or too much output reject with a ToolError.
import { runProgram, type RunResult } from '../exec/runTool';

export type HelperProcessResult = Omit<RunResult, 'argv'>;

export interface SpawnHelperOptions {
  /** Written to stdin, which is then closed (sudo -S reads the password from it). */
  stdin?: string;
  signal?: AbortSignal;
  /** 0 (the default): no limit; a snapshot of a big host, or a polkit prompt, takes its time. */
  timeoutMs?: number;
  /** More stdout than this ends the child and rejects (default MAX_HELPER_STDOUT). */
  maxStdoutBytes?: number;
}

/**
 * The most stdout kept of one helper run: above the helper's own cap on its snapshot (128 MiB,
 * SNAPSHOT_CAP), so that its message wins; an older helper with no cap is stopped here.
 */
export const MAX_HELPER_STDOUT = 144 * 1024 * 1024;

export async function spawnHelper(argv: readonly string[], options: SpawnHelperOptions = {}): Promise<HelperProcessResult> {
  const { exitCode, signal, stdout, stderr, durationMs } = await runProgram(argv, {
    input: options.stdin,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 0,
    maxOutputBytes: options.maxStdoutBytes ?? MAX_HELPER_STDOUT,
  });
  return { exitCode, signal, stdout, stderr, durationMs };
}
