// The helper's trust checks for a user who is not root (VS Code runs as nobody here): a copy of
// the helper that this user owns is refused before anything runs (it could be changed to do
// anything as root), and with nsInspector.helper.elevation "none" every privileged step is
// refused with the reason.
import { describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { PrivilegedHelper } from '../../../src/extension/helper/privilegedHelper';
import { activatedApi } from '../suite/extensionUnderTest';

describe('the helper for a user who is not root', function () {
  this.timeout(60_000);

  it('a copy the user owns is refused before anything runs; elevation "none" refuses with a reason', async () => {
    assert.notEqual(process.getuid!(), 0, 'this suite runs as a user who is not root');
    const api = await activatedApi();
    const dir = mkdtempSync('/tmp/nsi-user-helper-');
    try {
      const copy = join(dir, 'nsinspect-helper');
      copyFileSync(api.helper.shippedPath, copy);
      const lines: string[] = [];
      const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line), debug: () => undefined } as unknown as vscode.LogOutputChannel;
      const name = `nsi-never-${process.pid}`;
      const ownCopy = new PrivilegedHelper(log, api.helper.shippedPath, () => ({ elevation: 'auto', installPath: copy }));
      await assert.rejects(ownCopy.run({ verb: 'netns-add', name }), (error: Error & { trust?: { reason: string } }) => error.trust?.reason === 'owner');
      assert.ok(!existsSync(`/run/netns/${name}`), 'nothing ran');
      assert.match(lines.join('\n'), /helper refused: The helper at .* is not owned by root/);
      const installed = api.helper.helperPath().path;
      const noElevation = new PrivilegedHelper(log, api.helper.shippedPath, () => ({ elevation: 'none', installPath: installed }));
      await assert.rejects(noElevation.run({ verb: 'version' }), /turned off/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
