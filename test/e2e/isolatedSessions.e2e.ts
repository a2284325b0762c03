// Isolated sessions and Run in Namespace as a user meets them in the browser: "New Isolated
// Terminal…" from the palette (types as checked, a typed hostname), the "Sessions" node with the
// terminal's name and its namespaces, its context menu's "Show Terminal" bringing the terminal
// back; then "Run in Namespace…" on a file in the Explorer into an existing process' namespaces,
// the target chosen by typing into the quick picks. Proof files written from inside; screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { chooseMenuItem, openContextMenu } from './helpers/contextMenu';
import { runCommand } from './helpers/palette';
import { answerInputBox } from './helpers/inputBox';
import { openViewContainer } from './helpers/activityBar';
import { animationsFinished, saveScreenshot } from './helpers/screenshots';
import { NamespaceLab, nsInode, waitFor, waitForCommand } from '../integration/support/namespaces';

const proofDir = mkdtempSync(join(tmpdir(), 'nsi-e2e-proof-'));
const PROOF = join(proofDir, 'script.out');
const SCRIPT = 'where-am-i.sh';

/** Types into the open quick pick's filter and accepts the row that shows `row`. */
async function pickByTyping(page: Page, filter: string, row: string | RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(filter);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The terminal panel's title or tab naming `text`. */
function terminalTitled(page: Page, text: string) {
  return page.locator('.terminal-tabs-entry, .panel .composite.title', { hasText: text }).first();
}

describe('Isolated sessions and Run in Namespace in the browser', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;

  before(async () => {
    session = await openNamespacesSession(__filename, {
      [SCRIPT]: { content: `{ hostname; readlink /proc/self/ns/uts; } > ${PROOF}.tmp\nmv ${PROOF}.tmp ${PROOF}\ncat ${PROOF}\n` },
    });
  });

  after(async () => {
    lab.cleanup();
    rmSync(proofDir, { recursive: true, force: true });
    await session?.close();
  });

  it('a new isolated terminal shows as a session in the tree; its context menu "Show Terminal" brings the terminal back', async () => {
    const { page } = session;
    const name = `t-${randomBytes(3).toString('hex')}`;
    await runCommand(page, 'Namespace Inspector: New Isolated Terminal...', { asks: true });
    // The types as offered (UTS and PID are checked), then the hostname.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'own hostname' }).first().waitFor();
    // The "UTS + PID" preset shows ticked, since both its types are.
    // VS Code draws a quick pick's checkbox as its own widget (role checkbox, aria-checked); the row says it too.
    const checked = (text: string) =>
      page
        .locator('.quick-input-list .monaco-list-row', { hasText: text })
        .first()
        .evaluate((row) => (row.querySelector('[role=checkbox]')?.getAttribute('aria-checked') ?? row.getAttribute('aria-checked')) === 'true');
    assert.equal(await checked('UTS + PID'), true, 'the UTS + PID preset is ticked');
    assert.equal(await checked('Everything'), false);
    await saveScreenshot(page, 'isolation-picker-preset-ticked');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Hostname inside the new UTS namespace' }).waitFor();
    await answerInputBox(page, name);
    const terminalName = `Isolated: UTS+PID (${name})`;
    await terminalTitled(page, terminalName).waitFor();

    const view = sideBarView(page, 'Namespaces');
    const sessionItem = treeItem(view, terminalName);
    await treeItem(view, 'Sessions').waitFor();
    await sessionItem.waitFor();
    await expandTreeItem(sessionItem);
    await namespaceItem(view, 'uts', '\\d+').waitFor();
    // Hide the panel: "Show Terminal" must bring it back.
    await runCommand(page, 'View: Hide Panel');
    await terminalTitled(page, terminalName).waitFor({ state: 'hidden' });
    const menu = await openContextMenu(sessionItem);
    await menu.getByRole('menuitem', { name: 'Show Terminal' }).waitFor();
    await animationsFinished(page); // the menu fades in
    await saveScreenshot(page, 'session-node-context-menu');
    await chooseMenuItem(menu, 'Show Terminal');
    await terminalTitled(page, terminalName).waitFor();
    await page.locator('.terminal-wrapper.active .xterm-rows').filter({ visible: true }).first().waitFor();
    await animationsFinished(page);
    await saveScreenshot(page, 'session-node-show-terminal');
  });

  it("Run in Namespace on a file in the Explorer, into an existing process' namespaces picked by typing: the script runs there", async () => {
    const { page } = session;
    const name = `t-${randomBytes(3).toString('hex')}`;
    const pid = lab.start(['unshare', '--uts', 'sh', '-c', `hostname ${name} && exec sleep 600`]).pid!;
    await waitForCommand(pid, 'sleep');
    const utsIno = nsInode(pid, 'uts');
    // The view must know the process: refresh until its namespace is in the palette's pick.
    await runCommand(page, 'Namespace Inspector: Refresh');

    await openViewContainer(page, 'Explorer');
    const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SCRIPT }).first();
    await file.waitFor();
    const menu = await openContextMenu(file);
    await chooseMenuItem(menu, 'Run in Namespace...');
    await pickByTyping(page, 'processes', "A namespace's processes");
    await pickByTyping(page, `uts ${utsIno}`, `uts ${utsIno}`);
    await waitFor('the script output', () => (existsSync(PROOF) ? true : undefined), 20_000);
    const [host, uts] = readFileSync(PROOF, 'utf8').trim().split('\n');
    assert.equal(host, name);
    assert.equal(uts, `uts:[${utsIno}]`);
    await terminalTitled(page, `Run: PID ${pid}`).waitFor();
    // The script's `cat` of its proof, on screen.
    await page.locator('.terminal-wrapper.active .xterm-rows', { hasText: `uts:[${utsIno}]` }).first().waitFor();
    await saveScreenshot(page, 'run-in-namespace-from-explorer');
  });
});
