// A real process that tries to inject Markdown and HTML through its argv and comm
// (test/integration/support/hostileProcess.ts), as a person sees it: its UTS namespace and its
// process in the tree, each hovered; the hover VS Code draws holds no link and no image, and shows
// the newline as "\n". Screenshots of both hovers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { saveScreenshot } from './helpers/screenshots';
import { NamespaceLab } from '../integration/support/namespaces';
import { startHostileProcess, type HostileProcess } from '../integration/support/hostileProcess';

describe('host text that tries to inject Markdown, in the tree and its hovers', () => {
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
});
