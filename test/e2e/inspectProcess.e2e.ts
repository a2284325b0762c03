// Inspect Process as a user meets it: from the palette, pick a process (a sleeper in its own PID
// namespace with only CAP_CHOWN and CAP_NET_ADMIN in its bounding set and no_new_privs); the panel
// shows its PIDs in both namespaces, the capability that is not in Docker's default set
// highlighted and the dropped ones marked; the environment (with hostile text in it) appears only
// after "Show Environment", as text; when the process exits the panel says so. Screenshots in the
// light and dark default themes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { pickAfterRefresh } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { focusWorkbench, scrollIntoLiveView, setColorTheme, webviewFrame } from './helpers/webview';
import { deepestDescendant, waitForCommand } from '../integration/support/namespaces';
import { spawn } from 'node:child_process';

const HOSTILE = 'x<img src=x onerror="document.body.dataset.pwned=1">\u202egnp.exe\nnext';

describe('Inspect Process in the workbench', () => {
  let group = 0;
  let session: VsCodeSession;
  let frame: Frame;
  let sleeper: number;
  const cspErrors: string[] = [];

  before(async () => {
    // The sleeper's environment carries the hostile value (argv only, no shell).
    const child = spawn('unshare', ['--pid', '--fork', 'setpriv', '--no-new-privs', '--bounding-set', '-all,+chown,+net_admin', '--inh-caps', '-all', 'sleep', '600'], { detached: true, stdio: 'ignore', env: { ...process.env, NSI_E2E_SECRET: HOSTILE } });
    group = child.pid!;
    sleeper = await deepestDescendant(child.pid!, 1);
    await waitForCommand(sleeper, 'sleep');
    session = await openNamespacesSession(__filename);
    session.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
    });
  });

  after(async () => {
    try {
      if (group) process.kill(-group, 'SIGKILL');
    } catch {
      /* gone already */
    }
    await session?.close();
  });

  it('opens from the palette with a process picker and shows its PIDs in both PID namespaces', async () => {
    const { page } = session;
    await pickAfterRefresh(page, 'Namespace Inspector: Inspect Process', `${sleeper} sleep`, `${sleeper} sleep`, () => focusWorkbench(page));
    await page.locator('.tab', { hasText: `Inspect: sleep (${sleeper})` }).waitFor();
    frame = await webviewFrame(page, `#root[data-pid="${sleeper}"]`);
    const processRow = frame.locator('table.pids tr[data-kind="process"] td');
    const cells = await processRow.allTextContents();
    assert.equal(cells[2], String(sleeper), 'the host PID');
    assert.equal(cells[3], '1', 'PID 1 in its own namespace');
    assert.match(await frame.locator('header [role="status"]').textContent() ?? '', /Live: updated/);
  });

  it('highlights what differs from Docker\'s default container set', async () => {
    const added = await frame.locator('table.caps tr.cap.added').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cap')));
    assert.deepEqual(added, ['CAP_NET_ADMIN']);
    const dropped = await frame.locator('table.caps tr.cap.dropped').count();
    assert.equal(dropped, 13, 'every default capability but CAP_CHOWN is dropped');
    assert.equal(await frame.locator('table.caps tr[data-cap="CAP_CHOWN"]').getAttribute('class'), 'cap');
    // The highlight is a theme colour: the added row's cells differ from a plain row's.
    const background = (selector: string) => frame.locator(selector).first().evaluate((td) => (globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }).getComputedStyle(td).backgroundColor);
    const highlighted = await background('table.caps tr.cap.added td');
    assert.notEqual(highlighted, await background('table.caps tr[data-cap="CAP_CHOWN"] td'));
    assert.notEqual(highlighted, 'rgba(0, 0, 0, 0)');
    assert.match(await frame.locator('[data-section="security"]').textContent() ?? '', /on: execve cannot gain privileges/);
  });

  it('shows the environment only after "Show Environment", hostile text as text', async () => {
    assert.equal(await frame.locator('#environment').count(), 0);
    assert.ok(!(await frame.locator('#root').textContent())?.includes('NSI_E2E_SECRET'));
    await frame.locator('#show-environment').click();
    const cell = frame.locator('#environment tr', { hasText: 'NSI_E2E_SECRET' }).locator('td').nth(1);
    await cell.waitFor();
    const shown = await cell.textContent();
    assert.ok(shown?.includes('<img src=x'), shown ?? '');
    assert.ok(!shown?.includes('\u202e') && !shown?.includes('\n') && shown?.includes('\\n'), 'bidi control dropped, newline escaped');
    assert.equal(await frame.locator('#environment img').count(), 0);
    assert.equal(await frame.locator('body').getAttribute('data-pwned'), null);
    await scrollIntoLiveView(frame.locator('[data-section="environment"]'));
    await saveScreenshot(session.page, 'inspect-environment');
  });

  it('screenshots in the light and dark themes', async () => {
    const { page } = session;
    await frame.locator('[data-section="environment"] #hide-environment').click();
    await frame.locator('#environment').waitFor({ state: 'detached' });
    for (const [theme, name] of [['Light Modern', 'inspect-light'], ['Dark Modern', 'inspect-dark']] as const) {
      await setColorTheme(page, theme);
      await scrollIntoLiveView(frame.locator('header'));
      await saveScreenshot(page, name);
      await scrollIntoLiveView(frame.locator('[data-section="capabilities"]'));
      await saveScreenshot(page, `${name}-capabilities`);
      await scrollIntoLiveView(frame.locator('[data-section="mounts"]'));
      await saveScreenshot(page, `${name}-mounts`);
    }
  });

  it('says so when the process exits, keeping the last facts', async () => {
    process.kill(sleeper, 'SIGKILL');
    await frame.locator('.gone', { hasText: `Process ${sleeper} has exited` }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('table.pids tr[data-kind="process"]').count(), 1, 'the last facts stay');
    await scrollIntoLiveView(frame.locator('header'));
    await saveScreenshot(session.page, 'inspect-gone');
    assert.deepEqual(cspErrors, []);
  });
});
