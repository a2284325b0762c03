import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readHostActivity } from '../../src/core/discovery/hostActivity';

describe('host activity on the real /proc', () => {
  it('changes when a namespace comes and goes with its process (unshare), and when one is made with ip netns', () => {
    const before = readHostActivity();
    assert.match(before ?? '', /^\d+ \d+$/);
    execFileSync('unshare', ['--uts', 'true']);
    const after = readHostActivity();
    assert.notEqual(after, before, 'the unshare process moved the last PID');
    const name = `nsi-activity-${process.pid}`;
    execFileSync('ip', ['netns', 'add', name]);
    try {
      assert.notEqual(readHostActivity(), after, 'ip netns add started a process');
    } finally {
      execFileSync('ip', ['netns', 'del', name]);
    }
  });
});
