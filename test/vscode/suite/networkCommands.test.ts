// Network namespace management and the privileged helper in a real VS Code: create, connect,
// bring down and up, delete (the tree shows each step), Show All Namespaces (privileged), the
// installer writing to a temporary root-owned folder, and a tampered helper refused.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { namespaceNodeId } from '../../../src/core/tree/nodeIds';
import { netnsNameOf } from '../../../src/core/net/netnsNameOf';
import { processNamespaces } from '../../../src/core/exec/processNamespaces';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import { PrivilegedHelper } from '../../../src/extension/helper/privilegedHelper';
import { waitFor } from '../../integration/support/namespaces';
import { activatedApi } from './extensionUnderTest';

const T = randomBytes(3).toString('hex');
type Result = { ok: boolean; message: string; name?: string };
const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8' });

describe('network namespace commands and the privileged helper', function () {
  this.timeout(60_000);
  let api: NamespaceInspectorApi;
  const names = [`nsi-ext-a-${T}`, `nsi-ext-b-${T}`];
  const tmpRoots: string[] = [];

  /** The tree node of the named network namespace, or undefined when the tree does not show it. */
  function netnsNode(name: string): string | undefined {
    const ns = [...(api.namespacesView.result?.namespaces.values() ?? [])].find((n) => n.type === 'net' && netnsNameOf(n, processNamespaces('self').mnt ?? -1) === name);
    const id = ns && namespaceNodeId(ns.id);
    return id && api.namespacesView.snapshot?.node(id) ? id : undefined;
  }

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('nsInspector').update('grouping', 'type', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
  });

  after(async () => {
    for (const name of names) if (existsSync(`/run/netns/${name}`)) ip('netns', 'del', name);
    for (const dir of tmpRoots) rmSync(dir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('nsInspector').update('grouping', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('nsInspector.helper').update('installPath', undefined, vscode.ConfigurationTarget.Global);
    if (api.namespacesView.privileged) await vscode.commands.executeCommand('nsInspector.view.leavePrivileged');
  });

  it('Create Network Namespace makes a named netns and the tree shows it under "net"', async () => {
    for (const name of names) {
      assert.equal(netnsNode(name), undefined);
      const result = await vscode.commands.executeCommand<Result>('nsInspector.network.createNetns', { name });
      assert.equal(result.ok, true, result.message);
      assert.equal(result.name, name);
      assert.ok(existsSync(`/run/netns/${name}`), `/run/netns/${name}`);
      const node = netnsNode(name);
      assert.ok(node, `the tree shows ${name}`);
      assert.ok((await api.namespacesView.provider.getChildren('type:net')).includes(node));
      assert.equal(String(api.namespacesView.provider.getTreeItem(node).label), name, 'a named netns leads with its name');
      assert.match(api.namespacesView.provider.getTreeItem(node).contextValue!, /^namespace:net:bound/);
    }
  });

  it('refuses a bad name before anything runs, and the tree is unchanged', async () => {
    const before = api.namespacesView.result!.namespaces.size;
    const result = await vscode.commands.executeCommand<Result>('nsInspector.network.createNetns', { name: `x;touch /tmp/nsi-${T}` });
    assert.equal(result.ok, false);
    assert.match(result.message, /invalid network namespace name.*nothing was changed/i);
    assert.ok(!existsSync(`/tmp/nsi-${T}`));
    assert.equal(api.namespacesView.result!.namespaces.size, before);
  });

  it('Connect with veth Pair from a tree item links it with another, with addresses, both ends up', async () => {
    const node = netnsNode(names[0]);
    assert.ok(node);
    // As from the item's context menu: the item is the first end; the rest skips the prompts.
    const result = await vscode.commands.executeCommand<Result>('nsInspector.network.connectVeth', node, { b: names[1], ifA: `ea${T}`, ifB: `eb${T}`, cidrA: '10.91.0.1/24', cidrB: '10.91.0.2/24' });
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, new RegExp(`${names[0]}/ea${T} and ${names[1]}/eb${T}`));
    assert.match(ip('-n', names[0], '-o', 'addr', 'show', 'dev', `ea${T}`), /inet 10\.91\.0\.1\/24/);
    assert.match(ip('-n', names[1], '-o', 'link', 'show', 'dev', `eb${T}`), /<[^>]*\bUP\b/);
    // The tree still shows both, after a refresh the command ran.
    assert.ok(netnsNode(names[0]) && netnsNode(names[1]));
  });

  it('Bring Interface Down / Up act on the chosen interface; the interface list is the topology model\'s (what the pickers offer)', async () => {
    // From the tree item, and by `ip netns` name (palette arguments, the topology panel).
    const node = netnsNode(names[0]);
    assert.ok(node);
    assert.equal((await vscode.commands.executeCommand<Result>('nsInspector.network.linkDown', node, `ea${T}`)).ok, true);
    assert.doesNotMatch(ip('-n', names[0], '-o', 'link', 'show', 'dev', `ea${T}`), /<[^>]*\bUP\b/);
    const model = (await api.topology.latest())?.namespaces.find((n) => n.netnsName === names[0]);
    assert.ok(model, 'the namespace is in the topology model');
    assert.deepEqual(model.interfaces.map((l) => [l.name, l.adminUp, l.kind]).sort(), [['lo', false, 'loopback'], [`ea${T}`, false, 'veth']].sort());
    assert.equal((await vscode.commands.executeCommand<Result>('nsInspector.network.linkUp', names[0], `ea${T}`)).ok, true);
    assert.match(ip('-n', names[0], '-o', 'link', 'show', 'dev', `ea${T}`), /<[^>]*\bUP\b/);
  });

  it('a capture through the helper API streams a pcap of the interface until stopped', async () => {
    const capture = await api.helper.capture({ kind: 'netns', name: names[0] }, `ea${T}`);
    const chunks: Buffer[] = [];
    capture.pcap.on('data', (chunk: Buffer) => chunks.push(chunk));
    // tcpdump listens a moment after it starts: a datagram every 100 ms until one is captured
    // (tcpdump -U hands each packet on as it comes).
    const send = 'const s=require("dgram").createSocket("udp4");setInterval(()=>s.send("nsi-capture",9999,"10.91.0.1"),100)';
    const sender = spawn('ip', ['netns', 'exec', names[1], process.execPath, '-e', send], { stdio: 'ignore' });
    try {
      await waitFor('a datagram in the capture', () => (Buffer.concat(chunks).includes(Buffer.from('nsi-capture')) ? true : undefined), 20_000);
    } finally {
      sender.kill('SIGKILL');
    }
    const result = await capture.stop();
    assert.equal(result.exitCode, 0, result.stderr);
    const pcap = Buffer.concat(chunks);
    assert.ok([0xa1b2c3d4, 0xd4c3b2a1].includes(pcap.readUInt32BE(0)), 'pcap magic');
    assert.ok(pcap.includes(Buffer.from('nsi-capture')), 'the datagrams are in the capture');
  });

  it('Delete Network Namespace (confirmed) removes it, the veth goes too, and the tree drops it', async () => {
    const node = netnsNode(names[0]);
    assert.ok(node);
    const result = await vscode.commands.executeCommand<Result>('nsInspector.network.deleteNetns', node, { confirmed: true });
    assert.equal(result.ok, true, result.message);
    assert.ok(!existsSync(`/run/netns/${names[0]}`));
    assert.equal(netnsNode(names[0]), undefined, 'the tree no longer shows it');
    assert.ok(!ip('-n', names[1], '-o', 'link').includes(`eb${T}`), 'the peer end went with it');
    assert.ok(netnsNode(names[1]), 'the other one stays');
  });

  it('Show All Namespaces (privileged) discovers through the helper; the view says so; leaving returns', async () => {
    const result = await vscode.commands.executeCommand<{ privileged: boolean; namespaces: Map<string, unknown> } | undefined>('nsInspector.view.showAllPrivileged');
    assert.ok(result, 'the privileged discovery ran');
    assert.equal(api.namespacesView.privileged, true);
    assert.match(api.namespacesView.treeView.description ?? '', /privileged/);
    assert.match(api.namespacesView.treeView.message ?? '', /^Privileged view/);
    assert.ok(netnsNode(names[1]), 'the test netns is in the privileged view too');
    const own = await api.namespacesView.refresh();
    assert.equal(api.namespacesView.privileged, true, 'a refresh stays privileged');
    assert.ok(own && netnsNode(names[1]));
    await vscode.commands.executeCommand('nsInspector.view.leavePrivileged');
    assert.equal(api.namespacesView.privileged, false);
    assert.doesNotMatch(api.namespacesView.treeView.description ?? '', /privileged/);
    assert.equal(api.namespacesView.treeView.message, undefined);
  });

  it('Install Privileged Helper shows what it writes, then installs root-owned 0755 into the configured place', async () => {
    const root = mkdtempSync('/tmp/nsi-install-');
    tmpRoots.push(root);
    chmodSync(root, 0o755);
    const installPath = join(root, 'libexec', 'nsinspect-helper');
    await vscode.workspace.getConfiguration('nsInspector.helper').update('installPath', installPath, vscode.ConfigurationTarget.Global);
    let previewShown = '';
    const written = await vscode.commands.executeCommand<string[]>('nsInspector.helper.install', {
      extras: [],
      confirm: async (preview: string) => {
        previewShown = vscode.window.activeTextEditor?.document.getText() ?? '';
        assert.ok(!existsSync(installPath), 'nothing is written before the confirmation');
        return preview.includes(installPath);
      },
    });
    assert.deepEqual(written, [installPath]);
    assert.match(previewShown, new RegExp(`=== ${installPath} {2}\\(mode 0755, owner root:root\\)`), 'the preview document was open while confirming');
    const stat = statSync(installPath);
    assert.equal(stat.mode & 0o7777, 0o755);
    assert.equal(stat.uid, 0);
    assert.equal(sha256(installPath), sha256(api.helper.shippedPath));
    assert.deepEqual(api.helper.helperPath(), { path: installPath, trust: { ok: true, sha256: sha256(installPath) } });
    assert.equal((await api.helper.run({ verb: 'version' })).stdout, 'nsinspect-helper 2\n');
  });

  it('refuses a modified, a user-owned or a group-writable installed copy, offering to reinstall', async () => {
    const installPath = api.helper.helperPath().path;
    assert.ok(installPath.startsWith('/tmp/nsi-install-'), 'the previous test installed it');
    const refusal = async () => {
      try {
        await api.helper.run({ verb: 'version' });
      } catch (error) {
        return error as { name: string; trust?: { reason: string } };
      }
      assert.fail('the helper ran');
    };
    appendFileSync(installPath, '# tampered\n');
    assert.deepEqual(pick(await refusal()), { name: 'HelperError', reason: 'modified' });
    copyFileSync(api.helper.shippedPath, installPath);
    chownSync(installPath, 65534, 65534);
    assert.deepEqual(pick(await refusal()), { name: 'HelperError', reason: 'owner' });
    chownSync(installPath, 0, 0);
    chmodSync(installPath, 0o775);
    assert.deepEqual(pick(await refusal()), { name: 'HelperError', reason: 'writable' });
    chmodSync(installPath, 0o755);
    assert.equal((await api.helper.run({ verb: 'version' })).exitCode, 0, 'fixed, it runs again');
  });

  it('logs every privileged call: argv, exit code and duration', async () => {
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) } as unknown as vscode.LogOutputChannel;
    const helper = new PrivilegedHelper(log, api.helper.shippedPath, () => ({ elevation: 'auto', installPath: '/nonexistent/nsinspect-helper' }));
    await helper.run({ verb: 'version' });
    await assert.rejects(helper.run({ verb: 'netns-del', name: `nsi-missing-${T}` }), /no network namespace named/);
    assert.match(lines[0], /^helper: \/bin\/sh \S*helper\/nsinspect-helper version → exit 0 in \d+ ms$/);
    assert.match(lines[1], new RegExp(`^helper: /bin/sh \\S*nsinspect-helper netns-del nsi-missing-${T} → exit 66 \\(noSuchTarget\\) in \\d+ ms: nsinspect-helper: no network namespace`));
  });
});

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function pick(error: { name: string; trust?: { reason: string } }) {
  return { name: error.name, reason: error.trust?.reason };
}

