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
    // Not only a toast: its "Show Details" opens this document, to read and copy.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'nsinspector', path: '/summary.md' }));
    const text = doc.getText();
    assert.match(text, /^# Namespace summary/);
    for (const type of ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']) {
      assert.ok(text.includes(`| ${type} | `) && new RegExp(`\\| ${type} \\|[^\\n]*\\| ${counts[type]} \\|`).test(text), `the table row of ${type} says ${counts[type]}:\n${text}`);
    }
  });
});
