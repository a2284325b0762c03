// "Open Shell in Namespaces…" from a namespace item's context menu, as a user does it: the test's
// network namespace (held by its bind mount only, so no further question) gets a terminal whose
// shell runs inside it; the test types `ip -o link` there and saves a screenshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { showFilteredNamespace } from './helpers/filteredNamespace';
import { treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil } from './helpers/contextMenu';
import { saveScreenshot } from './helpers/screenshots';
import { NamespaceLab, nsInode, waitFor } from '../integration/support/namespaces';
import { busyboxRoot, startInImage } from '../integration/support/busyboxImage';

/**
 * The shown terminal's screen, once the terminal named `title` is there. The workbench keeps
 * every terminal's wrapper in the page (another group's hidden, and a new one is built hidden
 * first), so the first `.terminal-wrapper.active` may be one no one can click: take the visible one.
 */
async function shownTerminal(page: Page, title: string): Promise<Locator> {
  await page.locator('.terminal-tabs-entry, .panel .composite.title', { hasText: title }).first().waitFor();
  const screen = page.locator('.terminal-wrapper.active .xterm').filter({ visible: true }).first();
  await screen.waitFor();
  return screen;
}

describe('Open Shell in Namespaces from the tree', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let netnsName: string;
  let netIno: number;
  const dir = mkdtempSync(join(tmpdir(), 'nsi-e2e-shells-'));

  before(async () => {
    netnsName = lab.addNetns('e2e-shell');
    netIno = statSync(`/run/netns/${netnsName}`).ino;
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the context-menu entry on a namespace item opens a terminal inside it', async () => {
    const page = session.page;
    const view = sideBarView(page, 'Namespaces');
    const netItem = await showFilteredNamespace(page, view, 'net', netIno, { name: netnsName });
    const tab = page.locator('.terminal-tabs-entry, .panel .composite.title', { hasText: `/run/netns/${netnsName}` }).first();
    try {
      await chooseFromContextMenuUntil(netItem, 'Open Shell in Namespaces...', tab);
    } catch (error) {
      await saveScreenshot(page, 'open-shell-failure');
      throw error;
    }
    await (await shownTerminal(page, `/run/netns/${netnsName}`)).click();
    await page.keyboard.type('ip -o link\n');
    // The output itself (the tests' terminals use the DOM renderer), then the screenshot of it.
    await page.locator('.terminal-wrapper.active .xterm-rows', { hasText: /\d+: lo: </ }).filter({ visible: true }).first().waitFor();
    await saveScreenshot(page, 'open-shell-netns-terminal');
  });

  it("on a busybox image's process the picker names the full-privileges variant and its risk; the default shell is the image's, as the process", async () => {
    const page = session.page;
    const root = busyboxRoot(dir, 'image');
    const pid = await startInImage(lab, root, { drop: ['cap_sys_admin', 'cap_sys_ptrace', 'cap_sys_module'], hostname: 'e2e-shells', command: ['/bin/sleep', '600'] });
    const utsIno = nsInode(pid, 'uts');
    const view = sideBarView(page, 'Namespaces');
    await showFilteredNamespace(page, view, 'uts', utsIno, { expand: true });
    // The process row, not the namespace: the namespace's senior process is unshare, outside the image.
    const picker = page.locator('.quick-input-widget', { hasText: 'full host privileges' });
    await chooseFromContextMenuUntil(treeItem(view, 'sleep'), 'Open Shell in Namespaces...', picker);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Risk: a compromised container gets the host' }).waitFor();
    await page.locator('.quick-input-widget', { hasText: `PID ${pid} to join` }).waitFor();
    await saveScreenshot(page, 'open-shell-picker-privileges');
    await page.keyboard.press('Enter');
    await (await shownTerminal(page, `Shell: PID ${pid} `)).click();
    // The proof goes to the image's /work (readable here); the screen shows the same lines.
    await page.keyboard.type("grep -E 'CapBnd|NoNewPrivs' /proc/self/status | tee /work/caps; hostname; echo done > /work/caps.done\n");
    await waitFor('the shell inside the image', () => (existsSync(join(root, 'work', 'caps.done')) ? true : undefined), 15_000);
    const caps = readFileSync(join(root, 'work', 'caps'), 'utf8');
    assert.match(caps, new RegExp(`CapBnd:\\s+${/CapBnd:\s+(\w+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]}`));
    assert.match(caps, /NoNewPrivs:\s+1/);
    await page.locator('.terminal-wrapper.active .xterm-rows', { hasText: 'e2e-shells' }).filter({ visible: true }).first().waitFor();
    await saveScreenshot(page, 'open-shell-image-as-process');
  });
});
