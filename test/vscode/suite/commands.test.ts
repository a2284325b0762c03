import { describe, it, before } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, extensionUnderTest } from './extensionUnderTest';

interface Manifest {
  contributes: { commands: Array<{ command: string }>; views?: Record<string, Array<{ id: string }>> };
}

describe('commands', () => {
  let contributed: string[];
  let registered: string[];

  before(async () => {
    await activatedApi();
    const manifest = extensionUnderTest().packageJSON as Manifest;
    contributed = manifest.contributes.commands.map((c) => c.command);
    // VS Code itself adds commands for each view (<viewId>.focus, .open, ...): not ours to contribute.
    const viewIds = Object.values(manifest.contributes.views ?? {}).flatMap((views) => views.map((v) => v.id));
    registered = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('nsInspector.') && !viewIds.some((view) => id.startsWith(`${view}.`)),
    );
  });

  it('registers every command package.json contributes', () => {
    assert.deepEqual(contributed.filter((id) => !registered.includes(id)), []);
  });

  it('contributes every nsInspector.* command it registers', () => {
    assert.deepEqual(registered.filter((id) => !contributed.includes(id)), []);
  });

  it('Show Log runs', async () => {
    await vscode.commands.executeCommand('nsInspector.log.show');
  });
});
