// The one reader of who the product runs as, and the terminals' sudo rule that follows the
// elevation setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { callerIsRoot, callerUid, canReadEveryProcess, terminalSudoRefusal } from '../../src/core/exec/callerPrivilege';
import { ELEVATION_MODES } from '../../src/core/helper/elevation';

test('the caller is the effective UID the kernel reports for this process', () => {
  const euid = Number(/^Uid:\s+\d+\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  assert.equal(callerUid(), euid);
  assert.equal(callerIsRoot(), euid === 0);
  // Root reads every process; anyone else only with CAP_SYS_PTRACE in effect.
  const capEff = BigInt(`0x${/^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]}`);
  assert.equal(canReadEveryProcess(), euid === 0 || (capEff & (1n << 19n)) !== 0n);
});

test('terminals may run sudo unless elevation is "none", which says why and what to do', () => {
  for (const mode of ELEVATION_MODES.filter((m) => m !== 'none')) assert.equal(terminalSudoRefusal(mode, 'Joining PID 1'), undefined, mode);
  assert.equal(
    terminalSudoRefusal('none', 'Joining PID 1'),
    'Joining PID 1 needs root privileges, and privileged steps are turned off (nsInspector.helper.elevation is "none"), so sudo is not run. Run VS Code as root, or choose another elevation.',
  );
});
