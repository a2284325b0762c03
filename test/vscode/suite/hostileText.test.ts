// A real process whose argv and comm try to inject Markdown and HTML (test/integration/support/
// hostileProcess.ts): the tree items of its namespace and of itself carry one-line labels, and
// their tooltips are untrusted MarkdownStrings without HTML that VS Code's own Markdown renderer
// (markdown.api.render) turns into no link and no image; the details documents link only to other
// details documents, never from host text.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { NamespacesView } from '../../../src/extension/views/namespacesView';
import { activatedApi } from './extensionUnderTest';
import { NamespaceLab } from '../../integration/support/namespaces';
import { startHostileProcess, type HostileProcess } from '../../integration/support/hostileProcess';

describe('Host text in the Namespaces view', function () {
  this.timeout(60_000);
  const lab = new NamespaceLab();
  let view: NamespacesView;
  let hostile: HostileProcess;
  let nsId: string;

  before(async () => {
    view = (await activatedApi()).namespacesView;
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    hostile = await startHostileProcess(lab);
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
    await vscode.commands.executeCommand('nsInspector.view.groupByType');
    await vscode.commands.executeCommand('nsInspector.view.refresh');
    nsId = namespaceNodeId({ dev: view.result!.nsfsDev, ino: hostile.utsIno });
  });

  after(async () => {
    lab.cleanup();
    hostile?.remove();
    await vscode.workspace.getConfiguration('nsInspector').update('grouping', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Renders `markdown` as VS Code does: no image, no bidi override, and only the links `ours` allows. */
  async function assertInert(markdown: string, where: string, ours: (href: string) => boolean = () => false): Promise<void> {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    assert.equal(typeof html, 'string', 'markdown.api.render answered');
    assert.doesNotMatch(html, /<img\b/i, `${where} renders an image:\n${html}`);
    const links = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
    const hrefs = links.map((a) => /\bdata-href="([^"]*)"|\bhref="([^"]*)"/.exec(a)).map((m) => m?.[1] ?? m?.[2] ?? '');
    assert.deepEqual(hrefs.filter((href) => !ours(href)), [], `${where} renders a link of its own:\n${html}`);
    assert.doesNotMatch(markdown, /\u202E/u, `${where} keeps the bidi override`);
  }

  it('the namespace and process items: one-line labels, untrusted tooltips without links or images', async () => {
    const processId = processNodeId(nsId, hostile.pid);
    for (const id of [nsId, processId]) {
      const item = view.provider.getTreeItem(id);
      const label = String(typeof item.label === 'object' ? item.label.label : item.label);
      assert.doesNotMatch(label, /[\n\r\u202E]/u, `label ${JSON.stringify(label)}`);
      assert.ok(label.includes('\\n'), `the newline is shown as \\n: ${JSON.stringify(label)}`);
      const tooltip = item.tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, 'the tooltip is Markdown');
      assert.ok(!tooltip.isTrusted, 'not trusted');
      assert.ok(!tooltip.supportHtml, 'no HTML');
      assert.ok(tooltip.value.length < 3000, `capped: ${tooltip.value.length} characters`);
      await assertInert(tooltip.value, `tooltip of ${id}`);
    }
  });

  it('the details documents of the process and its namespace link only to details documents', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('nsInspector.namespace.showDetails', processNodeId(nsId, hostile.pid));
    assert.ok(doc.getText().includes('[x](https://example.invalid)'), 'the argv is shown, as text');
    // Its namespaces and its parent: relative links to their documents, nothing else.
    const ours = (href: string) => /^(\.\.\/)+(namespace\/[a-z]+-\d+|\d+\/\d+-[\w.-]*)\.md$/.test(href);
    await assertInert(doc.getText(), 'the details document of the process', ours);
    const ns = await vscode.commands.executeCommand<vscode.TextDocument>('nsInspector.namespace.showDetails', nsId);
    assert.ok(ns.getText().includes(`[PID ${hostile.pid}](../process/`), 'the namespace links its process');
    await assertInert(ns.getText(), 'the details document of its UTS namespace', (href) => /^(\.\.\/process\/\d+\/\d+-[\w.-]*|[a-z]+-\d+)\.md$/.test(href));
  });
});
