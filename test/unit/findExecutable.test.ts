// Programs are found at each call from the PATH given then: system tools also in the system
// folders, a desktop program (wireshark) on PATH only, so "not on PATH" is "not installed".
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, findOnPath } from '../../src/core/exec/findExecutable';

describe('findExecutable and findOnPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsi-find-'));
  const other = mkdtempSync(join(tmpdir(), 'nsi-find-other-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });
  writeFileSync(join(dir, 'nsi-tool'), '#!/bin/sh\n');
  chmodSync(join(dir, 'nsi-tool'), 0o755);
  writeFileSync(join(other, 'nsi-tool'), '#!/bin/sh\n');
  chmodSync(join(other, 'nsi-tool'), 0o755);
  writeFileSync(join(dir, 'nsi-not-executable'), 'text\n');

  it('finds the first executable on the PATH given at the call', () => {
    assert.equal(findOnPath('nsi-tool', `${dir}:${other}`), join(dir, 'nsi-tool'));
    assert.equal(findOnPath('nsi-tool', `${other}:${dir}`), join(other, 'nsi-tool'));
    assert.equal(findExecutable('nsi-tool', `${other}:${dir}`), join(other, 'nsi-tool'));
    assert.equal(findOnPath('nsi-not-executable', dir), undefined);
    assert.equal(findOnPath('nsi-tool', ''), undefined);
  });

  it('a system tool is also found in the system folders; a desktop program only on PATH', () => {
    assert.match(findExecutable('sh', '') ?? '', /^\/(usr\/)?bin\/sh$/);
    assert.equal(findOnPath('sh', ''), undefined);
    assert.equal(findOnPath('sh', dir), undefined);
    // Relative PATH entries (".", "") never count: the extension host's working folder is no program folder.
    assert.equal(findOnPath('nsi-tool', `.:${join('..', 'x')}`), undefined);
  });
});
