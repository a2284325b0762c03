// Automatic refresh: a namespace made while the view is visible shows up without a manual
// refresh; while the view is hidden nothing is scanned, and showing it again catches up.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { namespaceNodeId } from '../../../src/core/tree/nodeIds';
import type { NamespacesView } from '../../../src/extension/views/namespacesView';
import { activatedApi } from './extensionUnderTest';
import { nextEvent } from './quickInput';
import { readViewSettings } from '../../../src/extension/views/namespaces/viewSettings';
import { NamespaceLab, nsInode, waitForCommand } from '../../integration/support/namespaces';

const config = () => vscode.workspace.getConfiguration('nsInspector');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Namespaces view auto-refresh', function () {
  this.timeout(60_000);
  const lab = new NamespaceLab();
  let view: NamespacesView;

  async function shownWithin(ino: number, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (view.snapshot?.node(namespaceNodeId({ dev: view.result!.nsfsDev, ino }))) return true;
      await sleep(100);
    }
    return false;
  }

  /**
   * How long a change may take to show: the interval in force, which the view stretches when a
   * refresh costs more than 2% of a core (a busy host, a costly first refresh), twice over (a
   * refresh may have just started without it), and never less than `floorMs`.
   */
  const pacedWait = (floorMs: number) => Math.max(floorMs, 2 * view.autoRefreshIntervalMs + 2000);

  async function startInNewUts(): Promise<number> {
    const pid = lab.start(['unshare', '--uts', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    return nsInode(pid, 'uts');
  }

  before(async () => {
    view = (await activatedApi()).namespacesView;
    await config().update('autoRefreshInterval', 1, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('nsInspector.view.groupByType');
  });

  after(async () => {
    lab.cleanup();
    await config().update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
    await config().update('grouping', undefined, vscode.ConfigurationTarget.Global);
  });

  it('picks up a new namespace by itself while the view is visible', async () => {
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
    assert.equal(view.treeView.visible, true);
    const ino = await startInNewUts();
    const wait = pacedWait(6000);
    assert.ok(await shownWithin(ino, wait), `not shown within ${wait} ms at a 1 s interval (paced: ${view.autoRefreshIntervalMs} ms)`);
  });

  it('a workspace setting of 0.001 s is taken as 1 s: no busy loop of scans', async () => {
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
    await config().update('autoRefreshInterval', 0.001, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal(config().get('autoRefreshInterval'), 0.001, 'the workspace value is in effect');
      // Distinct results over 6 s: one a second at most (the next is timed from the end of the
      // last), fewer when a refresh costs more than 2% of a core at that pace.
      const seen = new Set<unknown>();
      const started = Date.now();
      while (Date.now() - started < 6000) {
        seen.add(view.result);
        await sleep(5);
      }
      assert.ok(seen.size <= 8, `${seen.size} refreshes in 6 s`);
      // And it still refreshes, at the pace in force (longer than 6 s when refreshes cost more).
      const last = view.result;
      const wait = pacedWait(0);
      const deadline = Date.now() + wait;
      while (view.result === last && seen.size < 2 && Date.now() < deadline) await sleep(20);
      assert.ok(seen.size >= 2 || view.result !== last, `it still refreshes (none within ${wait} ms)`);
      assert.equal(readViewSettings().autoRefreshSeconds, 1);
      assert.ok(view.autoRefreshIntervalMs >= 1000, `interval ${view.autoRefreshIntervalMs} ms`);
    } finally {
      await config().update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('is paused while the view is hidden and catches up when shown', async () => {
    const hidden = view.treeView.visible ? nextEvent(view.treeView.onDidChangeVisibility) : Promise.resolve();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await hidden;
    assert.equal(view.treeView.visible, false);
    const ino = await startInNewUts();
    assert.equal(await shownWithin(ino, 2500), false, 'refreshed while hidden');
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
    const wait = pacedWait(4000);
    assert.ok(await shownWithin(ino, wait), `not refreshed within ${wait} ms after being shown again`);
  });
});
