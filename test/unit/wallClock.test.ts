// A process' start time as a wall-clock time: boot time + ticks / CLK_TCK, shown local with its age.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseBootTime, readBootTime } from '../../src/core/parsers/bootTime';
import { ageText, localDateTime, startedAtMs, startTimeText } from '../../src/core/text/wallClock';

test('btime from /proc/stat text, and from the real /proc/stat', () => {
  assert.equal(parseBootTime('cpu  1 2 3\nintr 5\nbtime 1764659000\nprocesses 9\n'), 1764659000);
  assert.equal(parseBootTime('cpu 1\nbtimex 5\n'), undefined);
  const real = readBootTime();
  assert.ok(real !== undefined && real * 1000 <= Date.now() && real > 1_000_000_000, `btime ${real}`);
  assert.equal(real, parseBootTime(readFileSync('/proc/stat', 'utf8')));
});

test('start ticks are hundredths of a second after boot', () => {
  assert.equal(startedAtMs(0, 1000), 1_000_000);
  assert.equal(startedAtMs(250, 1000), 1_002_500);
  assert.equal(startedAtMs(250, 1000, 1000), 1_000_250);
});

test('this very process started after boot and within the last minutes by its own stat', () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const startTicks = Number(fields[19]);
  const at = startedAtMs(startTicks, readBootTime()!);
  assert.ok(Math.abs(Date.now() - at) < 120_000, `started ${Date.now() - at} ms ago by its stat`);
});

test('local date-time and age in words', () => {
  const ms = new Date(2026, 11, 2, 7, 5, 9).getTime();
  assert.equal(localDateTime(ms), '2026-12-02 07:05:09');
  assert.equal(ageText(ms, ms + 2000), 'just now');
  assert.equal(ageText(ms, ms + 42_000), '42 seconds ago');
  assert.equal(ageText(ms, ms + 60_000), '1 minute ago');
  assert.equal(ageText(ms, ms + 5 * 60_000 + 30_000), '5 minutes ago');
  assert.equal(ageText(ms, ms + 3 * 3600_000), '3 hours ago');
  assert.equal(ageText(ms, ms + 2 * 86_400_000), '2 days ago');
  assert.equal(ageText(ms, ms - 10_000), 'just now', 'a clock step backwards is no negative age');
  assert.equal(startTimeText(100, ms / 1000, ms + 61_000), '2026-12-02 07:05:10 (1 minute ago)');
  assert.equal(startTimeText(100, undefined, ms), '100 clock ticks after boot');
});
