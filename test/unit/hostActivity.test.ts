import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHostActivity, shouldSkipRefresh } from '../../src/core/discovery/hostActivity';

describe('host activity: a cheap sign that processes changed', () => {
  it('is the last PID and the number of threads from loadavg; undefined when unreadable or odd', () => {
    const proc = mkdtempSync(join(tmpdir(), 'nsi-loadavg-'));
    try {
      writeFileSync(join(proc, 'loadavg'), '0.15 0.09 0.03 2/231 48213\n');
      assert.equal(readHostActivity(proc), '48213 231');
      writeFileSync(join(proc, 'loadavg'), 'garbage\n');
      assert.equal(readHostActivity(proc), undefined);
      rmSync(join(proc, 'loadavg'));
      assert.equal(readHostActivity(proc), undefined);
    } finally {
      rmSync(proc, { recursive: true, force: true });
    }
  });

  const due = { focused: false, now: '100 200', atLastRefresh: '100 200', sinceLastRefreshMs: 60_000, longestWaitMs: 600_000 };

  it('lets a due refresh wait only without focus, with no process started or ended since the last', () => {
    assert.equal(shouldSkipRefresh(due), true);
    assert.equal(shouldSkipRefresh({ ...due, focused: true }), false, 'with focus every due refresh runs');
    assert.equal(shouldSkipRefresh({ ...due, now: '101 201' }), false, 'a process was started');
    assert.equal(shouldSkipRefresh({ ...due, now: '100 199' }), false, 'a thread ended');
  });

  it('never waits past the longest wait, nor on an unknown sign', () => {
    assert.equal(shouldSkipRefresh({ ...due, sinceLastRefreshMs: 600_000 }), false);
    assert.equal(shouldSkipRefresh({ ...due, now: undefined }), false);
    assert.equal(shouldSkipRefresh({ ...due, atLastRefresh: undefined }), false);
  });
});
