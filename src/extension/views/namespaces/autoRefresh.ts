// Refreshes the view every few seconds while it is visible. Hidden, it does no work; shown again
// after a while, it refreshes at once. The next refresh is timed from the end of the last, so a
// slow scan never piles up behind itself.
import type * as vscode from 'vscode';

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
  private intervalMs: number;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly refresh: () => Promise<unknown>,
    intervalSeconds: number,
  ) {
    this.intervalMs = autoRefreshSeconds(intervalSeconds) * 1000;
    this.subscription = view.onDidChangeVisibility(() => this.reschedule());
  }

  setInterval(seconds: number): void {
    this.intervalMs = autoRefreshSeconds(seconds) * 1000;
    this.reschedule();
  }

  /** Call after every refresh, automatic or not: the next one is an interval from now. */
  refreshed(): void {
    this.lastRefresh = Date.now();
    this.reschedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }

  private reschedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.view.visible || this.intervalMs <= 0) return;
    const due = Math.max(0, this.lastRefresh + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh().catch(() => undefined);
    }, due);
  }
}
