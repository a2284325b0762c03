// "Open Container Filesystem" from a process item's context menu, as a user does it: a process in
// a busybox image (chrooted, its own mount namespace) gets a read-only folder in the Explorer
// (the window, a single folder, is reloaded as an untitled workspace after "Add to Workspace");
// a file only the image has opens in an editor. Screenshots of the Explorer and the editor.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { showFilteredNamespace } from './helpers/filteredNamespace';
import { expandTreeItem, treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil, chooseMenuItem, openContextMenu } from './helpers/contextMenu';
import { animationsFinished, saveScreenshot } from './helpers/screenshots';
import { runCommand } from './helpers/palette';
import { notification } from './helpers/notifications';
import { activityBarEntry } from './helpers/activityBar';
import { NamespaceLab, nsInode } from '../integration/support/namespaces';
import { busyboxRoot, startInImage } from '../integration/support/busyboxImage';

const IMAGE_TEXT = 'This file is only in the image.';
const NEEDLE = 'listen_port';
// A line the image chose: a codicon, a bidi override and a terminal escape, shown as text.
const HOSTILE_LINE = `${NEEDLE} = 8080 $(alert) \u202eevil \x1b[31mred`;

describe('Open Container Filesystem from the tree', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  const dir = mkdtempSync(join(tmpdir(), 'nsi-e2e-files-'));

  before(async () => {
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Open in New Window: a window whose only folder is the container folder shows its files', async () => {
    // Such a window is a virtual workspace (no folder on disk): VS Code runs there only the
    // extensions that declare they can, and without this one nothing serves nsfs-root.
    const page = session.page;
    const root = busyboxRoot(dir, 'window');
    writeFileSync(join(root, 'window-only.txt'), 'Only in the new window.\n');
    const pid = await startInImage(lab, root, { drop: ['cap_sys_admin'], hostname: 'e2e-window', command: ['/bin/sleep', '600'] });
    const utsIno = nsInode(pid, 'uts');
    const view = sideBarView(page, 'Namespaces');
    await showFilteredNamespace(page, view, 'uts', utsIno, { expand: true });
    const ask = notification(page, `Open the files of process ${pid}`);
    await chooseFromContextMenuUntil(treeItem(view, 'sleep'), 'Open Container Filesystem', ask);
    const popupOpened = page.context().waitForEvent('page', { timeout: 30_000 });
    await ask.getByRole('button', { name: 'Open in New Window' }).click();
    const popup = await popupOpened;
    try {
      await popup.setViewportSize({ width: 1280, height: 800 });
      await popup.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await runCommand(popup, 'View: Show Explorer');
      const explorer = popup.locator('.explorer-folders-view');
      await explorer.getByRole('treeitem', { name: 'bin' }).first().waitFor({ timeout: 30_000 });
      await explorer.getByRole('treeitem', { name: 'window-only.txt' }).first().click();
      await popup.locator('.editor-instance .view-lines', { hasText: 'Only in the new window.' }).first().waitFor({ timeout: 20_000 });
      await saveScreenshot(popup, 'container-files-new-window');
    } catch (error) {
      await saveScreenshot(popup, 'container-files-new-window-failure');
      throw error;
    } finally {
      await popup.close();
    }
  });

  it("a process's root becomes a read-only Explorer folder whose image-only file opens in an editor", async () => {
    const page = session.page;
    const root = busyboxRoot(dir, 'image');
    writeFileSync(join(root, 'image-only.txt'), `${IMAGE_TEXT}\n`);
    writeFileSync(join(root, 'work', 'app.conf'), `# app\n${NEEDLE} = 80\n`);
    writeFileSync(join(root, 'work', 'hostile.conf'), `${HOSTILE_LINE}\n`);
    const pid = await startInImage(lab, root, { drop: ['cap_sys_admin'], hostname: 'e2e-files', command: ['/bin/sleep', '600'] });
    const utsIno = nsInode(pid, 'uts');
    const view = sideBarView(page, 'Namespaces');
    /** Open Container Filesystem from the process item's context menu (until `outcome` shows, when given). */
    const openFromTree = async (outcome?: Locator) => {
      await showFilteredNamespace(page, view, 'uts', utsIno, { expand: true });
      if (outcome) await chooseFromContextMenuUntil(treeItem(view, 'sleep'), 'Open Container Filesystem', outcome);
      else await chooseMenuItem(await openContextMenu(treeItem(view, 'sleep'), 8000), 'Open Container Filesystem');
    };
    const ask = notification(page, `Open the files of process ${pid}`);
    const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: `sleep (PID ${pid}, read-only)` }).first();
    /** Add to Workspace on the asking notification, and wait for the reloaded page. */
    const addAndReload = async () => {
      // VS Code first shows the folder in the old page, then reloads: only the new page counts.
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await ask.getByRole('button', { name: 'Add to Workspace (reloads this window)' }).click();
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await activityBarEntry(page, 'Namespaces').waitFor({ timeout: 60_000 });
      await runCommand(page, 'View: Show Explorer');
    };
    try {
      await openFromTree(ask);
      await saveScreenshot(page, 'container-files-ask');
      // The window reloads as an untitled workspace with the folder; the Explorer shows it.
      await addAndReload();
      for (let attempt = 1; !(await folder.waitFor({ timeout: 30_000 }).then(() => true, () => false)); attempt++) {
        // Seen in full runs, never alone: the reloaded window came back without the container
        // folder (as the single folder it was, or an untitled workspace with fewer folders): VS
        // Code's own record of the new workspace cut short by the reload. The same command again:
        // in a workspace it adds the folder at once; in a single-folder window it asks again.
        assert.ok(attempt <= 2, 'the folder never stayed in the workspace');
        await saveScreenshot(page, `container-files-reload-lost-folder-${attempt}`);
        await activityBarEntry(page, 'Namespaces').click();
        await openFromTree();
        if (await ask.waitFor({ timeout: 5000 }).then(() => true, () => false)) await addAndReload();
        else await runCommand(page, 'View: Show Explorer');
      }
      await page.waitForURL(/[?&]workspace=/, { timeout: 10_000 });
      await runCommand(page, 'View: Show Explorer');
      await folder.waitFor({ timeout: 30_000 });
      const explorer = page.locator('.explorer-folders-view');
      const folderRow = explorer.getByRole('treeitem', { name: new RegExp(`sleep \\(PID ${pid}, read-only\\)`) }).first();
      await expandTreeItem(folderRow);
      await explorer.getByRole('treeitem', { name: 'bin' }).first().waitFor();
      const file = explorer.getByRole('treeitem', { name: 'image-only.txt' }).first();
      await file.click();
      await page.locator('.editor-instance .view-lines', { hasText: IMAGE_TEXT }).first().waitFor({ timeout: 20_000 });
      await page.locator('.tabs-container .tab', { hasText: 'image-only.txt' }).first().waitFor();
      await page.waitForTimeout(800);
      await saveScreenshot(page, 'container-files-explorer');
    } catch (error) {
      await saveScreenshot(page, 'container-files-failure');
      throw error;
    }
  });

  it('Find in Container Folder from the Explorer: matching lines in a picker, the image\'s text as text; the picked line opens', async () => {
    const page = session.page;
    const explorer = page.locator('.explorer-folders-view');
    const folderRow = explorer.getByRole('treeitem', { name: /sleep \(PID \d+, read-only\)/ }).first();
    const input = page.locator('.quick-input-widget input');
    try {
      await chooseFromContextMenuUntil(folderRow, 'Find in Container Folder…', input);
      await input.fill(NEEDLE);
      await page.keyboard.press('Enter');
      const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      const hostileRow = rows.filter({ hasText: '/work/hostile.conf:1' });
      await hostileRow.waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: '/work/app.conf:2' }).waitFor();
      const label = await hostileRow.locator('.label-name').innerText();
      assert.match(label, /\$\(alert\)/, 'the codicon syntax is shown as text');
      assert.ok(label.includes('\\x1b[31mred'), `the escape is shown visibly: ${label}`);
      assert.ok(!label.includes('\u202e'), 'the bidi override is dropped');
      assert.equal(await hostileRow.locator('.codicon-alert').count(), 0, 'no icon drawn');
      await animationsFinished(page);
      await saveScreenshot(page, 'container-files-find');
      await rows.filter({ hasText: '/work/app.conf:2' }).click();
      await page.locator('.tabs-container .tab', { hasText: 'app.conf' }).first().waitFor({ timeout: 20_000 });
      await page.locator('.editor-instance .view-lines', { hasText: `${NEEDLE} = 80` }).first().waitFor();
    } catch (error) {
      await saveScreenshot(page, 'container-files-find-failure');
      throw error;
    }
  });
});
