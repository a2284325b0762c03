// Network namespace management as a user does it in the workbench (VS Code as root here, so the
// helper runs directly): Create Network Namespace from the palette with its name typed in the
// input box, then Delete Network Namespace from the new item's context menu, confirmed in the
// modal dialog. The tree shows each step; screenshots of the dialog and the tree.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil } from './helpers/contextMenu';
import { saveScreenshot } from './helpers/screenshots';

describe('network namespaces from the palette and the tree', () => {
  const name = `nsi-e2e-${randomBytes(3).toString('hex')}`;
  let session: VsCodeSession;

  before(async () => {
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    if (existsSync(`/run/netns/${name}`)) execFileSync('ip', ['netns', 'del', name]);
    await session?.close();
  });

  it('Create Network Namespace asks for the name and the tree shows the new namespace', async () => {
    const { page } = session;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Namespace Inspector: Create Network Namespace');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Create Network Namespace' }).first().click();
    await page.locator('.quick-input-widget', { hasText: 'Create Network Namespace' }).waitFor();
    await input.fill(`${name};x`);
    await page.locator('.quick-input-widget', { hasText: 'invalid network namespace name' }).waitFor();
    await saveScreenshot(page, 'create-netns-invalid-name');
    await input.fill(name);
    await page.keyboard.press('Enter');
    const view = sideBarView(page, 'Namespaces');
    await expandTreeItem(treeItem(view, 'net'));
    const ino = await waitForFile(`/run/netns/${name}`);
    await namespaceItem(view, 'net', ino, name).waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(page, 'create-netns-in-tree');
  });

  it('Delete Network Namespace from the item asks in a modal dialog, then the item goes', async () => {
    const { page } = session;
    const view = sideBarView(page, 'Namespaces');
    const ino = statSync(`/run/netns/${name}`).ino;
    const item = namespaceItem(view, 'net', ino, name);
    const dialog = page.locator('.monaco-dialog-box', { hasText: `Delete network namespace "${name}"?` });
    await chooseFromContextMenuUntil(item, 'Delete Network Namespace...', dialog);
    await saveScreenshot(page, 'delete-netns-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await item.waitFor({ state: 'detached', timeout: 15_000 });
    assert.ok(!existsSync(`/run/netns/${name}`));
  });
});

async function waitForFile(path: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    if (existsSync(path)) return statSync(path).ino;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not appear`);
}
