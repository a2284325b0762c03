// Show ID Maps in a real VS Code: opening the panel for a test-made three-level nest posts the
// model of the chain to the webview (whose script starts under the CSP and says ready); the page
// is built as the CSP demands; the panel follows a process' or another namespace's owning user
// namespace, updates live when newuidmap writes a map, and says so when the namespace is gone.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { IdMapsPanel } from '../../../src/extension/views/idMaps/idMapsPanel';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import { NamespaceLab, nsInode, waitFor, waitForCommand } from '../../integration/support/namespaces';
import { execFileSync } from 'node:child_process';
import { makeUserNest, NEST_MAPS, type UserNest } from '../../integration/support/userNest';
import { parseIdMap } from '../../../src/core/parsers/idMap';
import { activatedApi } from './extensionUnderTest';
import type { ToIdMapsWebview } from '../../../src/core/idmaps/idMapsMessages';

type ModelMessage = Extract<ToIdMapsWebview, { type: 'model' }>;

describe('Show ID Maps', function () {
  this.timeout(60_000);
  const lab = new NamespaceLab();
  let api: NamespaceInspectorApi;
  let nest: UserNest;
  let dev: number;

  before(async () => {
    api = await activatedApi();
    nest = await makeUserNest(lab);
    dev = (await api.namespacesView.refresh())!.nsfsDev;
  });

  after(async () => {
    lab.cleanup();
    for (const panel of api.idMaps.open) panel.panel.dispose();
  });

  async function show(arg: unknown): Promise<IdMapsPanel> {
    const panel = await vscode.commands.executeCommand<IdMapsPanel | undefined>('nsInspector.namespace.showIdMaps', arg);
    assert.ok(panel, 'Show ID Maps returned no panel');
    return panel;
  }

  /**
   * The last model message that reached the page, through the channel's onDidPost event (posts
   * reach the page only after its ready handshake). Subscribed right after Show: the page cannot
   * have said ready yet, so none is missed.
   */
  function lastPosted(panel: IdMapsPanel): () => ModelMessage | undefined {
    let last: ModelMessage | undefined;
    panel.channel.onDidPost((message) => {
      if (message.type === 'model') last = message;
    });
    return () => last;
  }

  it('posts the model of the nested chain to the webview after its ready handshake', async () => {
    const panel = await show({ dev, ino: nest.inodes[2] });
    const last = lastPosted(panel);
    const posted = await waitFor('the model to be posted', () => last()?.model ?? undefined, 20_000);
    assert.equal(last()?.gone, false);
    assert.deepEqual(last()?.target, { dev, ino: nest.inodes[2] });
    assert.deepEqual(posted.levels.map((l) => l.inode), [nest.inodes[2], nest.inodes[1], nest.inodes[0], nsInode('self', 'user')]);
    // Each level's lines relative to its parent are the maps the test wrote.
    for (let level = 0; level < 3; level++) {
      const maps = posted.levels[2 - level].maps;
      assert.deepEqual(maps.uid.lines.map(({ inside, outside, count }) => ({ inside, outside, count })), parseIdMap(NEST_MAPS.uid[level]), `level ${level + 1} uid_map`);
      assert.deepEqual(maps.gid.lines.map(({ inside, outside, count }) => ({ inside, outside, count })), parseIdMap(NEST_MAPS.gid[level]), `level ${level + 1} gid_map`);
    }
    assert.deepEqual(posted.levels[0].maps.uid.lines.map((l) => l.host), [100000, 2000, 300000]);
    assert.equal(panel.panel.title, `ID Maps: user ${nest.inodes[2]}`);
    assert.equal(panel.panel.viewType, 'nsInspector.idMaps');
    // Showing the same namespace again reveals the same panel.
    assert.equal(await show({ dev, ino: nest.inodes[2] }), panel);
  });

  it('serves a page with CSP default-src \'none\', nonce scripts and styles from media/ only, no inline code', async () => {
    const panel = api.idMaps.open.find((p) => p.target.ino === nest.inodes[2])!;
    const html = panel.panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta tag');
    assert.match(csp, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.ok(scripts.length >= 1);
    for (const attrs of scripts) {
      assert.ok(attrs.includes(`nonce="${nonce}"`), attrs);
      assert.match(attrs, /src="[^"]*\/media\/webview\/idMaps\.js"/);
    }
    for (const link of html.matchAll(/<link([^>]*)>/g)) assert.match(link[1], new RegExp(`nonce="${nonce}".*href="[^"]*/media/`));
    assert.doesNotMatch(html, /\son[a-z]+=|style=|<style/i, 'no inline handlers or styles');
    const roots = panel.panel.webview.options.localResourceRoots?.map((u) => u.path);
    assert.deepEqual(roots, [vscode.Uri.joinPath(vscode.extensions.getExtension('nsinspector.namespace-inspector')!.extensionUri, 'media').path]);
  });

  it('from a process or another namespace, shows their owning user namespace', async () => {
    const pid = lab.start(['unshare', '--user', '--map-root-user', '--net', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    await api.namespacesView.refresh();
    const netNode = namespaceNodeId({ dev, ino: nsInode(pid, 'net') });
    assert.ok(api.namespacesView.snapshot?.node(netNode), 'the net namespace is in the tree');
    const fromNet = await show(netNode);
    assert.equal(fromNet.target.ino, nsInode(pid, 'user'));
    fromNet.panel.dispose();
    const fromProcess = await show(processNodeId(netNode, pid));
    const lastFromProcess = lastPosted(fromProcess);
    assert.equal(fromProcess.target.ino, nsInode(pid, 'user'));
    const model = await waitFor('the model', () => lastFromProcess()?.model ?? undefined, 20_000);
    assert.ok(model.levels[0].warnings.some((w) => w.kind === 'hostRoot'), 'root mapped from the host is warned about');
    fromProcess.panel.dispose();
  });

  it('updates live when newuidmap writes the map, and says so when the namespace is gone', async () => {
    const child = lab.start(['unshare', '--user', 'sleep', '600']);
    const pid = child.pid!;
    await waitForCommand(pid, 'sleep');
    const panel = await show({ dev, ino: nsInode(pid, 'user') });
    const last = lastPosted(panel);
    await waitFor('the unwritten map', () => (last()?.model?.levels[0].maps.uid.state === 'unwritten' ? true : undefined), 20_000);
    // As a container runtime does it: newuidmap, within root's /etc/subuid range (scripts/setup.sh).
    execFileSync('newuidmap', [String(pid), '0', '1000000', '100']);
    const written = await waitFor('the written map', () => (last()?.model?.levels[0].maps.uid.state === 'written' ? (last()?.model ?? undefined) : undefined), 20_000);
    assert.deepEqual(written.levels[0].maps.uid.lines, [{ inside: 0, count: 100, outside: 1000000, host: 1000000 }]);
    assert.equal(written.levels[0].maps.gid.state, 'unwritten');
    process.kill(-pid, 'SIGKILL');
    await waitFor('the panel to say the namespace is gone', () => (last()?.gone ? true : undefined), 20_000);
    assert.deepEqual(last()?.model?.levels[0].maps.uid.lines, written.levels[0].maps.uid.lines, 'the last state stays');
    panel.panel.dispose();
  });
});
