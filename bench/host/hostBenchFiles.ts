// The contract between bench/sidebarHost.bench.ts (outside) and the probe inside the extension
// host: a folder both see, named in this environment variable, with files as signals.
export const HOST_BENCH_DIR_ENV = 'NSI_HOST_BENCH_DIR';

export type HostProbeResults =
  | { blockMs: number; refreshes: number; processes: number; namespaces: number }
  | { error: string };
