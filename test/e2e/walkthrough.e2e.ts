// The "Linux Namespaces, Hands On" walkthrough as a newcomer meets it: opened from the palette's
// "Welcome: Open Walkthrough...", its five steps listed, and the first step's button starting a
// UTS namespace: the isolated terminal opens and the view selects the new namespace.
import { after, before, describe, it } from 'node:test';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { sideBarView } from './helpers/views';
import { runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';

const WALKTHROUGH = 'Linux Namespaces, Hands On';
const STEPS = [
  'A UTS namespace with its own hostname',
  'A PID namespace where the shell is PID 1',
  'A user namespace where you are root',
  'A network namespace with only lo',
  'Connect it to the host with a veth pair',
];

describe('the walkthrough in the workbench', () => {
  let session: VsCodeSession;

  before(async () => {
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    if (session) await saveScreenshot(session.page, 'walkthrough-last-state');
    await session?.close();
  });

  it('opens from the palette with its five steps', async () => {
    const { page } = session;
    await runCommand(page, 'Welcome: Open Walkthrough...', { asks: true });
    const input = page.locator('.quick-input-widget input');
    await input.fill(WALKTHROUGH);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH }).first().waitFor();
    await page.keyboard.press('Enter');
    for (const step of STEPS) await page.locator('.getting-started-step', { hasText: step }).first().waitFor();
    await saveScreenshot(page, 'walkthrough-steps');
  });

  it('the first step\'s button opens a UTS session and selects its namespace in the view', async () => {
    const { page } = session;
    await page.locator('.getting-started-step', { hasText: STEPS[0] }).first().click();
    await page.getByRole('button', { name: 'Start a UTS Namespace' }).first().click();
    await page.locator('.terminal-tabs-entry, .panel .composite.title', { hasText: 'Isolated: UTS' }).first().waitFor();
    // The view selects the new UTS namespace: the session's row (its label leads with the shell's
    // name, its description names the session and ends with "uts INODE"), not the host's.
    await sideBarView(page, 'Namespaces').locator('.monaco-list-row.selected', { hasText: 'session "Isolated: uts (experiment)"' }).first().waitFor();
    await saveScreenshot(page, 'walkthrough-uts-started');
  });
});
