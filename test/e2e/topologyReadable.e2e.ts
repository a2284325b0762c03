// The topology with eleven network namespaces, as a user reads it (#17.5): at Fit every name is
// at least 10 px on screen (boxes show names only until zoomed in), the details pane sits beside
// the picture, a peer in the details is a link that selects it, a new namespace leaves every box
// where it was, and the picture is one tab stop with arrow keys inside (#14). Screenshots at Fit,
// with details, and zoomed in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { Frame } from 'playwright-core';
import { type VsCodeSession } from './helpers/session';
import { openNamespacesSession } from './helpers/namespacesSession';
import { runCommand } from './helpers/palette';
import { saveScreenshot } from './helpers/screenshots';
import { setColorTheme, webviewFrame } from './helpers/webviewFrame';
import { NamespaceLab } from '../integration/support/namespaces';
import { collectTopology } from '../../src/core/net/collectTopology';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

describe('the topology of eleven namespaces is readable and stays put', () => {
  const lab = new NamespaceLab();
  let session: VsCodeSession;
  let frame: Frame;
  let names: string[] = [];
  let keys: string[] = [];
  /** The veth in n4 and its peer in n5. */
  let v4 = { id: '', peerId: '', peerName: '' };

  const box = (key: string) => frame.locator(`#picture .ns[data-ns-key="${key}"]`);
  const transforms = () => Promise.all(keys.map((key) => box(key).getAttribute('transform')));

  before(async () => {
    // n0 holds a bridge with three ports, veths to n1, n2 and n3; n4-n5, n6-n7, n8-n9 are veth
    // pairs; n10 has a veth to n1.
    names = Array.from({ length: 11 }, (_, i) => lab.addNetns(`topology-ui-n${i}`));
    for (const name of names) ip('-n', name, 'link', 'set', 'lo', 'up');
    ip('-n', names[0], 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', names[0], 'addr', 'add', '10.231.0.1/24', 'dev', 'br0');
    ip('-n', names[0], 'link', 'set', 'br0', 'up');
    for (const i of [1, 2, 3]) {
      ip('-n', names[0], 'link', 'add', `port${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', names[i]);
      ip('-n', names[0], 'link', 'set', `port${i}`, 'master', 'br0', 'up');
      ip('-n', names[i], 'addr', 'add', `10.231.0.${i + 1}/24`, 'dev', 'eth0');
      ip('-n', names[i], 'link', 'set', 'eth0', 'up');
    }
    for (const [a, b] of [[4, 5], [6, 7], [8, 9], [10, 1]]) {
      ip('-n', names[a], 'link', 'add', `v${a}`, 'type', 'veth', 'peer', 'name', `v${b}x${a}`, 'netns', names[b]);
      ip('-n', names[a], 'addr', 'add', `10.232.${a}.1/24`, 'dev', `v${a}`);
      ip('-n', names[a], 'link', 'set', `v${a}`, 'up');
    }
    const topology = await collectTopology();
    const nodes = names.map((name) => topology.namespaces.find((n) => n.netnsName === name)!);
    keys = nodes.map((n) => n.key);
    const veth = nodes[4].interfaces.find((i) => i.name === 'v4')!;
    const peer = nodes[5].interfaces.find((i) => i.name === 'v5x4')!;
    v4 = { id: veth.id, peerId: peer.id, peerName: 'v5x4' };
    session = await openNamespacesSession(__filename);
  });

  after(async () => {
    lab.cleanup();
    await session?.close();
  });

  it('at Fit every namespace name is at least 10 px high on screen, and inside the picture', async () => {
    const page = session.page;
    await setColorTheme(page, 'Dark Modern');
    await runCommand(page, 'Namespace Inspector: Show Network Topology');
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    for (const key of keys) await box(key).waitFor({ timeout: 30_000 });
    await frame.locator('[data-tool="fit"]').click();
    const measured = await frame.locator('#picture').evaluate((svg, ourKeys) => {
      const area = svg.getBoundingClientRect();
      return ourKeys.map((key) => {
        const text = svg.querySelector(`.ns[data-ns-key="${key}"] > .ns-name`)!;
        const lines = Math.max(1, text.querySelectorAll('tspan').length);
        const rect = text.getBoundingClientRect();
        // The font size in layout units times the picture's scale: pixels on screen.
        const scale = (text as unknown as { getScreenCTM(): { a: number } | null }).getScreenCTM()?.a ?? 0;
        const fontPx = parseFloat(text.getAttribute('font-size') ?? '0') * scale;
        const frame = text.parentElement!.getBoundingClientRect();
        const inside = frame.left >= area.left - 0.5 && frame.right <= area.right + 0.5 && frame.top >= area.top - 0.5 && frame.bottom <= area.bottom + 0.5;
        return { key, text: text.textContent, fontPx, lineHeightPx: rect.height / lines, inside };
      });
    }, keys);
    for (const m of measured) {
      assert.ok(m.fontPx >= 10, `name of ${m.key} is ${m.fontPx.toFixed(1)} px: ${JSON.stringify(m)}`);
      assert.ok(m.lineHeightPx >= 10, `name of ${m.key} is ${m.lineHeightPx.toFixed(1)} px high on screen: ${JSON.stringify(m)}`);
      assert.ok(m.inside, `box ${m.key} is inside the picture at Fit`);
    }
    // Zoomed out, names are wrapped, not cut: the names a person knows them by are all there.
    const namesOnly = await frame.locator('#picture.names-only').count();
    for (const [i, m] of measured.entries()) {
      if (namesOnly) assert.equal(m.text, names[i]);
      else assert.ok(names[i].startsWith((m.text ?? '').replace(/…$/, '')), `${m.text} is the start of ${names[i]}`);
    }
    await page.mouse.move(700, 700);
    await saveScreenshot(page, 'topology-eleven-fit');
  });

  it('the details pane sits beside the picture, and the fitted picture fits beside it', async () => {
    await box(keys[4]).click();
    await frame.locator('#details h2', { hasText: names[4] }).waitFor();
    // The pane narrowed the picture; a fitted picture fits again (a ResizeObserver, next frame).
    const picture = await frame.locator('#picture').elementHandle();
    await frame
      .waitForFunction(([svg, key]) => {
        const el = svg!.querySelector(`.ns[data-ns-key="${key}"]`)!.getBoundingClientRect();
        return el.right <= svg!.getBoundingClientRect().right + 0.5;
      }, [picture, keys[4]] as const, { timeout: 5000 })
      .catch(() => assert.fail('the picture fits beside the pane'));
    const [svgRect, asideRect] = await Promise.all([frame.locator('#picture').boundingBox(), frame.locator('#details').boundingBox()]);
    assert.ok(svgRect && asideRect);
    const overlapX = Math.min(svgRect.x + svgRect.width, asideRect.x + asideRect.width) - Math.max(svgRect.x, asideRect.x);
    const overlapY = Math.min(svgRect.y + svgRect.height, asideRect.y + asideRect.height) - Math.max(svgRect.y, asideRect.y);
    assert.ok(overlapX <= 0.5 || overlapY <= 0.5, `details ${JSON.stringify(asideRect)} overlap the picture ${JSON.stringify(svgRect)}`);
    for (const key of keys) {
      const r = (await box(key).boundingBox())!;
      assert.ok(r.x >= svgRect.x - 0.5 && r.x + r.width <= svgRect.x + svgRect.width + 0.5, `box ${key} is beside the pane, not under it`);
    }
    await session.page.mouse.move(700, 700);
    await saveScreenshot(session.page, 'topology-eleven-details');
  });

  it('the namespace\'s interfaces and an interface\'s peer in the details are links that select them', async () => {
    await frame.locator(`#details button.link[data-reveal="${v4.id}"]`).click();
    await frame.locator('#details h2', { hasText: 'v4' }).waitFor();
    assert.equal(await frame.locator('#picture .iface.selected').getAttribute('data-iface-id'), v4.id);
    const peerLink = frame.locator(`#details button.link[data-reveal="${v4.peerId}"]`);
    assert.equal(await peerLink.textContent(), `${names[5]}/${v4.peerName}`);
    await peerLink.click();
    await frame.locator('#details h2', { hasText: v4.peerName }).waitFor();
    assert.equal(await frame.locator('#picture .iface.selected').getAttribute('data-iface-id'), v4.peerId, 'the peer is selected');
    // Revealed: zoomed in to its rows, in view and focused.
    const peer = frame.locator(`#picture .iface[data-iface-id="${v4.peerId}"]`);
    assert.ok(await peer.isVisible(), 'the peer\'s row is shown');
    assert.equal(await peer.evaluate((el) => el.ownerDocument.activeElement === el), true, 'and focused');
    // The namespace in its details is a link too.
    await frame.locator(`#details button.link[data-reveal="${keys[5]}"]`).click();
    await frame.locator('#details h2', { hasText: names[5] }).waitFor();
    await session.page.mouse.move(700, 700);
    await saveScreenshot(session.page, 'topology-eleven-zoomed');
    // The bridge: its three ports are the rows right under it, joined by a solid bus.
    await frame.locator('#search').fill('10.231.0.1');
    await frame.locator('#search').press('Enter');
    await frame.locator('#details h2', { hasText: 'br0' }).waitFor();
    // Found, selected and shown whole beside the pane.
    const [area, found] = await Promise.all([frame.locator('#picture').boundingBox(), frame.locator('#picture .iface.selected').boundingBox()]);
    assert.ok(area && found && found.x >= area.x && found.x + found.width <= area.x + area.width && found.y >= area.y && found.y + found.height <= area.y + area.height, `${JSON.stringify(found)} in ${JSON.stringify(area)}`);
    const rows = await box(keys[0]).locator('.iface').evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('transform')]));
    assert.deepEqual(rows.map(([text]) => /(lo|br0|port\d)/.exec(text ?? '')?.[1]), ['lo', 'br0', 'port1', 'port2', 'port3']);
    assert.equal(await frame.locator('#picture .buses .wire[data-kind="bridge"]').count() >= 3, true, 'the ports hang on a bus');
    assert.equal(await frame.locator('#picture .buses .wire[stroke-dasharray]').count(), 0, 'solid, not dashed');
    await session.page.mouse.move(700, 700);
    await saveScreenshot(session.page, 'topology-eleven-bridge');
    await frame.locator('#search').fill('');
    await frame.locator('#picture').press('Escape');
  });

  it('a new namespace wired to one of them leaves every box where it was', async () => {
    await frame.locator('[data-tool="fit"]').click();
    const before = await transforms();
    const added = lab.addNetns('topology-ui-new');
    ip('-n', names[9], 'link', 'add', 'vnew', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', added);
    await frame.locator('#picture .ns', { hasText: added }).first().waitFor({ state: 'attached', timeout: 30_000 });
    // n9's box has its new row (the same refresh) and kept its place.
    assert.equal(await box(keys[9]).locator('.iface').count(), 3);
    assert.deepEqual(await transforms(), before, 'no box moved');
    await session.page.mouse.move(700, 700);
    await saveScreenshot(session.page, 'topology-eleven-added');
  });

  it('Arrange Again lays every box out anew and fits it', async () => {
    // Arrange Again lays out (asynchronously), then replaces the drawing and fits it in one task:
    // wait for the old drawing to go, then measure the new one in a single evaluation (a query
    // and a measurement in two steps could meet elements a redraw has just detached).
    const drawn = await frame.locator('#viewport > .picture').elementHandle();
    await frame.locator('[data-tool="arrange"]').click();
    await frame.waitForFunction((old) => !old!.isConnected, drawn, { timeout: 10_000 });
    const [area, rects] = await frame.locator('#picture').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const boxes = Array.from(svg.querySelectorAll('.ns'), (el) => (el as unknown as typeof svg).getBoundingClientRect());
      return [{ x: box.x, y: box.y, width: box.width, height: box.height }, boxes.map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height }))] as const;
    });
    assert.ok(rects.length > keys.length, `the eleven boxes and the one added are drawn: ${rects.length}`);
    const inside = rects.every((r) => r.x >= area.x - 0.5 && r.x + r.w <= area.x + area.width + 0.5 && r.y >= area.y - 0.5 && r.y + r.h <= area.y + area.height + 0.5);
    const apart = rects.every((a, i) => rects.every((b, j) => i === j || a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5));
    assert.ok(inside && apart, `after Arrange Again every box is in view and none overlaps: ${JSON.stringify(rects)}`);
  });

  it('a rebuilt page (window reload) draws every box where it was', async () => {
    const page = session.page;
    const before = await transforms();
    await page.waitForTimeout(500); // setState is written on change; the reload saves it
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForLoadState('load');
    frame = await webviewFrame(page, '#picture .ns', 60_000);
    for (const key of keys) await box(key).waitFor({ state: 'attached', timeout: 30_000 });
    assert.deepEqual(await transforms(), before);
  });

  it('keyboard: Tab enters the picture once, arrow keys move between boxes and rows, Tab leaves', async () => {
    const page = session.page;
    assert.equal(await frame.locator('#picture [tabindex="0"]').count(), 1, 'one tab stop in the picture');
    await frame.locator('#search').focus();
    await page.keyboard.press('Tab');
    const inPicture = () =>
      frame.locator('body').evaluate((body) => {
        const el = body.ownerDocument.activeElement;
        return el && el.closest('#picture') && el.matches('.ns, .iface') ? (el.getAttribute('data-iface-id') ?? el.getAttribute('data-ns-key')) : null;
      });
    const first = await inPicture();
    assert.ok(first, 'Tab from the search lands on a box of the picture');
    const seen = new Set([first]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
      await page.keyboard.press(key);
      const now = await inPicture();
      assert.ok(now, `${key} keeps the focus in the picture`);
      seen.add(now);
    }
    assert.ok(seen.size >= 3, `arrow keys moved between boxes: ${[...seen].join(' ')}`);
    assert.equal(await frame.locator('#picture [tabindex="0"]').count(), 1, 'still one tab stop');
    await page.keyboard.press('Enter');
    await frame.locator('#details h2').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await inPicture(), null, 'one Tab leaves the picture');
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inPicture(), 'Shift+Tab comes back to the same tab stop');
  });
});
