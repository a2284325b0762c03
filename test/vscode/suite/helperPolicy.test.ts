// A refusal by the helper's policy, as a user of the extension is told it: the real helper, run
// as root for a caller sudo would name (SUDO_UID=65534), refuses to delete root's namespace, and
// showHelperError says which rule refused and what an admin changes.
import { describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { HelperError } from '../../../src/extension/helper/privilegedHelper';
import { showHelperError } from '../../../src/extension/commands/helper/showHelperError';
import { activatedApi } from './extensionUnderTest';

const T = randomBytes(3).toString('hex');

describe('a refusal by the helper policy in the extension', function () {
  this.timeout(30_000);

  it('names the rule that refused and the setting an admin changes, and nothing changed', async () => {
    const api = await activatedApi();
    const name = `nsi-helper-policy-${T}`;
    execFileSync('ip', ['netns', 'add', name]);
    const window = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showErrorMessage;
    const shown: string[] = [];
    try {
      const run = spawnSync('/bin/sh', [api.helper.shippedPath, 'netns-del', name], { encoding: 'utf8', env: { ...process.env, SUDO_UID: '65534' } });
      assert.equal(run.status, 78, run.stderr);
      assert.ok(existsSync(`/run/netns/${name}`), 'the namespace is still there');
      window.showErrorMessage = (...args: unknown[]) => {
        shown.push(args.filter((arg) => typeof arg === 'string').join(' | '));
        return Promise.resolve(undefined);
      };
      await showHelperError('Delete Network Namespace failed', new HelperError('netns-del failed', run.status ?? undefined, run.stderr));
    } finally {
      window.showErrorMessage = original;
      execFileSync('ip', ['netns', 'del', name]);
    }
    assert.deepEqual(shown, [
      `Delete Network Namespace failed: the helper's policy refused it (rule others_namespaces): UID 65534 does not own netns:${name} (its owner is UID 0). An administrator can allow it with others_namespaces=yes in /etc/nsinspect/helper-policy. | Show Log`,
    ]);
  });
});
