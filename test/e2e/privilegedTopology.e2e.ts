// The topology of an unprivileged user read through the helper: VS Code runs as nobody, a
// sudoers rule lets nobody run the installed helper (sudo -n, no prompt). Before "Show All"
// nobody cannot enter root's named namespaces (their boxes say why, no interfaces); after it the
// panel reads everything through one net-read and draws their interfaces and the veth wire, with
// a badge that says so.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Frame } from 'playwright-core';
import { openViewContainer } from './helpers/activityBar';
import { sideBarView } from './helpers/views';
import { treeItem } from './helpers/tree';
import { chooseFromContextMenuUntil } from './helpers/contextMenu';
import { saveScreenshot } from './helpers/screenshots';
import { waitUntilExtensionsActivated } from './helpers/workbench';
import { widenSideBar } from './helpers/sideBar';
import { runCommand } from './helpers/palette';
import { webviewFrame, setColorTheme } from './helpers/webviewFrame';
import { CONTAINER_TITLE } from './helpers/session';
import { HelperForNobody } from './helpers/helperForNobody';
import { openUnprivilegedSession, type UnprivilegedSession } from './helpers/unprivilegedSession';
import { NamespaceLab } from '../integration/support/namespaces';
import { collectTopology } from '../../src/core/net/collectTopology';

/** The extension's audit lines of helper runs ("helper: ARGV → exit N ..."), in order, from its log. */
function helperAuditLines(stateDir: string): string[] {
  const logs = (readdirSync(stateDir, { recursive: true }) as string[]).filter((file) => file.endsWith('Namespace Inspector.log'));
  assert.ok(logs.length > 0, `no extension log under ${stateDir}`);
  return logs.flatMap((file) => readFileSync(join(stateDir, file), 'utf8').split('\n')).filter((line) => /helper: .* → exit \d+/.test(line));
}

describe('the topology of an unprivileged user, read through the helper after Show All', () => {
  const lab = new NamespaceLab();
  const helper = new HelperForNobody();
  let session: UnprivilegedSession;
  let frame: Frame;
  let a = '';
  let b = '';
  let keys: string[] = [];
  let wireId = '';

  before(async () => {
    helper.install();
    // Two named namespaces of root's with a veth pair: nobody cannot enter them.
    a = lab.addNetns('e2e-pa');
    b = lab.addNetns('e2e-pb');
    execFileSync('ip', ['-n', a, 'link', 'add', 'pa0', 'type', 'veth', 'peer', 'name', 'pb0', 'netns', b]);
    execFileSync('ip', ['-n', a, 'addr', 'add', '10.213.0.1/24', 'dev', 'pa0']);
    const root = await collectTopology();
    const [na, nb] = [a, b].map((name) => root.namespaces.find((n) => n.netnsName === name)!);
    keys = [na.key, nb.key];
    const pa0 = na.interfaces.find((i) => i.name === 'pa0')!;
    const pb0 = nb.interfaces.find((i) => i.name === 'pb0')!;
    wireId = root.wires.find((w) => w.kind === 'veth' && [w.from, w.to].includes(pa0.id) && [w.from, w.to].includes(pb0.id))!.id;
    session = await openUnprivilegedSession(__filename, { 'nsInspector.helper.installPath': helper.installed, 'nsInspector.autoRefreshInterval': 0 });
    await openViewContainer(session.page, CONTAINER_TITLE);
    await waitUntilExtensionsActivated(session.page);
    await widenSideBar(session.page, 360);
  });

  after(async () => {
    if (session) await saveScreenshot(session.page, 'privileged-topology-last-state');
    await session?.close();
    helper.remove();
    lab.cleanup();
  });

  it('without Show All, root\'s namespaces cannot be read: no interfaces, no badge', async () => {
    const { page } = session;
    await setColorTheme(page, 'Dark Modern');
    await runCommand(page, 'Namespace Inspector: Show Network Topology');
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    for (const key of keys) await frame.locator(`#picture .ns[data-ns-key="${key}"]`).waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator(`#picture .ns[data-ns-key="${keys[0]}"] .iface`).count(), 0, 'nobody reads no interface of a');
    assert.equal(await frame.locator(`#picture .wire[data-wire-id="${wireId}"]`).count(), 0);
    assert.equal(await frame.locator('#via-helper').isVisible(), false);
  });

  it('after Show All Namespaces (privileged), the panel reads through the helper: interfaces, addresses, the wire, and a badge', async () => {
    const { page } = session;
    const view = sideBarView(page, 'Namespaces');
    const limited = treeItem(view, 'Limited view:');
    await limited.waitFor({ state: 'visible' });
    await chooseFromContextMenuUntil(limited, 'Show All Namespaces (privileged)', view.getByText('Privileged view: every process, read as root through the helper.'), 3, 30_000);
    await page.locator('.tabs-container .tab', { hasText: 'Network Topology' }).first().click();
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    // No click: the panel reads again by itself when the view turns privileged.
    await frame.locator('#via-helper').waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator(`#picture .wire[data-wire-id="${wireId}"]`).waitFor({ state: 'attached', timeout: 30_000 });
    const rows = (key: string) => frame.locator(`#picture .ns[data-ns-key="${key}"] .iface`);
    assert.equal(await rows(keys[0]).count(), 2, 'a: lo and pa0');
    assert.equal(await rows(keys[1]).count(), 2, 'b: lo and pb0');
    assert.match((await frame.locator(`#picture .ns[data-ns-key="${keys[0]}"]`).textContent()) ?? '', /pa0.*10\.213\.0\.1\/24/s);
    assert.match((await frame.locator('#via-helper').textContent()) ?? '', /through the helper/);
    // One password's worth: the view's snapshot, then the panel's net-read on that same discovery
    // (not a second snapshot of its own first).
    const calls = helperAuditLines(dirname(session.server.extensionsDir));
    const firstNetRead = calls.findIndex((line) => / net-read /.test(line));
    assert.ok(firstNetRead > 0, calls.join('\n'));
    assert.equal(calls.slice(0, firstNetRead).filter((line) => / snapshot → exit 0/.test(line)).length, 1, calls.join('\n'));
    await frame.locator('#search').fill('10.213.0.1');
    await frame.locator('#search-status', { hasText: '1 found' }).waitFor();
    await frame.locator('#search').press('Enter');
    await frame.locator('#details h2', { hasText: 'pa0' }).waitFor();
    const details = (await frame.locator('#details').textContent()) ?? '';
    assert.ok(details.includes(`peer: ${b}/pb0`), details);
    await page.mouse.move(700, 650);
    await saveScreenshot(page, 'privileged-topology');
  });
});
