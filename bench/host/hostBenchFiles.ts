// The contract between bench/sidebarHost.bench.ts (outside) and the probe inside the extension
// host: a folder both see, named in this environment variable, with files as signals.
export const HOST_BENCH_DIR_ENV = 'NSI_HOST_BENCH_DIR';

/** The extension host's CPU over a minute of nothing clicked. */
export interface IdleCpu {
  /** CPU time (all threads) over the wall time, as a share of one core. */
  coreShare: number;
  seconds: number;
  /** The threads that used the most, with their share of a core (from /proc/self/task). */
  threads: Array<{ name: string; share: number }>;
}

/** The extension host's CPU over a minute with the view open and nothing clicked. */
export interface IdleCost extends IdleCpu {
  refreshes: number;
  /** What VS Code said during the minute. */
  viewVisible: boolean;
  windowFocused: boolean;
  /** The paced interval the view used at the end of the minute. */
  intervalMs: number;
}

export type HostProbeResults =
  | {
      blockMs: number;
      refreshes: number;
      processes: number;
      namespaces: number;
      idle: { visible: IdleCost; hidden: IdleCost; unfocused: IdleCost | null };
      /** Before this extension is activated (null when something activated it first): the floor. */
      baseline: (IdleCpu & { held: boolean }) | null;
    }
  | { error: string };

/** Files the probe and the bench signal each other with (in the folder HOST_BENCH_DIR_ENV names). */
export const SIGNALS = {
  /** Probe to bench: take the page's focus away (the window is then unfocused for VS Code). */
  wantUnfocused: 'want-unfocused',
  /** Bench to probe: done (or could not). */
  unfocused: 'unfocused',
} as const;
