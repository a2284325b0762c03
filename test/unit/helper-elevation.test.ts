import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planElevation, type ElevationFacts } from '../../src/core/helper/elevation';

const base: ElevationFacts = { mode: 'auto', uid: 1000, pkexec: '/usr/bin/pkexec', sudo: '/usr/bin/sudo', graphicalSession: true, sudoWithoutPassword: false };

describe('elevation plan', () => {
  it('root runs the helper directly whatever the setting', () => {
    for (const mode of ['auto', 'pkexec', 'sudo', 'none'] as const) assert.deepEqual(planElevation({ ...base, mode, uid: 0 }), { kind: 'direct' });
  });

  it('auto: pkexec in a graphical session, else sudo -n when a rule allows it, else sudo in a terminal', () => {
    assert.deepEqual(planElevation(base), { kind: 'prefix', argv: ['/usr/bin/pkexec'], label: 'pkexec' });
    assert.deepEqual(planElevation({ ...base, graphicalSession: false, sudoWithoutPassword: true }), { kind: 'prefix', argv: ['/usr/bin/sudo', '-n', '--'], label: 'sudo -n' });
    assert.deepEqual(planElevation({ ...base, graphicalSession: false }), { kind: 'sudoTerminal', sudo: '/usr/bin/sudo' });
  });

  it('auto without pkexec (as here) falls back to sudo, and says what to install when neither is there', () => {
    assert.deepEqual(planElevation({ ...base, pkexec: undefined }), { kind: 'sudoTerminal', sudo: '/usr/bin/sudo' });
    const none = planElevation({ ...base, pkexec: undefined, sudo: undefined });
    assert.equal(none.kind, 'refused');
    assert.match((none as { message: string }).message, /Neither pkexec nor sudo/);
  });

  it('an explicit choice is kept or refused with a reason; none refuses', () => {
    assert.equal(planElevation({ ...base, mode: 'pkexec', pkexec: undefined }).kind, 'refused');
    assert.deepEqual(planElevation({ ...base, mode: 'sudo' }), { kind: 'sudoTerminal', sudo: '/usr/bin/sudo' });
    assert.equal(planElevation({ ...base, mode: 'sudo', sudo: undefined }).kind, 'refused');
    assert.match((planElevation({ ...base, mode: 'none' }) as { message: string }).message, /turned off/);
  });
});
