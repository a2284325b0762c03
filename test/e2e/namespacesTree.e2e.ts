// The Namespaces tree as a user drives it: expand the net folder, find this test's network
// namespace and its process, open its context menu; switch through every grouping from the title
// bar and the palette (a screenshot each); a filter's message; a filter that matches nothing and
// its clear action.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView, welcomeContent } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { chooseMenuItem, openContextMenu } from './helpers/contextMenu';
import { runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { sideBarTitleAction } from './helpers/viewTitle';
import { answerInputBox } from './helpers/inputBox';
import { webviewFrame } from './helpers/webview';
import { NamespaceLab, nsInode, waitForCommand } from '../integration/support/namespaces';

describe('the Namespaces tree in the workbench', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let netnsName: string;
  let netIno: number;

  before(async () => {
    netnsName = lab.addNetns('e2e');
    // An address on lo, for the details' interface list.
    execFileSync('ip', ['-n', netnsName, 'link', 'set', 'lo', 'up']);
    execFileSync('ip', ['-n', netnsName, 'addr', 'add', '192.0.2.17/24', 'dev', 'lo']);
    const sleeper = lab.start(['ip', 'netns', 'exec', netnsName, 'sleep', '600']).pid!;
    await waitForCommand(sleeper, 'sleep');
    netIno = nsInode(sleeper, 'net');
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
  });

  const view = () => sideBarView(session.page, 'Namespaces');

  /** Clicks a title-bar action, focusing the view first: a click while an editor or the palette had focus may only move focus. */
  async function clickTitleAction(label: string) {
    await view().locator('.monaco-list').focus();
    await sideBarTitleAction(session.page, label).click();
  }

  /** Chooses an entry of a title-bar submenu; retries, since a menu may close again when focus moves. */
  async function chooseFromTitleMenu(label: string, entry: string) {
    const menu = session.page.locator('.context-view .monaco-menu');
    for (let attempt = 1; ; attempt++) {
      await clickTitleAction(label);
      try {
        await menu.waitFor({ timeout: 5000 });
        await saveScreenshot(session.page, 'tree-group-by-menu');
        await menu.locator('.action-label', { hasText: entry }).click({ timeout: 5000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await session.page.keyboard.press('Escape');
      }
    }
  }

  it('expands "net" and finds the test\'s network namespace and its process', async () => {
    const net = treeItem(view(), 'net');
    await net.waitFor();
    await expandTreeItem(net);
    const ns = namespaceItem(view(), 'net', netIno, netnsName);
    await ns.waitFor();
    await expandTreeItem(ns);
    await treeItem(view(), 'sleep').waitFor();
    await saveScreenshot(session.page, 'tree-by-type');
  });

  it('opens the namespace\'s context menu with details and copy actions', async () => {
    const menu = await openContextMenu(namespaceItem(view(), 'net', netIno, netnsName));
    for (const entry of ['Show Details', 'Copy nsenter Command', 'Copy Namespace Inode', 'Copy PID']) {
      await menu.getByRole('menuitem', { name: entry }).waitFor();
    }
    await saveScreenshot(session.page, 'tree-context-menu');
    await chooseMenuItem(menu, 'Show Details');
    // Rendered in the Markdown preview: a heading with the name, wall-clock start, the interfaces.
    const details = await webviewFrame(session.page, 'h1');
    const heading = details.locator('h1', { hasText: `net:[${netIno}]` });
    await heading.waitFor();
    assert.match(await heading.innerText(), new RegExp(`^${netnsName} · net:\\[${netIno}\\]$`));
    const text = await details.locator('body').innerText();
    assert.match(text, /since: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \((just now|\d+ (second|minute)s? ago)\)/);
    assert.match(text, /Interfaces \(1\)/);
    assert.match(text, /lo \(loopback, up, mtu 65536/);
    assert.match(text, /IPv4 192\.0\.2\.17\/24 scope global/);
    assert.ok(!/^#|^- /m.test(text), `raw Markdown shows: ${text}`);
    // The preview follows the document: an address added now shows after the next auto-refresh.
    execFileSync('ip', ['-n', netnsName, 'addr', 'add', '192.0.2.18/24', 'dev', 'lo']);
    await details.locator('body', { hasText: '192.0.2.18/24' }).waitFor({ timeout: 20_000 });
    await saveScreenshot(session.page, 'tree-details-document');
  });

  it('groups by user namespace from the title bar\'s Group By menu', async () => {
    await chooseFromTitleMenu('Group By', 'Group Namespaces by User Namespace');
    // The tree's top level is now the user namespaces ("host … user INODE"), not the type folders.
    // (A view alone in its container shows no description in the title bar: the grouping is
    // seen in the tree and in the menu, where the active one is disabled.)
    const hostUser = view().getByRole('treeitem', { name: / user \d+\b/, level: 1 }).first();
    await hostUser.waitFor({ timeout: 10_000 });
    await expandTreeItem(hostUser);
    await namespaceItem(view(), 'net', netIno, netnsName).waitFor();
    await saveScreenshot(session.page, 'tree-by-user-namespace');
  });

  it('keeps the Group By menu open across auto-refreshes (every 5 s by default)', async () => {
    const menu = session.page.locator('.context-view .monaco-menu');
    await clickTitleAction('Group By');
    await menu.waitFor({ timeout: 5000 });
    // Two refresh intervals and a second: each refresh used to set the view's description and
    // context keys again, and VS Code closed the open menu every time.
    const until = Date.now() + 11_000;
    while (Date.now() < until) {
      assert.equal(await menu.isVisible(), true, 'the Group By menu closed by itself during an auto-refresh');
      await session.page.waitForTimeout(250);
    }
    await saveScreenshot(session.page, 'tree-group-by-menu-after-refreshes');
    await session.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('offers root neither the privileged view nor the helper installer (title menu and palette)', async () => {
    const { page } = session;
    await view().locator('.monaco-list').focus();
    // A view alone in its container puts its overflow in the container's "Views and More Actions…".
    await page.locator('.part.sidebar .title-actions a.action-label[aria-label*="More Actions"]').first().click();
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const entries = await menu.locator('.action-label').allTextContents();
    assert.ok(entries.length > 0, 'the title bar\'s More Actions menu opened');
    assert.deepEqual(entries.filter((text) => /Show All Namespaces|Install Privileged Helper/.test(text)), [], `offered to root: ${entries.join(' | ')}`);
    assert.ok(entries.includes('Show Kernel Threads'), `the kernel-thread toggle is in the "…" menu: ${entries.join(' | ')}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    // The palette's answer is either the command's row or, when it is hidden, other rows or none.
    for (const title of ['Show All Namespaces (privileged)', 'Install Privileged Helper']) {
      await input.fill(`>Namespace Inspector: ${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title });
      const answered = row.or(page.locator('.quick-input-list .monaco-list-row').first()).or(page.getByText('No matching commands'));
      await answered.first().waitFor();
      assert.equal(await row.count(), 0, `the palette offers root "${title}"`);
    }
    await input.fill('>Namespace Inspector: Filter Namespaces');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Filter Namespaces' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('groups by PID namespace and by container from the palette', async () => {
    await runCommand(session.page, 'Namespace Inspector: Group Namespaces by PID Namespace');
    await expandTreeItem(namespaceItem(view(), 'pid', '\\d+'));
    await saveScreenshot(session.page, 'tree-by-pid-namespace');
    await runCommand(session.page, 'Namespace Inspector: Group Namespaces by Container');
    await expandTreeItem(view().getByRole('treeitem', { name: /^host \d+ namespaces?\b/, level: 1 }));
    await namespaceItem(view(), 'net', netIno, netnsName).waitFor();
    await saveScreenshot(session.page, 'tree-by-container');
  });

  it('Show Details from the palette asks which namespace with a quick pick', async () => {
    const page = session.page;
    // The context-menu test opened this document already: close it, so the tab below is new.
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tab').first().waitFor({ state: 'detached' });
    // Not runCommand(): it waits for the palette to close, but the namespace pick opens in its place.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Namespace Inspector: Show Details');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Namespace Inspector: Show Details' }).first().click();
    await page.locator('.quick-input-widget input[placeholder^="Pick a namespace"]').waitFor();
    await input.fill(netnsName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: netnsName }).first().waitFor();
    await saveScreenshot(page, 'palette-namespace-pick');
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: `net-${netIno}` }).first().waitFor();
  });

  it('a filter that matches says so above the tree (the view is alone, so its description is hidden)', async () => {
    await clickTitleAction('Filter Namespaces');
    await answerInputBox(session.page, netnsName);
    const message = view().locator('.message', { hasText: `Filter "${netnsName}": 1 namespace match.` });
    await message.waitFor();
    // The match shows without a click (its folder is opened), and Filter stays beside Clear.
    await namespaceItem(view(), 'net', netIno, netnsName).waitFor();
    await sideBarTitleAction(session.page, 'Filter Namespaces').waitFor();
    await sideBarTitleAction(session.page, 'Clear Namespace Filter').waitFor();
    await saveScreenshot(session.page, 'tree-filter-match');
    await runCommand(session.page, 'Namespace Inspector: Clear Namespace Filter');
    await message.waitFor({ state: 'hidden' });
  });

  it('a filter matching nothing shows an empty state whose button clears it', async () => {
    await clickTitleAction('Filter Namespaces');
    await answerInputBox(session.page, 'no-such-namespace-anywhere');
    const clear = welcomeContent(view()).getByRole('button', { name: 'Clear Filter' });
    await clear.waitFor();
    await saveScreenshot(session.page, 'tree-filter-no-match');
    await clear.click();
    await treeItem(view(), 'host').waitFor();
    assert.equal(await clear.isVisible(), false);
  });
});
