import { describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi } from './extensionUnderTest';

describe('Show Namespace Summary', () => {
  it('counts the namespaces of this machine per type', async () => {
    await activatedApi();
    const counts = await vscode.commands.executeCommand<Record<string, number> | undefined>('nsInspector.discovery.showSummary');
    assert.ok(counts, 'the command returned no counts (discovery failed: see the Namespace Inspector log)');
    // Every process is in one namespace of each type, so a real host has at least one of each.
    for (const type of ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup']) {
      assert.ok(counts[type] >= 1, `expected at least one ${type} namespace, got ${counts[type]}`);
    }
  });
});
