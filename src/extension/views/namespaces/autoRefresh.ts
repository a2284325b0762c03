// Refreshes the view every few seconds while it is visible. Hidden, it does no work; shown again
// after a while, it refreshes at once. The next refresh is timed from the end of the last, so a
// slow scan never piles up behind itself. The interval is the user's, stretched when a refresh
// costs more than a small share of a core (less while the window has no focus): see
// core/discovery/refreshPacing.ts. Without focus, a due refresh also waits while no process
// started or ended on the host (core/discovery/hostActivity.ts), at most the unfocused pace's
// longest interval.
import * as vscode from 'vscode';
import { MAX_UNFOCUSED_INTERVAL_MS, RefreshCost, pacedIntervalMs } from '../../../core/discovery/refreshPacing';
import { readHostActivity, shouldSkipRefresh } from '../../../core/discovery/hostActivity';

/** The shortest interval: a workspace's settings must not turn the view into a busy loop of scans. */
export const MIN_AUTO_REFRESH_SECONDS = 1;

/** Seconds between refreshes from a setting's value: 0 (off) stays 0, anything else at least 1 s. */
export function autoRefreshSeconds(value: unknown, fallback = 5): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fallback;
  return value === 0 ? 0 : Math.max(MIN_AUTO_REFRESH_SECONDS, value);
}

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh = 0;
  private activityAtLastRefresh: string | undefined;
  private intervalMs: number;
  private readonly cost = new RefreshCost();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly refresh: () => Promise<unknown>,
    intervalSeconds: number,
  ) {
    this.intervalMs = autoRefreshSeconds(intervalSeconds) * 1000;
    this.subscriptions = [
      view.onDidChangeVisibility(() => this.reschedule()),
      // Focus back: the shorter interval applies at once (a refresh now if it is overdue).
      vscode.window.onDidChangeWindowState(() => this.reschedule()),
    ];
  }

  setInterval(seconds: number): void {
    this.intervalMs = autoRefreshSeconds(seconds) * 1000;
    this.reschedule();
  }

  /** The interval in force now: the user's, paced by what refreshes cost; 0 when off. */
  get currentIntervalMs(): number {
    return pacedIntervalMs(this.intervalMs, this.cost.ms, vscode.window.state.focused);
  }

  /**
   * Call after every refresh, automatic or not, with the CPU time it took: the next one is an
   * interval from now.
   */
  refreshed(cpuMs?: number): void {
    // The first refresh also loads and compiles the code it runs: not what the next ones cost.
    if (cpuMs !== undefined && this.lastRefresh !== 0) this.cost.add(cpuMs);
    this.lastRefresh = Date.now();
    // Read after the refresh: a process it started itself is not a change on the host.
    this.activityAtLastRefresh = readHostActivity();
    this.reschedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private reschedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const interval = this.currentIntervalMs;
    if (!this.view.visible || interval <= 0) return;
    const due = Math.max(0, this.lastRefresh + interval - Date.now());
    this.timer = setTimeout(() => this.refreshUnlessQuiet(), due);
  }

  /** The due refresh, unless it may wait for a sign of change: then a look again after the user's interval. */
  private refreshUnlessQuiet(): void {
    this.timer = undefined;
    const wait = shouldSkipRefresh({
      focused: vscode.window.state.focused,
      now: readHostActivity(),
      atLastRefresh: this.activityAtLastRefresh,
      sinceLastRefreshMs: Date.now() - this.lastRefresh,
      longestWaitMs: MAX_UNFOCUSED_INTERVAL_MS,
    });
    if (!wait) {
      void this.refresh().catch(() => undefined);
      return;
    }
    if (this.view.visible) this.timer = setTimeout(() => this.refreshUnlessQuiet(), this.intervalMs);
  }
}
