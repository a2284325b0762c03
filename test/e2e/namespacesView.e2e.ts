// The extension as a user meets it in the browser: its activity-bar entry, its view, a command
// from the palette, and a summary from the view's welcome button.
import { after, before, describe, it } from 'node:test';
import { openVsCodeSession, CONTAINER_TITLE, type VsCodeSession } from './helpers/session';
import { activityBarEntry, openViewContainer } from './helpers/activityBar';
import { sideBarView, welcomeContent } from './helpers/views';
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
    await welcomeContent(view).getByText('Namespace Inspector shows the Linux namespaces').waitFor({ state: 'visible' });
    await waitUntilExtensionsActivated(page);
    await saveScreenshot(page, 'namespaces-view');
  });

  it('runs "Show Log" from the command palette and the log shows the activation', async () => {
    const { page } = session;
    await runCommand(page, 'Namespace Inspector: Show Log');
    await outputText(page).getByText(/activated\s\(VS\sCode\s\d/).waitFor({ state: 'visible' });
    await saveScreenshot(page, 'log-channel');
  });

  it('shows namespace counts per type from the view\'s summary button', async () => {
    const { page } = session;
    await openViewContainer(page, CONTAINER_TITLE);
    await welcomeContent(sideBarView(page, 'Namespaces')).getByRole('button', { name: 'Show Namespace Summary' }).click();
    await notification(page, /\d+ namespaces \(mnt \d+, pid \d+/).waitFor({ state: 'visible' });
    await saveScreenshot(page, 'namespace-summary');
  });
});
