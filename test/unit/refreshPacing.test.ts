import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PACED_INTERVAL_MS, MAX_UNFOCUSED_INTERVAL_MS, RefreshCost, pacedIntervalMs } from '../../src/core/discovery/refreshPacing';

describe('refresh pacing', () => {
  it('keeps the user\'s interval when a refresh is cheap', () => {
    assert.equal(pacedIntervalMs(5000, 20, true), 5000);
    assert.equal(pacedIntervalMs(5000, 20, false), 5000);
  });

  it('stretches the interval so a refresh stays within 2% of a core (0.7% unfocused)', () => {
    assert.equal(pacedIntervalMs(5000, 300, true), 15_000);
    assert.equal(pacedIntervalMs(5000, 300, false), Math.round(300 / 0.007));
    // The CPU share that results is the budget.
    assert.ok(300 / pacedIntervalMs(1000, 300, true) <= 0.02);
  });

  it('stays off when the user turned it off', () => {
    assert.equal(pacedIntervalMs(0, 10_000, true), 0);
  });

  it('stretches at most to two minutes, or the user\'s own longer interval', () => {
    assert.equal(pacedIntervalMs(5000, 1e9, true), MAX_PACED_INTERVAL_MS);
    assert.equal(pacedIntervalMs(600_000, 1e9, true), 600_000);
  });

  it('without focus stretches to ten minutes, so a refresh of 1.5 s CPU stays under 1% of a core', () => {
    assert.equal(pacedIntervalMs(5000, 1e9, false), MAX_UNFOCUSED_INTERVAL_MS);
    assert.equal(pacedIntervalMs(5000, 1500, false), Math.round(1500 / 0.007));
    assert.ok(1500 / pacedIntervalMs(5000, 1500, false) <= 0.01);
  });

  it('follows a costlier refresh at once and a cheaper one gradually', () => {
    const cost = new RefreshCost();
    assert.equal(cost.ms, 0);
    cost.add(100);
    assert.equal(cost.ms, 100);
    cost.add(400);
    assert.equal(cost.ms, 400);
    cost.add(0);
    assert.equal(cost.ms, 280);
    cost.add(Number.NaN);
    cost.add(-5);
    assert.equal(cost.ms, 280, 'nonsense is ignored');
  });
});
