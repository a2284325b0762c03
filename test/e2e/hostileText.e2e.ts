// A real process that tries to inject Markdown and HTML through its argv and comm
// (test/integration/support/hostileProcess.ts), as a person sees it: its UTS namespace and its
// process in the tree, each hovered; the hover VS Code draws holds no link and no image, and shows
// the newline as "\n". Its Show Details in the Markdown preview: the argv as text, links only to
// other details documents, and the link to its UTS namespace followed to a heading that shows the
// hostile hostname as text. Screenshots of both hovers and both documents.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { saveScreenshot } from './helpers/screenshots';
import { chooseMenuItem, openContextMenu } from './helpers/contextMenu';
import { webviewFrame } from './helpers/webview';
import { NamespaceLab } from '../integration/support/namespaces';
import { startHostileProcess, type HostileProcess } from '../integration/support/hostileProcess';

describe('host text that tries to inject Markdown, in the tree, its hovers and Show Details', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let hostile: HostileProcess;

  before(async () => {
    hostile = await startHostileProcess(lab);
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    hostile?.remove();
    await session?.close();
  });

  const view = () => sideBarView(session.page, 'Namespaces');

  /** Hovers a tree row and returns the hover VS Code shows for it. */
  async function hoverOf(item: Locator, expected: string): Promise<Locator> {
    const hover = session.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: expected }).first();
    for (let attempt = 1; ; attempt++) {
      await session.page.mouse.move(0, 0);
      await item.hover();
      try {
        await hover.waitFor({ timeout: 5000 });
        return hover;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  async function assertInert(hover: Locator, name: string): Promise<void> {
    await saveScreenshot(session.page, name);
    assert.equal(await hover.locator('a').count(), 0, `links in the hover: ${await hover.innerHTML()}`);
    assert.equal(await hover.locator('img').count(), 0, `images in the hover: ${await hover.innerHTML()}`);
    const text = await hover.innerText();
    assert.ok(text.includes('\\n'), `the newline is shown as \\n: ${text}`);
    assert.ok(!text.includes('\u202E'), 'the bidi override is gone');
  }

  it('the namespace and the process hovers show the text without links or images', async () => {
    const uts = treeItem(view(), 'uts');
    await uts.waitFor();
    await expandTreeItem(uts);
    const ns = namespaceItem(view(), 'uts', hostile.utsIno);
    await ns.waitFor();
    const nsLabel = await ns.locator('.label-name').innerText();
    assert.ok(nsLabel.includes('\\n') && !nsLabel.includes('\n'), `one-line label: ${JSON.stringify(nsLabel)}`);
    await assertInert(await hoverOf(ns, `uts:[${hostile.utsIno}]`), 'hostile-namespace-hover');

    await expandTreeItem(ns);
    const processRow = view().getByRole('treeitem').filter({ hasText: new RegExp(`PID ${hostile.pid}\\b`) }).first();
    await processRow.waitFor();
    const hover = await hoverOf(processRow, 'command line:');
    assert.ok((await hover.innerText()).includes('[x](https://example.invalid)'), 'the argv is shown as text');
    await assertInert(hover, 'hostile-process-hover');
  });

  /** The links of a rendered details document: each must lead to another details document. */
  async function assertOnlyOurLinks(frame: Frame, ours: RegExp, where: string): Promise<void> {
    const body = frame.locator('body');
    assert.equal(await body.locator('img').count(), 0, `images in ${where}: ${await body.innerHTML()}`);
    const hrefs = await body.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(hrefs.length > 0, `${where} links its related items`);
    assert.deepEqual(hrefs.filter((href) => !ours.test(href)), [], `${where} has a link of its own: ${hrefs.join(' ')}`);
    assert.ok(!(await body.innerText()).includes('\u202E'), 'the bidi override is gone');
  }

  it('Show Details of the process: the argv is text, and its link to the UTS namespace leads there', async () => {
    const processRow = view().getByRole('treeitem').filter({ hasText: new RegExp(`PID ${hostile.pid}\\b`) }).first();
    await chooseMenuItem(await openContextMenu(processRow), 'Show Details');
    const details = await webviewFrame(session.page, `h1:has-text("(PID ${hostile.pid})")`);
    const text = await details.locator('body').innerText();
    assert.ok(text.includes('[x](https://example.invalid)'), 'the argv is shown as text');
    assert.ok(text.includes('<img src="https://example.invalid/i.png">'), 'the <img> tag is shown as text');
    await assertOnlyOurLinks(details, /^(\.\.\/)+(namespace\/[a-z]+-\d+|\d+\/\d+-[\w.-]*)\.md$/, 'the process document');
    await saveScreenshot(session.page, 'hostile-process-details');
    await details.getByRole('link', { name: String(hostile.utsIno), exact: true }).click();
    const nsDetails = await webviewFrame(session.page, `h1:has-text("uts:[${hostile.utsIno}]")`, 15_000);
    const heading = await nsDetails.locator('h1').innerText();
    assert.ok(heading.startsWith('evil\\n[h](https://example.invalid)txt · '), `the hostname, as text, leads the heading: ${JSON.stringify(heading)}`);
    assert.equal(await nsDetails.locator('h1 a').count(), 0, 'no link in the heading');
    await assertOnlyOurLinks(nsDetails, /^(\.\.\/process\/\d+\/\d+-[\w.-]*|[a-z]+-\d+)\.md$/, 'the namespace document');
    await saveScreenshot(session.page, 'hostile-namespace-details');
  });
});
