// Show ID Maps as a user meets it: from a user namespace's context menu in the tree, the panel
// draws the maps of the test's three-level nest (ranges and labels asserted in the webview's DOM),
// Translate answers like the kernel and refuses bad input inline, arrow keys move between ranges,
// a namespace opened from the palette updates live and says when it is gone, and the panel comes
// back after a reload. Screenshots in the light and dark default themes at 100% and 200% zoom.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil } from './helpers/contextMenu';
import { pickAfterRefresh, runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { focusWorkbench, setColorTheme, setZoom, webviewFrame } from './helpers/webview';
import { NamespaceLab, nsInode, waitForCommand } from '../integration/support/namespaces';
import { makeUserNest, writeMap, type UserNest } from '../integration/support/userNest';

describe('Show ID Maps in the workbench', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let nest: UserNest;
  let frame: Frame;
  const cspErrors: string[] = [];

  before(async () => {
    nest = await makeUserNest(lab);
    session = await openNamespacesSession(__filename);
    session.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
    });
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
  });

  const level = (ino: number) => frame.locator(`section.level[data-inode="${ino}"]`);

  /** Scrolls an element of the page into view; again if a live redraw replaced it meanwhile. */
  async function scrollTo(target: Locator): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await target.scrollIntoViewIfNeeded({ timeout: 5000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  it('opens from the context menu of a user namespace item and draws every level', async () => {
    const { page } = session;
    const view = sideBarView(page, 'Namespaces');
    await expandTreeItem(treeItem(view, 'user'));
    const item = namespaceItem(view, 'user', nest.inodes[2]);
    // A user namespace item also has it as an inline button.
    await item.hover();
    await item.locator('.action-label[aria-label="Show ID Maps"]').waitFor();
    const tab = page.locator('.tab', { hasText: `ID Maps: user ${nest.inodes[2]}` });
    await chooseFromContextMenuUntil(item, 'Show ID Maps', tab);
    frame = await webviewFrame(page, `section.level[data-inode="${nest.inodes[2]}"]`);
    await frame.locator('section.level').nth(3).waitFor();
    assert.equal(await frame.locator('section.level').count(), 4, 'the nest\'s three levels and the host');
    assert.deepEqual(await frame.locator('section.level').evaluateAll((els) => els.map((e) => e.getAttribute('data-inode'))), [...[...nest.inodes].reverse(), nsInode('self', 'user')].map(String));
  });

  it('draws the deepest level\'s uid_map: three ranges with their inside and parent labels, a single-ID one marked', async () => {
    const ranges = level(nest.inodes[2]).locator('svg.map-uid g.range');
    assert.equal(await ranges.count(), 3);
    const drawn = await ranges.evaluateAll((els) =>
      els.map((e) => ({
        inside: e.getAttribute('data-inside'),
        outside: e.getAttribute('data-outside'),
        host: e.getAttribute('data-host'),
        count: e.getAttribute('data-count'),
        single: e.classList.contains('single'),
        labels: [...e.querySelectorAll('text')].map((t) => t.textContent),
        width: (e.querySelector('polygon, line') as unknown as { getBBox(): { width: number } }).getBBox().width,
      })),
    );
    assert.deepEqual(
      drawn.map(({ width: _w, ...rest }) => rest),
      [
        { inside: '0', outside: '0', host: '100000', count: '1', single: true, labels: ['0', '0'] },
        { inside: '1', outside: '10', host: '2000', count: '1', single: true, labels: ['1', '10'] },
        { inside: '100', outside: '20', host: '300000', count: '5', single: false, labels: ['100–104', '20–24'] },
      ],
    );
    assert.ok(drawn[2].width > 0, 'the 5-ID range is drawn with a width');
    // The top level's identity map spans the whole 32-bit axis.
    const hostRange = frame.locator('section.level').nth(3).locator('svg.map-uid g.range');
    assert.equal(await hostRange.getAttribute('data-count'), '4294967295');
    assert.equal(await hostRange.locator('text.inside-label').textContent(), '0–4294967294');
    // Level 1 names its lower axis "host"; its facts, warnings and processes are there.
    const first = level(nest.inodes[0]);
    assert.equal(await first.locator('svg.map-uid .axis-title').nth(1).textContent(), 'host');
    assert.match((await first.locator('dl.facts').textContent()) ?? '', /OwnerUID 100000/);
    await first.locator('li.warning[data-kind="beyondSubordinate"]').first().waitFor();
    assert.ok((await level(nest.inodes[2]).locator('details.processes tr[data-pid]').count()) >= 1);
  });

  it('arrow keys move the focus between the ranges of a drawing', async () => {
    const ranges = level(nest.inodes[2]).locator('svg.map-uid g.range');
    await ranges.first().focus();
    await frame.page().keyboard.press('ArrowRight');
    assert.equal(await ranges.nth(1).evaluate((e) => e.matches(':focus')), true);
    await frame.page().keyboard.press('End');
    assert.equal(await ranges.nth(2).evaluate((e) => e.matches(':focus')), true);
  });

  it('translates a UID given in the deepest namespace into every namespace of the chain', async () => {
    await frame.locator('#translate-kind').selectOption('uid');
    await frame.locator('#translate-from').selectOption(String(nest.inodes[2]));
    await frame.locator('#translate-id').fill('100');
    await frame.locator('#translate-button').click();
    const rows = frame.locator('#translate-result tr.translation-row');
    await rows.first().waitFor();
    const answer = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-inode'), e.getAttribute('data-state'), e.getAttribute('data-id')]));
    // The integration test checks these numbers against what the kernel shows in each namespace.
    assert.deepEqual(answer, [
      [String(nest.inodes[2]), 'mapped', '100'],
      [String(nest.inodes[1]), 'mapped', '20'],
      [String(nest.inodes[0]), 'mapped', '5000'],
      [String(nsInode('self', 'user')), 'mapped', '300000'],
    ]);
    // An ID the level-2 map leaves out is unmapped below it: the overflow UID.
    await frame.locator('#translate-from').selectOption(String(nest.inodes[0]));
    await frame.locator('#translate-id').fill('999');
    await frame.locator('#translate-button').click();
    await frame.locator(`#translate-result tr.translation-row[data-inode="${nest.inodes[2]}"][data-state="unmapped"][data-id="65534"]`).waitFor();
    await frame.locator('#translate-result', { hasText: 'is host UID 100999' }).waitFor();
    await saveScreenshot(session.page, 'id-maps-translate');
  });

  it('answers bad input with an inline message in place of the previous answer', async () => {
    assert.match(await frame.locator('#translate-result').innerText(), /is host UID/, 'an answer to replace');
    for (const bad of ['-1', '4294967296', 'abc', '']) {
      await frame.locator('#translate-id').fill(bad);
      await frame.locator('#translate-id').press('Enter');
      const error = frame.locator('#translate-error');
      await error.waitFor({ state: 'visible' });
      assert.ok(((await error.innerText()) ?? '').length > 10, `a message for ${JSON.stringify(bad)}`);
      assert.equal(await frame.locator('#translate-id').getAttribute('aria-invalid'), 'true');
      assert.equal((await frame.locator('#translate-result').innerText()).trim(), '', `no previous answer under the message for ${JSON.stringify(bad)}`);
    }
    await saveScreenshot(session.page, 'id-maps-bad-input');
  });

  it('looks right in the light and dark default themes at 100% and 200% zoom', async () => {
    const { page } = session;
    /** Waits until the deepest level's drawing has been laid out for the current width. */
    const drawingFits = async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const section = await level(nest.inodes[2]).boundingBox();
        const drawing = await level(nest.inodes[2]).locator('svg.map-uid').boundingBox();
        if (section && drawing && drawing.x + drawing.width <= section.x + section.width + 1) return;
        if (Date.now() > deadline) throw new Error(`the drawing overflows its section: ${JSON.stringify({ section, drawing })}`);
        await page.waitForTimeout(200);
      }
    };
    const segment = () => frame.locator(`section.level[data-inode="${nest.inodes[2]}"] svg.map-uid rect.segment`).first();
    const colours: string[] = [];
    /** The band's fill and the page background, as the browser computed them from the theme. */
    const coloursNow = () =>
      segment().evaluate((e) => {
        const style = (globalThis as unknown as { getComputedStyle(el: unknown): { fill: string; backgroundColor: string } }).getComputedStyle;
        const body = (globalThis as unknown as { document: { body: unknown } }).document.body;
        return `${style(e).fill} on ${style(body).backgroundColor}`;
      });
    // A calm state to look at: a translation, no message from the bad-input test.
    await frame.locator('#translate-from').selectOption(String(nest.inodes[2]));
    await frame.locator('#translate-id').fill('100');
    await frame.locator('#translate-button').click();
    await frame.locator('#translate-result', { hasText: 'is host UID 300000' }).waitFor();
    try {
      await setColorTheme(page, 'Light Modern');
      colours.push(await coloursNow());
      await saveScreenshot(page, 'id-maps-light-100');
      // At 200% the side bar would leave the panel a third of the window: hide it, as a user would.
      await focusWorkbench(page);
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
      await setZoom(page, 2);
      await drawingFits();
      await saveScreenshot(page, 'id-maps-light-200');
      await scrollTo(level(nest.inodes[2]).locator('svg.map-uid'));
      await saveScreenshot(page, 'id-maps-light-200-drawing');
      await setColorTheme(page, 'Dark Modern');
      await drawingFits();
      colours.push(await coloursNow());
      await saveScreenshot(page, 'id-maps-dark-200-drawing');
    } finally {
      await setZoom(page, 1);
      if (!(await page.locator('.part.sidebar').isVisible())) {
        await focusWorkbench(page);
        await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
      }
    }
    await drawingFits();
    await scrollTo(frame.locator('#translate'));
    await saveScreenshot(page, 'id-maps-dark-100');
    await scrollTo(level(nest.inodes[0]).locator('li.warning').first());
    await saveScreenshot(page, 'id-maps-dark-100-warnings');
    // Theme colours, not fixed ones: the background and the uid bands' chart blue follow the theme.
    assert.equal(colours.length, 2);
    assert.notEqual(colours[0], colours[1], `the same colours in both themes: ${colours.join(' / ')}`);
  });

  it('from the palette: an unwritten namespace updates live when its map is written, then says it is gone', async () => {
    const { page } = session;
    const pid = lab.start(['unshare', '--user', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    const ino = nsInode(pid, 'user');
    // The palette's pick lists the view's last refresh: refresh until it has the new namespace.
    await pickAfterRefresh(page, 'Namespace Inspector: Show ID Maps', `user ${ino}`, `user ${ino}`, () => focusWorkbench(page));
    const live = await webviewFrame(page, `section.level[data-inode="${ino}"]`);
    await live.locator(`section.level[data-inode="${ino}"] .map.unwritten[data-kind="uid"]`).waitFor();
    writeMap(pid, 'uid_map', '0 600000 1000\n');
    await live.locator(`section.level[data-inode="${ino}"] svg.map-uid g.range[data-host="600000"]`).waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'id-maps-live');
    process.kill(-pid, 'SIGKILL');
    await live.locator('.gone', { hasText: `User namespace ${ino} no longer exists` }).waitFor({ timeout: 15_000 });
    assert.equal(await live.locator(`section.level[data-inode="${ino}"] svg.map-uid g.range`).count(), 1, 'the last state stays on screen');
    await saveScreenshot(page, 'id-maps-gone');
  });

  it('comes back after a window reload (serializer), with no CSP violation on the way', async () => {
    const { page } = session;
    const tab = page.locator('.tab', { hasText: `ID Maps: user ${nest.inodes[2]}` });
    await tab.click();
    await page.reload();
    let restored: Frame;
    try {
      await tab.click({ timeout: 60_000 });
      restored = await webviewFrame(page, `section.level[data-inode="${nest.inodes[2]}"] svg.map-uid g.range`, 60_000);
    } catch (error) {
      await saveScreenshot(page, 'id-maps-restore-failure');
      throw error;
    }
    await saveScreenshot(page, 'id-maps-restored');
    assert.equal(await restored.locator('section.level').count(), 4);
    assert.deepEqual(cspErrors, []);
  });
});
