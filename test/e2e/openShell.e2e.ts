// "Open Shell in Namespaces…" from a namespace item's context menu, as a user does it: the test's
// network namespace (held by its bind mount only, so no further question) gets a terminal whose
// shell runs inside it; the test types `ip -o link` there and saves a screenshot.
import { after, before, describe, it } from 'node:test';
import { statSync } from 'node:fs';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil } from './helpers/contextMenu';
import { saveScreenshot } from './helpers/screenshots';
import { runCommand } from './helpers/palette';
import { answerInputBox } from './helpers/inputBox';
import { NamespaceLab } from '../integration/support/namespaces';

describe('Open Shell in Namespaces from the tree', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let netnsName: string;
  let netIno: number;

  before(async () => {
    netnsName = lab.addNetns('e2e-shell');
    netIno = statSync(`/run/netns/${netnsName}`).ino;
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
  });

  it('the context-menu entry on a namespace item opens a terminal inside it', async () => {
    const page = session.page;
    const view = sideBarView(page, 'Namespaces');
    // Filtered to the test's namespace: on a busy host its row may be far down a long list.
    await runCommand(page, 'Namespace Inspector: Filter Namespaces...', { asks: true });
    await answerInputBox(page, String(netIno));
    await expandTreeItem(treeItem(view, 'net'));
    const tab = page.locator('.terminal-tabs-entry, .panel .composite.title', { hasText: `/run/netns/${netnsName}` }).first();
    try {
      await chooseFromContextMenuUntil(treeItem(view, `net ${netIno} · ${netnsName}`), 'Open Shell in Namespaces...', tab);
    } catch (error) {
      await saveScreenshot(page, 'open-shell-failure');
      throw error;
    }
    await page.locator('.terminal-wrapper.active .xterm').first().waitFor();
    await page.locator('.terminal-wrapper.active .xterm').first().click();
    await page.keyboard.type('ip -o link\n');
    // The terminal draws on a canvas, so its text is not in the DOM: the screenshot shows the output.
    await page.waitForTimeout(1500);
    await saveScreenshot(page, 'open-shell-netns-terminal');
  });
});
