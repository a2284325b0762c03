import type { NativeAddon } from './nativeAddon';

export interface ScanRequest {
  procRoot: string;
  /** null: every process under procRoot. */
  pids: number[] | null;
  nsfsDev: number;
  /** The scanner's own PID namespace: status (for NSpid) is read only for processes outside it. */
  ownPidNs: number;
  /** Paths an fd may show when opened through an nsfs bind mount. */
  fdCandidates: string[];
  threads: number;
  /**
   * The scanning threads' nice value: 10 (the default) keeps them behind the JavaScript thread
   * that parses what they read, which matters in a shared extension host; 0 for a process of
   * its own (the command line), so that other busy processes do not starve the scan.
   */
  nice?: number;
  /** Processes read before (flat pid, start time pairs sorted by pid); see NativeAddon.scanTasks. */
  known?: number[] | null;
}

/**
 * The native scan as an async iterable of chunks, each yielded as soon as a scanning thread has
 * read it, so parsing overlaps the scan. Ends with an Error when the scan could not run, and with
 * the signal's reason when it is aborted: a scan stuck behind a process in uninterruptible sleep
 * (reading its cmdline waits for its memory lock, as `ps` does) must not hold the caller forever.
 */
export async function* scanChunks(
  addon: Pick<NativeAddon, 'scanTasks'>,
  request: ScanRequest,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const ready: Buffer[] = [];
  let finished = false;
  let failure: string | undefined;
  let wake: (() => void) | undefined;
  addon.scanTasks(
    request.procRoot,
    request.pids,
    request.nsfsDev,
    request.ownPidNs,
    request.fdCandidates,
    request.threads,
    request.nice ?? 10,
    request.known ?? null,
    (chunk, error) => {
      if (chunk) ready.push(chunk);
      else [finished, failure] = [true, error];
      wake?.();
    },
  );
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const chunk = ready.shift();
      if (chunk) {
        yield chunk;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) throw new Error(`cannot scan ${request.procRoot}: ${failure}`);
}
