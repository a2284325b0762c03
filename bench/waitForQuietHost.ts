import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total CPU time of the whole host so far, from /proc/stat (in clock ticks). */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3] + fields[4]; // idle + iowait
  return { busy: total - idle, total };
}

/**
 * Waits until the host has been quiet (under `maxBusy` of its CPU busy) for two one-second
 * samples in a row, at most `timeoutMs`. Starting thousands of processes keeps the kernel busy
 * for a while after the last one runs (its memory monitor, the scheduler settling); timing then
 * would measure that instead of the tools. Returns how long it waited and the last busy share.
 */
export async function waitForQuietHost(maxBusy = 0.15, timeoutMs = 60_000): Promise<{ waitedMs: number; busy: number }> {
  const start = Date.now();
  let quietSamples = 0;
  let busy = 1;
  let before = cpuTimes();
  while (Date.now() - start < timeoutMs) {
    await sleep(1000);
    const now = cpuTimes();
    busy = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    before = now;
    quietSamples = busy <= maxBusy ? quietSamples + 1 : 0;
    if (quietSamples >= 2) break;
  }
  return { waitedMs: Date.now() - start, busy };
}
