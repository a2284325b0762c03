// A process' start as people read it: local date and time, and how long ago.
import { CLK_TCK } from '../parsers/bootTime';

/** Milliseconds since the epoch at which a process started, from its start ticks and the boot time. */
export function startedAtMs(startTicks: number, bootTimeSec: number, clkTck = CLK_TCK): number {
  return bootTimeSec * 1000 + Math.round((startTicks * 1000) / clkTck);
}

/** "2026-12-02 07:16:56" in the local time zone. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "just now", "42 seconds ago", "5 minutes ago", "3 hours ago", "2 days ago". */
export function ageText(ms: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - ms) / 1000));
  if (seconds < 5) return 'just now';
  const units: Array<[number, string]> = [[86_400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  const [size, unit] = units.find(([size]) => seconds >= size)!;
  const count = Math.floor(seconds / size);
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** "2026-12-02 07:16:56 (5 minutes ago)"; the raw ticks when the boot time is unknown. */
export function startTimeText(startTicks: number, bootTimeSec: number | undefined, nowMs: number): string {
  if (bootTimeSec === undefined) return `${startTicks} clock ticks after boot`;
  const at = startedAtMs(startTicks, bootTimeSec);
  return `${localDateTime(at)} (${ageText(at, nowMs)})`;
}
