// Issue 17's smaller items as a user meets them in the browser: a UTS namespace labelled by its
// hostname, Show Details linking a process to its namespaces and back (followed in the Markdown
// preview, by keyboard and by mouse), the summary's document, the active grouping checked in
// Group By, the topology's SVG export confirmed and unmarked, and the activity-bar icon (a
// screenshot each).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { chooseMenuItem, openContextMenu } from './helpers/contextMenu';
import { runCommand } from './helpers/palette';
import { saveScreenshot, SCREENSHOT_DIR } from './helpers/screenshots';
import { openSideBarTitleMenu } from './helpers/viewTitle';
import { notification } from './helpers/notifications';
import { activityBarEntry } from './helpers/activityBar';
import { webviewFrame } from './helpers/webview';
import { NamespaceLab, nsInode, waitForCommand } from '../integration/support/namespaces';

describe('issue 17 polish in the workbench', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  const hostname = `polish-${process.pid}`;
  let sleeper: number;
  let utsIno: number;
  let netnsName: string;

  before(async () => {
    sleeper = lab.start(['unshare', '--uts', 'sh', '-c', 'hostname "$1" && exec sleep 600', 'sh', hostname]).pid!;
    await waitForCommand(sleeper, 'sleep');
    utsIno = nsInode(sleeper, 'uts');
    netnsName = lab.addNetns('polish');
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
  });

  const view = () => sideBarView(session.page, 'Namespaces');

  it('shows the activity-bar icon: rings around a process, in the theme colour', async () => {
    const entry = activityBarEntry(session.page, 'Namespaces');
    await entry.waitFor();
    // VS Code draws an extension's icon as a mask in the foreground colour: our file, no colours of its own.
    const mask = await entry.locator('a.action-label').evaluate((e) => {
      const style = (globalThis as unknown as { getComputedStyle(el: unknown): { maskImage: string; webkitMaskImage?: string } }).getComputedStyle(e);
      return style.webkitMaskImage || style.maskImage;
    });
    assert.match(mask, /namespaces\.svg/);
    await entry.screenshot({ path: join(SCREENSHOT_DIR, 'activity-bar-icon.png') });
    await session.page.locator('.part.activitybar').screenshot({ path: join(SCREENSHOT_DIR, 'activity-bar.png') });
  });

  it('labels a UTS namespace by its hostname', async () => {
    await expandTreeItem(treeItem(view(), 'uts'));
    const item = namespaceItem(view(), 'uts', utsIno, hostname);
    await item.waitFor({ timeout: 20_000 });
    await item.scrollIntoViewIfNeeded();
    await saveScreenshot(session.page, 'tree-uts-hostname');
  });

  it('Show Details of a process links its namespaces, and a namespace its processes: followed in the same preview', async () => {
    const page = session.page;
    const tabs = page.locator('.tabs-container .tab');
    const namespace = namespaceItem(view(), 'uts', utsIno, hostname);
    await expandTreeItem(namespace);
    const row = view().getByRole('treeitem').filter({ hasText: new RegExp(`PID ${sleeper}\\b`) }).first();
    await chooseMenuItem(await openContextMenu(row), 'Show Details');
    const processPage = await webviewFrame(page, `h1:has-text("(PID ${sleeper})")`);
    await tabs.filter({ hasText: `${sleeper}-sleep.md` }).waitFor();
    assert.equal(await tabs.count(), 1);
    // By keyboard: Tab from the heading to the link named by the UTS namespace's inode, then Enter.
    await processPage.locator('h1').click();
    const focused = () =>
      processPage.evaluate(() => {
        const active = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string } | null } }).document.activeElement;
        return active && { tagName: active.tagName, textContent: active.textContent };
      });
    for (let presses = 0; ; presses++) {
      const active = await focused();
      if (active?.tagName === 'A' && active.textContent === String(utsIno)) break;
      assert.ok(presses < 40, `no link to uts:[${utsIno}] within 40 presses of Tab (at ${JSON.stringify(active)})`);
      await page.keyboard.press('Tab');
    }
    assert.match(await processPage.locator('body').innerText(), new RegExp(`uts: ${utsIno} · ${hostname}`));
    await saveScreenshot(page, 'details-process-link-focused');
    await page.keyboard.press('Enter');
    const nsPage = await webviewFrame(page, `h1:has-text("uts:[${utsIno}]")`, 15_000);
    assert.match(await nsPage.locator('h1').innerText(), new RegExp(`^${hostname} · uts:\\[${utsIno}\\]$`));
    assert.match(await nsPage.locator('body').innerText(), new RegExp(`hostname: ${hostname}`));
    await tabs.filter({ hasText: `uts-${utsIno}.md` }).waitFor();
    assert.equal(await tabs.count(), 1, 'followed in the same preview: no new editor');
    await saveScreenshot(page, 'details-followed-to-namespace');
    // By mouse, back to the process from the namespace's list of processes (the last of its
    // links: the first is its most senior process).
    await nsPage.getByRole('link', { name: `PID ${sleeper}`, exact: true }).last().click();
    const again = await webviewFrame(page, `h1:has-text("(PID ${sleeper})")`, 15_000);
    assert.match(await again.locator('body').innerText(), new RegExp(`PID in each PID namespace, host first: ${sleeper}`));
    await tabs.filter({ hasText: `${sleeper}-sleep.md` }).waitFor();
    assert.equal(await tabs.count(), 1);
    await saveScreenshot(page, 'details-followed-back-to-process');
    await runCommand(page, 'View: Close All Editors');
  });

  it('Group By checks the active grouping', async () => {
    let menu = session.page.locator('.context-view .monaco-menu');
    const open = async () => {
      await view().locator('.monaco-list').focus();
      menu = await openSideBarTitleMenu(session.page, 'Group By');
    };
    await open();
    await menu.getByRole('menuitem', { name: '✓ Group Namespaces by Type' }).waitFor();
    assert.equal(await menu.getByRole('menuitem', { name: 'Group Namespaces by Type', exact: true }).count(), 0, 'the plain entry gives way to the checked one');
    await saveScreenshot(session.page, 'group-by-checked-type');
    await chooseMenuItem(menu, 'Group Namespaces by Container');
    await menu.waitFor({ state: 'detached' });
    await open();
    await menu.getByRole('menuitem', { name: '✓ Group Namespaces by Container' }).waitFor();
    await menu.getByRole('menuitem', { name: 'Group Namespaces by Type', exact: true }).waitFor();
    await saveScreenshot(session.page, 'group-by-checked-container');
    await chooseMenuItem(menu, 'Group Namespaces by Type');
  });

  it('Show Namespace Summary: the toast opens a document to read and copy', async () => {
    await runCommand(session.page, 'Namespace Inspector: Show Namespace Summary');
    const toast = notification(session.page, /\d+ namespaces \(mnt \d+/);
    await toast.waitFor({ timeout: 30_000 });
    await toast.getByRole('button', { name: 'Show Details' }).click();
    const summary = await webviewFrame(session.page, 'h1:has-text("Namespace summary")');
    const table = await summary.locator('table').innerText();
    for (const type of ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']) assert.match(table, new RegExp(`^${type}\\t`, 'm'));
    await saveScreenshot(session.page, 'summary-document');
    await runCommand(session.page, 'View: Close All Editors');
  });

  it('exports the topology as SVG: a confirmation with Open, and no selection mark in the file', async () => {
    const page = session.page;
    await runCommand(page, 'Namespace Inspector: Show Network Topology');
    const frame = await webviewFrame(page, '#picture .ns', 60_000);
    const box = frame.locator('#picture .ns', { hasText: netnsName }).first();
    await box.waitFor({ timeout: 20_000 });
    await page.mouse.move(700, 650);
    await saveScreenshot(page, 'topology-overview');
    await box.locator(':scope > rect').first().click();
    await saveScreenshot(page, 'topology-selected');
    await frame.locator('#picture .ns.selected').waitFor();
    // The save dialog of the browser workbench (a path in the quick input) offers this file: accepted as offered.
    const target = join(session.workspace, 'network-topology.svg');
    await frame.getByRole('button', { name: 'Export as SVG…' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.waitForFunction(() => !!(globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('.quick-input-widget input')?.value.endsWith('network-topology.svg'));
    await page.keyboard.press('Enter');
    const toast = notification(page, 'Exported the network topology to');
    await toast.waitFor({ timeout: 20_000 });
    assert.ok((await toast.innerText()).includes(target), await toast.innerText());
    assert.ok(await toast.getByRole('button', { name: /^Reveal/ }).count(), 'a Reveal button');
    await saveScreenshot(page, 'topology-export-confirmed');
    assert.ok(existsSync(target));
    const svg = readFileSync(target, 'utf8');
    assert.ok(svg.includes(netnsName), 'the picture has the namespace');
    // The selected box is drawn as its unselected neighbours are (the host's box has a frame of its own).
    assert.doesNotMatch(svg, /\bselected\b|data-stroke/, 'no selection class or saved stroke in the exported picture');
    const key = await box.getAttribute('data-ns-key');
    const frameOf = new RegExp(`<g class="ns" data-ns-key="${key}"[^>]*><rect class="frame"[^>]*stroke-width="1"`);
    assert.match(svg, frameOf, 'the selected box has its plain frame in the file');
    assert.equal(await frame.locator('#picture .ns.selected').count(), 1, 'the page keeps its selection');
    await toast.getByRole('button', { name: 'Open' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'network-topology.svg' }).waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'topology-export-opened');
  });
});
