// Inspect Process in a real VS Code: the command opens the panel for a process item of the
// Namespaces view (a sleeper in a PID namespace of its own), posts the report after the webview's
// ready handshake under the CSP, reveals the same panel again, asks for a process from the palette,
// and says so when the process exits.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { InspectPanel } from '../../../src/extension/views/inspect/inspectPanel';
import type { ToInspectWebview } from '../../../src/core/inspect/inspectMessages';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import { deepestDescendant, NamespaceLab, nsInode, waitFor, waitForCommand } from '../../integration/support/namespaces';
import { activatedApi } from './extensionUnderTest';
import { answerQuickPick, closeQuickInput } from './quickInput';

describe('Inspect Process', function () {
  this.timeout(60_000);
  const lab = new NamespaceLab();
  let api: NamespaceInspectorApi;

  before(async () => {
    api = await activatedApi();
  });

  after(async () => {
    lab.cleanup();
    for (const panel of api.inspect.open) panel.panel.dispose();
  });

  async function inspect(arg?: unknown): Promise<InspectPanel> {
    const panel = await vscode.commands.executeCommand<InspectPanel | undefined>('nsInspector.process.inspect', arg);
    assert.ok(panel, 'Inspect Process returned no panel');
    return panel;
  }

  /**
   * The last report that reached the page, through the channel's onDidPost event (posts reach the
   * page only after its ready handshake). Subscribed right after the command: the page cannot have
   * said ready yet, so none is missed.
   */
  function lastPosted(panel: InspectPanel): () => Extract<ToInspectWebview, { type: 'report' }> | undefined {
    let last: Extract<ToInspectWebview, { type: 'report' }> | undefined;
    panel.channel.onDidPost((message) => {
      if (message.type === 'report') last = message;
    });
    return () => last;
  }

  it('opens the panel for a process item: its PIDs in both PID namespaces, posted after the ready handshake', async () => {
    const unshare = lab.start(['unshare', '--pid', '--fork', '--mount-proc', 'sleep', '120']);
    const sleeper = await deepestDescendant(unshare.pid!, 1);
    await waitForCommand(sleeper, 'sleep');
    const result = (await api.namespacesView.refresh())!;
    const nsNode = namespaceNodeId({ dev: result.nsfsDev, ino: nsInode(sleeper, 'pid') });
    const panel = await inspect(processNodeId(nsNode, sleeper));
    const last = lastPosted(panel);
    const report = await waitFor('the report to be posted (after the ready handshake)', () => last()?.report ?? undefined, 20_000);
    assert.equal(last()?.gone, false);
    assert.equal(report.pid, sleeper);
    assert.equal(report.command, 'sleep');
    assert.equal(report.pids.process.nspid.length, 2);
    assert.equal(report.pids.process.nspid[1], 1, 'PID 1 in its own PID namespace');
    assert.equal(report.namespaces.pid, nsInode(sleeper, 'pid'));
    assert.equal(report.environment, undefined, 'no environment unless asked');
    assert.equal(panel.panel.viewType, 'nsInspector.inspectProcess');
    assert.equal(panel.panel.title, `Inspect: sleep (${sleeper})`);
    // The page: CSP default-src 'none', nonce scripts from media/ only, no inline code.
    const html = panel.panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(html, /<script nonce="[0-9a-f]{32}" src="[^"]*\/media\/webview\/inspect\.js"><\/script>/);
    assert.doesNotMatch(html, /\son[a-z]+=|style=|<style/i);
    // Inspecting it again reveals the same panel.
    assert.equal(await inspect(processNodeId(nsNode, sleeper)), panel);
  });

  it('says so when the process exits, and keeps the last report', async () => {
    const child = lab.start(['sleep', '120']);
    await waitForCommand(child.pid!, 'sleep');
    const panel = await inspect(child.pid);
    const last = lastPosted(panel);
    await waitFor('the report', () => last()?.report ?? undefined, 20_000);
    process.kill(child.pid!, 'SIGKILL');
    await waitFor('the process to exit', () => (panel.update() && panel.isGone ? true : undefined), 10_000);
    assert.equal(last()?.gone, true);
    assert.equal(last()?.report?.pid, child.pid);
  });

  it('a PID that does not exist gets an error, not a panel', async () => {
    const before = api.inspect.open.length;
    assert.equal(await vscode.commands.executeCommand('nsInspector.process.inspect', 2 ** 31), undefined);
    assert.equal(api.inspect.open.length, before);
  });

  it('from the palette: asks for a process (the processes of containers first, then by PID; no kernel threads) and inspects the one picked', async () => {
    const result = api.namespacesView.result ?? (await api.namespacesView.refresh())!;
    const [first] = [...result.processes.values()].filter((p) => p.cmdline.length > 0).sort((a, b) => Number(!a.container) - Number(!b.container) || a.pid - b.pid);
    try {
      const opened = inspect();
      await answerQuickPick(0, opened);
      const panel = await opened;
      assert.equal(panel.target.pid, first.pid);
    } finally {
      await closeQuickInput();
    }
  });
});
