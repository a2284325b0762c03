// The Namespaces view as a desktop user sees it: VS Code runs as nobody, so discovery cannot
// inspect root's processes and the tree starts with the "Limited view" item. Its click explains
// and offers the privileged view; its context menu offers Show All (privileged) and Install.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openViewContainer } from './helpers/activityBar';
import { sideBarView } from './helpers/views';
import { treeItem } from './helpers/tree';
import { notification } from './helpers/notifications';
import { openContextMenu, closeContextMenu } from './helpers/contextMenu';
import { animationsFinished, saveScreenshot } from './helpers/screenshots';
import { waitUntilExtensionsActivated } from './helpers/workbench';
import { widenSideBar } from './helpers/sideBar';
import { CONTAINER_TITLE } from './helpers/session';
import { openUnprivilegedSession, type UnprivilegedSession } from './helpers/unprivilegedSession';

describe('the limited view of an unprivileged user', () => {
  let session: UnprivilegedSession;

  before(async () => {
    session = await openUnprivilegedSession(__filename);
    await openViewContainer(session.page, CONTAINER_TITLE);
    await waitUntilExtensionsActivated(session.page);
    await widenSideBar(session.page, 440);
  });

  after(async () => {
    if (session) await saveScreenshot(session.page, 'limited-view-last-state');
    await session?.close();
  });

  it('the tree starts with the Limited view item, which says what to do', async () => {
    const { page } = session;
    const view = sideBarView(page, 'Namespaces');
    const item = treeItem(view, 'Limited view:');
    await item.waitFor({ state: 'visible' });
    const text = await item.innerText();
    assert.match(text, /Limited view: \d+ process(es)? not inspected/);
    assert.match(text, /click to see all/);
    // It comes first, above the type groups.
    const labels = await view.getByRole('treeitem').locator('.label-name').allInnerTexts();
    assert.match(labels[0], /^Limited view/);
    await saveScreenshot(page, 'limited-view-item');
  });

  it('its context menu offers Show All Namespaces (privileged) and Install Privileged Helper', async () => {
    const { page } = session;
    const menu = await openContextMenu(treeItem(sideBarView(page, 'Namespaces'), 'Limited view:'));
    await menu.getByRole('menuitem', { name: 'Show All Namespaces (privileged)' }).waitFor();
    await menu.getByRole('menuitem', { name: 'Install Privileged Helper...' }).waitFor();
    await saveScreenshot(page, 'limited-view-context-menu');
    await closeContextMenu(page);
  });

  it('a click explains the limit and offers the privileged view; without an installed helper that is refused with an offer to install', async () => {
    const { page } = session;
    await treeItem(sideBarView(page, 'Namespaces'), 'Limited view:').click();
    const explained = notification(page, /could not inspect \d+ process/);
    await explained.waitFor({ state: 'visible' });
    await explained.getByRole('button', { name: 'Install Privileged Helper' }).waitFor();
    await animationsFinished(page); // the toast slides in
    await saveScreenshot(page, 'limited-view-explained');
    await explained.getByRole('button', { name: 'Show All Namespaces (privileged)' }).click();
    const refused = notification(page, /privileged helper is not installed at \/usr\/local\/libexec\/nsinspect-helper\. Install it\?/);
    await refused.waitFor({ state: 'visible' });
    await refused.getByRole('button', { name: 'Install Privileged Helper' }).waitFor();
    await animationsFinished(page);
    await saveScreenshot(page, 'limited-view-helper-missing');
  });
});
