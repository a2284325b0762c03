// The Network Topology panel in the browser: it draws the test topology (namespace boxes,
// interface rows, wires), search finds an address, a click shows details; screenshots in the
// dark and the light theme.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { setColorTheme, webviewFrame } from './helpers/webviewFrame';
import { NamespaceLab } from '../integration/support/namespaces';
import { buildTestTopology, type TestTopology } from '../integration/support/topologyLab';
import { collectTopology } from '../../src/core/net/collectTopology';
import type { Topology } from '../../src/core/net/topology';

describe('Network Topology panel', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let t: TestTopology;
  let expected: Topology;
  let frame: Frame;
  let ours: { keys: string[]; interfaces: string[]; wires: string[] };

  before(async () => {
    t = await buildTestTopology(lab);
    // The same model, collected here, names what the picture must show of the test namespaces.
    expected = await collectTopology();
    const nodes = expected.namespaces.filter((n) => [t.a, t.b, t.c].includes(n.netnsName ?? '') || n.inode === t.holderInode);
    const interfaces = nodes.flatMap((n) => n.interfaces.map((i) => i.id));
    ours = {
      keys: nodes.map((n) => n.key),
      interfaces,
      wires: expected.wires.filter((w) => interfaces.includes(w.from) && interfaces.includes(w.to)).map((w) => w.id),
    };
    assert.equal(ours.keys.length, 4);
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
  });

  it('shows the test namespaces as boxes with their interfaces and wires', async () => {
    const page = session.page;
    await setColorTheme(page, 'Dark Modern');
    await runCommand(page, 'Namespace Inspector: Show Network Topology');
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    for (const key of ours.keys) await frame.locator(`#picture .ns[data-ns-key="${key}"]`).waitFor({ timeout: 20_000 });
    const boxes = await frame.locator('#picture .ns').count();
    const status = (await frame.locator('#status').textContent()) ?? '';
    assert.match(status, new RegExp(`^${boxes} namespaces · (\\d+) interfaces · (\\d+) wires$`), 'the status line counts what is drawn');
    const [, ifaceCount, wireCount] = /(\d+) interfaces · (\d+) wires/.exec(status)!.map(Number);
    assert.equal(await frame.locator('#picture .iface').count(), ifaceCount);
    assert.equal(await frame.locator('#picture .wire').count(), wireCount);

    let ourRows = 0;
    for (const key of ours.keys) ourRows += await frame.locator(`#picture .ns[data-ns-key="${key}"] .iface`).count();
    assert.equal(ourRows, 12, 'a: lo br0 vb vc vp; b: lo eth0; c: lo eth0 mv0; held: lo eth1');
    assert.equal(ours.interfaces.length, 12);
    for (const id of ours.wires) assert.equal(await frame.locator(`#picture .wire[data-wire-id="${id}"]`).count(), 1, `wire ${id} is drawn`);
    assert.equal(ours.wires.length, 7);
    assert.equal(await frame.locator('#picture .ns.host').count(), 1, 'the host namespace is set apart');
    const hostLabel = await frame.locator('#picture .ns.host text').first().textContent();
    assert.match(hostLabel ?? '', /host/);
    // State by glyph as well as colour.
    const downRow = frame.locator('#picture .iface[data-state="down"]').first();
    assert.match((await downRow.locator('text').first().textContent()) ?? '', /▼/);
    await page.mouse.move(700, 650);
    await saveScreenshot(page, 'topology-dark');
  });

  it('search finds an address and the details show it', async () => {
    const address = `10.${t.octet}.0.2`;
    await frame.locator('#search').fill(address);
    await frame.locator('#search-status', { hasText: '1 found' }).waitFor();
    const hit = frame.locator('#picture .iface.match');
    assert.equal(await hit.count(), 1);
    assert.match((await hit.textContent()) ?? '', new RegExp(`eth0.*${address.replace(/\./g, '\\.')}/24`));
    await frame.locator('#search').press('Enter');
    await frame.locator('#details h2', { hasText: 'eth0' }).waitFor();
    const details = (await frame.locator('#details').textContent()) ?? '';
    assert.ok(details.includes(`${address}/24`), details);
    assert.ok(details.includes(`peer: ${t.a}/vb`), details);
    assert.ok(details.includes(`default via 10.${t.octet}.0.1`), details);
    await session.page.mouse.move(700, 650);
    await saveScreenshot(session.page, 'topology-search-details-dark');
  });

  it('keyboard: Tab reaches a namespace box, Enter shows its details and actions', async () => {
    const box = frame.locator(`#picture .ns[data-ns-key="${ours.keys[0]}"]`);
    await box.focus();
    await frame.page().keyboard.press('Enter');
    await frame.locator('#details button[data-action="openShell"]').waitFor();
    for (const action of ['showInTree', 'showIdMaps', 'connectFrom', 'deleteNamespace']) {
      assert.equal(await frame.locator(`#details button[data-action="${action}"]`).count(), 1, `${action} is offered for a named namespace`);
    }
    await frame.locator('#picture').press('Escape');
  });

  it('is live: a new namespace appears without a click, and the view stays where it was', async () => {
    await frame.locator('#picture').press('+');
    const before = await frame.locator('#viewport').getAttribute('transform');
    const name = lab.addNetns('e2e-live');
    await frame.locator(`#picture .ns text`, { hasText: name }).first().waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('#viewport').getAttribute('transform'), before, 'pan and zoom are kept across the refresh');
  });

  it('Show in Tree from the details reveals the namespace in the Namespaces view', async () => {
    const page = session.page;
    await frame.locator('#search').fill(t.c);
    await frame.locator('#search').press('Enter');
    await frame.locator('#details button[data-action="showInTree"]').click();
    const ino = expected.namespaces.find((n) => n.netnsName === t.c)!.inode;
    await page.locator('.monaco-list-row.selected', { hasText: String(ino) }).first().waitFor({ timeout: 15_000 });
  });

  it('Open Shell Here and Show ID Maps from the details open a terminal and the ID maps', async () => {
    const page = session.page;
    await frame.locator('#details button[data-action="openShell"]').click();
    await page.locator('.terminal-tabs-entry, .panel .composite.title', { hasText: `/run/netns/${t.c}` }).first().waitFor({ timeout: 20_000 });
    await frame.locator('#details button[data-action="showIdMaps"]').click();
    await page.locator('.tabs-container .tab', { hasText: 'ID Maps: user' }).first().waitFor({ timeout: 20_000 });
    // Back to the picture: a webview hidden behind another tab is rebuilt from its saved state.
    await page.locator('.tabs-container .tab', { hasText: 'Network Topology' }).first().click();
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    await frame.locator('#details h2', { hasText: t.c }).waitFor({ timeout: 20_000 });
  });

  it('the details run the network commands: Bring Up and Down, Delete Namespace… (asked first; the box and the tree item go)', async () => {
    const page = session.page;
    const name = lab.addNetns('e2e-act');
    await frame.locator('#picture .ns text', { hasText: name }).first().waitFor({ timeout: 20_000 });
    await frame.locator('#search').fill(name);
    await frame.locator('#search').press('Enter');
    await frame.locator('#details h2', { hasText: name }).waitFor();
    const key = (await frame.locator('#picture .ns', { hasText: name }).first().getAttribute('data-ns-key'))!;
    // The tree shows it too (Show in Tree scrolls it into view).
    const ino = key.split(':')[1];
    const item = page.locator('.monaco-list-row', { hasText: new RegExp(`${name}.*net ${ino}`) }).first();
    await frame.locator('#details button[data-action="showInTree"]').click();
    await item.waitFor({ timeout: 15_000 });
    // lo of a new namespace is down: Bring Up, then Bring Down, through nsInspector.network.linkUp/linkDown.
    const lo = frame.locator(`#picture .ns[data-ns-key="${key}"] .iface`).first();
    await lo.click();
    await frame.locator('#details h2', { hasText: 'lo' }).waitFor();
    await frame.locator('#details button[data-action="linkUp"]').click();
    await frame.locator('#details button[data-action="linkDown"]').waitFor({ timeout: 20_000 });
    assert.match(execFileSync('ip', ['-n', name, '-o', 'link', 'show', 'dev', 'lo'], { encoding: 'utf8' }), /<[^>]*\bUP\b/);
    await frame.locator('#details button[data-action="linkDown"]').click();
    await frame.locator('#details button[data-action="linkUp"]').waitFor({ timeout: 20_000 });
    assert.doesNotMatch(execFileSync('ip', ['-n', name, '-o', 'link', 'show', 'dev', 'lo'], { encoding: 'utf8' }), /<[^>]*\bUP\b/);
    // Delete from the namespace's details: the same modal question as from the tree.
    await frame.locator('#search').fill(name);
    await frame.locator('#search').press('Enter');
    await frame.locator('#details h2', { hasText: name }).waitFor();
    await frame.locator('#details button[data-action="deleteNamespace"]').click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: `Delete network namespace "${name}"?` });
    await dialog.waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'topology-delete-netns-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await frame.locator(`#picture .ns[data-ns-key="${key}"]`).waitFor({ state: 'detached', timeout: 20_000 });
    await item.waitFor({ state: 'detached', timeout: 15_000 });
    assert.ok(!existsSync(`/run/netns/${name}`));
  });

  it('comes back after a window reload with its search', async () => {
    const page = session.page;
    await frame.locator('#search').fill(`10.${t.octet}.1.3`);
    await frame.locator('#search-status', { hasText: '1 found' }).waitFor();
    // setState is written on input; the workbench saves its state when it shuts down gracefully,
    // as "Developer: Reload Window" does (a bare page reload may skip that).
    await page.waitForTimeout(500);
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForLoadState('load');
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    assert.equal(await frame.locator('#search').inputValue(), `10.${t.octet}.1.3`);
    await frame.locator('#search-status', { hasText: '1 found' }).waitFor({ timeout: 20_000 });
  });

  it('draws in the light theme too', async () => {
    await setColorTheme(session.page, 'Light Modern');
    // The page redraws with the theme's colours as the body's theme class changes (same task).
    await frame.locator('body.vscode-light').waitFor({ state: 'attached' });
    const fill = await frame.locator('#picture .ns.host > rect.frame').getAttribute('fill');
    assert.ok(fill, 'the host box has a fill');
    await session.page.mouse.move(700, 650);
    await saveScreenshot(session.page, 'topology-light');
  });
});
