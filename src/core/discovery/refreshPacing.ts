// How often the view may discover again by itself: at least the user's interval, and as much
// longer as it takes for discovery's cost to stay within a small share of one core. A host with
// thousands of processes then costs a view left open all day almost nothing, and a small host
// still refreshes at the interval asked for.

/** The share of one core automatic refresh may take on average, by whether the window has focus. */
export const REFRESH_CPU_BUDGET = { focused: 0.02, unfocused: 0.007 } as const;

/**
 * The longest an interval is stretched to while the window has focus: past it a change would
 * show too late to be of use, so a refresh that costs more than the budget allows at this pace
 * takes more than the budget.
 */
export const MAX_PACED_INTERVAL_MS = 120_000;

/**
 * The same without focus: nobody is acting in the window, and focus coming back refreshes at once
 * when the focused interval is overdue (see AutoRefresh), so a costly refresh can wait longer and
 * the budget holds (at 3,000 processes a refresh costs about 1.5 s of CPU, 1.25% of a core at two
 * minutes).
 */
export const MAX_UNFOCUSED_INTERVAL_MS = 600_000;

/** What the last refreshes cost, smoothed so one slow or quick refresh does not swing the pace. */
export class RefreshCost {
  private averageMs: number | undefined;

  /** Records one refresh's CPU time (all threads of the process) in ms. */
  add(cpuMs: number): void {
    if (!Number.isFinite(cpuMs) || cpuMs < 0) return;
    // The larger of the newest and the average: a costlier refresh slows the pace at once.
    this.averageMs = this.averageMs === undefined ? cpuMs : Math.max(cpuMs, 0.7 * this.averageMs + 0.3 * cpuMs);
  }

  get ms(): number {
    return this.averageMs ?? 0;
  }
}

/**
 * The interval until the next automatic refresh: the user's (0: off), stretched so that a
 * refresh costing `costMs` of CPU stays within the budget, at most MAX_PACED_INTERVAL_MS
 * (MAX_UNFOCUSED_INTERVAL_MS without focus), or the user's own interval when that is longer.
 */
export function pacedIntervalMs(settingMs: number, costMs: number, focused: boolean): number {
  if (settingMs <= 0) return 0;
  const budget = focused ? REFRESH_CPU_BUDGET.focused : REFRESH_CPU_BUDGET.unfocused;
  const paced = Math.max(settingMs, costMs / budget);
  const longest = focused ? MAX_PACED_INTERVAL_MS : MAX_UNFOCUSED_INTERVAL_MS;
  return Math.round(Math.min(paced, Math.max(settingMs, longest)));
}
