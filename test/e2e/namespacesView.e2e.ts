// The extension as a user meets it in the browser: its activity-bar entry, the Namespaces tree
// (the test's own network namespace and its process, a context menu, every grouping, the filter's
// empty state), a command from the palette, and the summary.
import { after, before, describe, it } from 'node:test';
import { openVsCodeSession, CONTAINER_TITLE, type VsCodeSession } from './helpers/session';
import { activityBarEntry, openViewContainer } from './helpers/activityBar';
import { sideBarView } from './helpers/views';
import { treeItem } from './helpers/tree';
import { runCommand } from './helpers/palette';
import { outputText } from './helpers/outputPanel';
import { notification } from './helpers/notifications';
import { saveScreenshot } from './helpers/screenshots';
import { waitUntilExtensionsActivated } from './helpers/workbench';

describe('Namespace Inspector in the VS Code workbench', () => {
  let session: VsCodeSession;

  before(async () => {
    session = await openVsCodeSession(__filename);
  });

  after(async () => {
    if (session) await saveScreenshot(session.page, 'last-state');
    await session?.close();
  });

  it('shows its activity-bar entry and the Namespaces view', async () => {
    const { page } = session;
    await activityBarEntry(page, CONTAINER_TITLE).waitFor({ state: 'visible' });
    await openViewContainer(page, CONTAINER_TITLE);
    const view = sideBarView(page, 'Namespaces');
    await treeItem(view, 'mnt').waitFor({ state: 'visible' });
    await waitUntilExtensionsActivated(page);
    await saveScreenshot(page, 'namespaces-view');
  });

  it('runs "Show Log" from the command palette and the log shows the activation', async () => {
    const { page } = session;
    await runCommand(page, 'Namespace Inspector: Show Log');
    await outputText(page).getByText(/activated\s\(VS\sCode\s\d/).waitFor({ state: 'visible' });
    await saveScreenshot(page, 'log-channel');
  });

  it('shows namespace counts per type from the palette', async () => {
    const { page } = session;
    await runCommand(page, 'Namespace Inspector: Show Namespace Summary');
    await notification(page, /\d+ namespaces \(mnt \d+, pid \d+/).waitFor({ state: 'visible' });
    await saveScreenshot(page, 'namespace-summary');
  });
});
