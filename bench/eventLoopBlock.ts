/**
 * Runs `work` while a probe takes every turn of the event loop it can, and reports the longest
 * time between two turns: how long `work` kept everything else waiting.
 */
export async function measureEventLoopBlock<T>(work: () => Promise<T>): Promise<{ blockMs: number; result: T; peakMiB: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  const result = await work();
  running = false;
  return { blockMs: longest, result, peakMiB: process.resourceUsage().maxRSS / 1024 };
}
