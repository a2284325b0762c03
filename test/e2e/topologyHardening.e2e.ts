// The Network Topology page against two dangers: "Bring Down" on a host interface (one end of a
// veth pair the test makes on the host) asks in a modal dialog first, and Cancel leaves it up; a named network
// namespace whose name holds HTML, a backtick run, a newline and a bidi override is drawn as
// one visible line of text, with no element made from it. Screenshots of both.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { webviewFrame } from './helpers/webviewFrame';
import { NamespaceLab, waitFor, waitForCommand } from '../integration/support/namespaces';

const DUMMY = 'ui-hardening-d';
const HOSTILE_NETNS = 'ui-hardening-`` <img src=x onerror=alert(1)>\n\u202Efdp.exe';
const HOSTILE_PATH = `/run/netns/${HOSTILE_NETNS}`;

const isUp = () => /<[^>]*\bUP\b/.test(execFileSync('ip', ['-o', 'link', 'show', 'dev', DUMMY], { encoding: 'utf8' }));

describe('Network Topology: host Bring Down asks; hostile names stay text', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let frame: Frame;

  before(async () => {
    execFileSync('ip', ['link', 'add', DUMMY, 'type', 'veth', 'peer', 'name', `${DUMMY}p`]);
    execFileSync('ip', ['link', 'set', DUMMY, 'up']);
    const holder = lab.start(['unshare', '--net', 'sleep', '600']).pid!;
    await waitForCommand(holder, 'sleep');
    execFileSync('mkdir', ['-p', '/run/netns']);
    writeFileSync(HOSTILE_PATH, '');
    execFileSync('mount', ['--bind', `/proc/${holder}/ns/net`, HOSTILE_PATH]);
    session = await openNamespacesSession(__filename);
    await runCommand(session.page, 'Namespace Inspector: Show Network Topology');
    frame = await webviewFrame(session.page, '#picture .ns', 60_000);
  });

  after(async () => {
    try {
      execFileSync('umount', [HOSTILE_PATH]);
    } catch {
      /* not mounted */
    }
    rmSync(HOSTILE_PATH, { force: true });
    lab.cleanup();
    try {
      execFileSync('ip', ['link', 'del', DUMMY]);
    } catch {
      /* not made */
    }
    await session?.close();
  });

  it('Bring Down on a host interface asks first; Cancel leaves it up, Bring Down takes it down', async () => {
    const page = session.page;
    const row = frame.locator(`#picture .iface[aria-label^="Interface ${DUMMY},"]`).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await frame.locator('#details h2', { hasText: DUMMY }).waitFor();
    const dialog = page.locator('.monaco-dialog-box', { hasText: `Bring down ${DUMMY} on the host?` });
    await frame.locator('#details button[data-action="linkDown"]').click();
    await dialog.waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'topology-host-link-down-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForTimeout(1500);
    assert.ok(isUp(), 'Cancel left the interface up');

    await frame.locator('#details button[data-action="linkDown"]').click();
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Bring Down' }).click();
    await waitFor('the host interface to go down', () => (isUp() ? undefined : true), 20_000);
  });

  it('a netns name with HTML, backticks, a newline and a bidi override is one line of text', async () => {
    const box = frame.locator('#picture .ns', { hasText: 'ui-hardening-``' }).first();
    await box.waitFor({ timeout: 20_000 });
    await box.locator('text').first().click();
    const heading = frame.locator('#details h2', { hasText: 'ui-hardening-``' });
    await heading.waitFor();
    await saveScreenshot(session.page, 'topology-hostile-netns-name');
    const text = await heading.innerText();
    assert.ok(text.includes('<img src=x onerror=alert(1)>\\n'), `shown as text, the newline as \\n: ${JSON.stringify(text)}`);
    assert.ok(!text.includes('\u202E') && !text.includes('\n'), `no bidi override, one line: ${JSON.stringify(text)}`);
    assert.equal(await frame.locator('img').count(), 0, 'no element made from the name');
    const label = (await box.getAttribute('aria-label')) ?? '';
    assert.ok(!label.includes('\u202E') && !label.includes('\n'), `aria-label: ${JSON.stringify(label)}`);
  });
});
