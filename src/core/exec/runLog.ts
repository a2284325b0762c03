// Where the runner writes its one line per run. The core only knows this interface; the
// extension gives it the Namespace Inspector log channel (debug level), the CLI gives nothing.
import { hostText, LINE_MAX } from '../text/hostText';
import { shellJoin } from './shellQuote';

export interface RunLogger {
  debug(line: string): void;
}

let sink: RunLogger | undefined;

/** The logger every run writes to from now on (undefined: none). */
export function setRunLogger(logger: RunLogger | undefined): void {
  sink = logger;
}

export function runLogger(): RunLogger | undefined {
  return sink;
}

/** How a run ended, as the log line says it. */
export type RunOutcome =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string }
  | { kind: 'timedOut'; timeoutMs: number }
  | { kind: 'cancelled' }
  | { kind: 'outputCap'; maxBytes: number }
  | { kind: 'notFound' }
  | { kind: 'failed'; why: string };

/**
 * "run: ip -n blue -b - → exit 0 in 7 ms": the program and its argv (quoted, host strings made
 * one visible line), how it ended and how long it took. Never stdin, the environment or output.
 */
export function runLogLine(argv: readonly string[], outcome: RunOutcome, durationMs: number): string {
  return `${runHead(argv)} → ${endedText(outcome)} in ${Math.round(durationMs)} ms`;
}

/** The line for a long-running program when it starts (its end gets runLogLine). */
export function runStartLine(argv: readonly string[], pid: number | undefined): string {
  return `${runHead(argv)} → started (pid ${pid ?? '?'})`;
}

function runHead(argv: readonly string[]): string {
  return `run: ${hostText(shellJoin(argv), LINE_MAX)}`;
}

function endedText(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'exit':
      return `exit ${outcome.code}`;
    case 'signal':
      return `killed by ${outcome.signal}`;
    case 'timedOut':
      return `timed out after ${outcome.timeoutMs} ms, killed`;
    case 'cancelled':
      return 'cancelled, killed';
    case 'outputCap':
      return `wrote more than ${outcome.maxBytes} bytes, killed`;
    case 'notFound':
      return 'program not found';
    case 'failed':
      return `failed: ${hostText(outcome.why, 200)}`;
  }
}
