// The privileged view for real, as a desktop user with a sudoers rule gets it: VS Code runs as
// nobody; the helper is installed root-owned in a temporary folder (nsInspector.helper.installPath)
// and a sudoers rule lets nobody run that one file. "Show All Namespaces (privileged)" from the
// limited item then goes through `sudo -n`, and the tree shows a namespace only root's process is
// in. The rule and the folder are removed afterwards.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openViewContainer } from './helpers/activityBar';
import { sideBarView } from './helpers/views';
import { expandTreeItem, namespaceItem, treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil } from './helpers/contextMenu';
import { saveScreenshot } from './helpers/screenshots';
import { waitUntilExtensionsActivated } from './helpers/workbench';
import { widenSideBar } from './helpers/sideBar';
import { CONTAINER_TITLE } from './helpers/session';
import { HelperForNobody } from './helpers/helperForNobody';
import { openUnprivilegedSession, type UnprivilegedSession } from './helpers/unprivilegedSession';
import { NamespaceLab, nsInode, waitForCommand } from '../integration/support/namespaces';

describe('the privileged view of an unprivileged user, through a sudoers rule', () => {
  const lab = new NamespaceLab();
  const helper = new HelperForNobody();
  let session: UnprivilegedSession;
  let utsIno = 0;

  before(async () => {
    helper.install();
    // A namespace only a root process is in: nobody cannot see it without the helper.
    const sleeper = lab.start(['unshare', '--uts', 'sleep', '600']);
    await waitForCommand(sleeper.pid!, 'sleep');
    utsIno = nsInode(sleeper.pid!, 'uts');
    session = await openUnprivilegedSession(__filename, { 'nsInspector.helper.installPath': helper.installed, 'nsInspector.autoRefreshInterval': 0 });
    await openViewContainer(session.page, CONTAINER_TITLE);
    await waitUntilExtensionsActivated(session.page);
    await widenSideBar(session.page, 440);
  });

  after(async () => {
    if (session) await saveScreenshot(session.page, 'privileged-view-last-state');
    await session?.close();
    helper.remove();
    lab.cleanup();
  });

  it('Show All Namespaces (privileged) from the limited item shows root\'s namespaces too', async () => {
    const { page } = session;
    const view = sideBarView(page, 'Namespaces');
    const limited = treeItem(view, 'Limited view:');
    await limited.waitFor({ state: 'visible' });
    await expandTreeItem(treeItem(view, 'uts'));
    assert.equal(await namespaceItem(view, 'uts', utsIno).count(), 0, 'nobody does not see root\'s UTS namespace');
    // Retried: a right-click while the tree re-renders the row (the expansion above) opened no menu once.
    await chooseFromContextMenuUntil(limited, 'Show All Namespaces (privileged)', namespaceItem(view, 'uts', utsIno), 3, 30_000);
    await limited.waitFor({ state: 'detached', timeout: 15_000 });
    // The view's description says so (its pane header is hidden when it is the only view).
    await page.locator('.pane-header[aria-label*="· privileged"]').first().waitFor({ state: 'attached' });
    await view.getByText('Privileged view: every process, read as root through the helper.').waitFor();
    await saveScreenshot(page, 'privileged-view');
    // Back to what nobody sees.
    await page.locator('.part.sidebar .action-label[aria-label^="Show Only My Namespaces"]').first().click();
    await treeItem(view, 'Limited view:').waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(existsSync(helper.installed));
  });
});
