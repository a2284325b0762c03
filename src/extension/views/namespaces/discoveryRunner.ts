// Runs discoveries for the view, one at a time: a refresh asked for while one runs is queued
// once (callers then get a result from after their request), never run twice in parallel.
// A scan that takes longer than a moment shows progress in the view itself; a caller's signal
// (the user's Cancel) stops the scan its request starts, and the helper's snapshot with it.
import * as vscode from 'vscode';
import { discover } from '../../../core/discovery/discover';
import type { DiscoveryResult } from '../../../core/model/result';
import type { HelperSnapshot } from '../../../core/discovery/helperSnapshot';

/** Below this a progress bar would only flicker. */
const SLOW_SCAN_MS = 300;

/**
 * How long a discovery may build on the one before: then everything is read again, so that a
 * command line a process rewrote in place (setproctitle) or a cgroup it moved to shows within a
 * minute. Namespaces never wait for this: every discovery reads every process' links and fds.
 */
const FULL_DISCOVERY_EVERY_MS = 60_000;

export class DiscoveryRunner {
  private running: Promise<DiscoveryResult> | undefined;
  private queued: Promise<DiscoveryResult> | undefined;
  private readonly abort = new AbortController();
  /** When set, discovery reads the privileged helper's snapshot instead of procfs here. */
  snapshotSource: ((signal: AbortSignal) => Promise<HelperSnapshot>) | undefined;
  /** The last discovery read here (not from a snapshot), and when the last full one started. */
  private previous: DiscoveryResult | undefined;
  private lastFullAt = 0;

  constructor(
    private readonly viewId: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  run(signal?: AbortSignal): Promise<DiscoveryResult> {
    if (!this.running) {
      this.running = this.scan(signal).finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.run(signal);
      });
    return this.queued;
  }

  dispose(): void {
    this.abort.abort();
  }

  private async scan(cancel?: AbortSignal): Promise<DiscoveryResult> {
    const started = performance.now();
    const source = this.snapshotSource;
    const signal = cancel ? AbortSignal.any([this.abort.signal, cancel]) : this.abort.signal;
    const full = source !== undefined || this.previous === undefined || Date.now() - this.lastFullAt >= FULL_DISCOVERY_EVERY_MS;
    if (!source && full) this.lastFullAt = Date.now();
    const previous = full ? undefined : this.previous;
    const work = source ? source(signal).then((snapshot) => discover({ signal, snapshot })) : discover({ signal, previous });
    const slow = setTimeout(() => {
      void vscode.window.withProgress({ location: { viewId: this.viewId }, title: 'Discovering namespaces' }, () => work.catch(() => undefined));
    }, SLOW_SCAN_MS);
    try {
      const result = await work;
      // Only a discovery read here is a base for the next: a snapshot saw other processes.
      this.previous = source ? undefined : result;
      this.log.debug(`refresh${source ? ' (privileged)' : previous ? ' (incremental)' : ''}: ${result.namespaces.size} namespaces, ${result.processes.size} processes in ${(performance.now() - started).toFixed(0)} ms`);
      return result;
    } finally {
      clearTimeout(slow);
    }
  }
}
