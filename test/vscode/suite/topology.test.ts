// The Network Topology's actions through the real privileged helper (as root it runs directly),
// with the model before and after each; bad input refused with nothing changed; the panel draws,
// exports SVG and PNG, and a capture writes a pcap that is handed over: opened in a wireshark on
// PATH (a stand-in that records its argv) or, without one, revealed in the Explorer.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { Topology } from '../../../src/core/net/topology';
import type { TopologyPanel } from '../../../src/extension/views/topology/topologyPanel';
import { waitFor } from '../../integration/support/namespaces';
import { activatedApi } from './extensionUnderTest';
import { answerQuickPick, settled } from './quickInput';

type Result = { ok: boolean; message: string; name?: string };

const netnsList = () => readdirSync('/run/netns').sort();

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('network topology actions through the helper', function () {
  this.timeout(60_000);
  let api: NamespaceInspectorApi;
  const tag = randomBytes(3).toString('hex');
  const [x, y] = [`nsi-${tag}-x`, `nsi-${tag}-y`];
  const octet = 1 + (randomBytes(1)[0] % 250);
  const out = mkdtempSync(join(tmpdir(), 'nsi-topology-'));

  const model = async (): Promise<Topology> => {
    const t = await api.topology.latest();
    assert.ok(t, 'a topology was collected');
    return t;
  };
  const ns = (t: Topology, name: string) => t.namespaces.find((n) => n.netnsName === name);
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<Result>(command, ...args);

  before(async () => {
    api = await activatedApi();
  });

  after(() => {
    for (const name of [x, y]) if (existsSync(`/run/netns/${name}`)) execFileSync('ip', ['netns', 'del', name]);
    rmSync(out, { recursive: true, force: true });
  });

  it('creates two namespaces', async () => {
    assert.equal(ns(await model(), x), undefined);
    for (const name of [x, y]) {
      const result = await run('nsInspector.network.createNetns', name);
      assert.deepEqual(result, { ok: true, message: `Network namespace "${name}" created.`, name });
    }
    const t = await model();
    assert.deepEqual(ns(t, x)?.interfaces.map((i) => i.name), ['lo']);
    assert.deepEqual(ns(t, y)?.interfaces.map((i) => i.name), ['lo']);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    // Other test runs share the host: compare this run's namespaces, and look for the bad names.
    const mine = () => netnsList().filter((name) => name.includes(tag));
    const before = mine();
    const beforeX = ns(await model(), x)!.interfaces.map((i) => i.name);
    const cases: Array<[string, unknown[], RegExp]> = [
      ['nsInspector.network.createNetns', ['bad name!'], /invalid network namespace name "bad name!"/],
      ['nsInspector.network.createNetns', ['-x'], /invalid network namespace name/],
      ['nsInspector.network.createNetns', [x], /exists already/],
      ['nsInspector.network.connectVeth', [{ a: x, b: x }], /Cannot connect .* to itself/],
      ['nsInspector.network.connectVeth', [{ a: x, b: y, ifA: 'way-too-long-name', ifB: 'vy' }], /invalid interface name "way-too-long-name"/],
      ['nsInspector.network.connectVeth', [{ a: x, b: y, ifA: 'vx', ifB: 'vy', cidrA: '10.0.0.300/24' }], /invalid address "10.0.0.300\/24"/],
      ['nsInspector.network.connectVeth', [{ a: x, b: y, ifA: 'vx', ifB: 'vy', cidrA: '10.0.0.1' }], /invalid address/],
      ['nsInspector.network.connectVeth', [{ a: x, b: y, ifA: 'lo', ifB: 'vy' }], /has an interface "lo" already/],
      ['nsInspector.network.connectVeth', [{ a: x, b: 'nsi-no-such-namespace' }], /No network namespace "nsi-no-such-namespace"/],
      ['nsInspector.network.linkUp', [x, 'nope0'], /has no interface "nope0"/],
      ['nsInspector.network.linkDown', [x, 'bad/name'], /invalid interface name/],
      ['nsInspector.network.deleteNetns', ['host', { confirmed: true }], /only those can be deleted/],
    ];
    for (const [command, args, message] of cases) {
      const result = await run(command, ...args);
      assert.equal(result.ok, false, `${command} ${JSON.stringify(args)} should be refused`);
      assert.match(result.message, new RegExp(message.source, 'i'));
      assert.match(result.message, /nothing was|to itself|exists already/);
    }
    assert.deepEqual(mine(), before, 'no namespace of this run came or went');
    for (const bad of ['bad name!', '-x']) assert.equal(existsSync(`/run/netns/${bad}`), false);
    assert.deepEqual(ns(await model(), x)!.interfaces.map((i) => i.name), beforeX, 'no interface came or went');
  });

  it('connects them with a veth pair and addresses', async () => {
    const result = await run('nsInspector.network.connectVeth', { a: x, b: y, ifA: 'vx', ifB: 'vy', cidrA: `10.${octet}.9.1/24`, cidrB: `10.${octet}.9.2/24` });
    assert.equal(result.ok, true, result.message);
    const t = await model();
    const vx = ns(t, x)!.interfaces.find((i) => i.name === 'vx');
    const vy = ns(t, y)!.interfaces.find((i) => i.name === 'vy');
    assert.ok(vx && vy, 'both ends exist');
    assert.deepEqual(vx.addresses.filter((a) => a.family === 'inet').map((a) => a.cidr), [`10.${octet}.9.1/24`]);
    assert.deepEqual(vy.addresses.filter((a) => a.family === 'inet').map((a) => a.cidr), [`10.${octet}.9.2/24`]);
    assert.equal(vx.state, 'up');
    assert.ok(t.wires.some((w) => w.kind === 'veth' && [w.from, w.to].sort().join() === [vx.id, vy.id].sort().join()), 'the wire joins vx and vy');
  });

  it('brings an interface down and up', async () => {
    assert.equal((await run('nsInspector.network.linkDown', x, 'vx')).ok, true);
    assert.equal(ns(await model(), x)!.interfaces.find((i) => i.name === 'vx')?.state, 'down');
    assert.equal((await run('nsInspector.network.linkUp', x, 'vx')).ok, true);
    const vx = ns(await model(), x)!.interfaces.find((i) => i.name === 'vx');
    assert.equal(vx?.adminUp, true);
    // The carrier follows a moment later.
    await eventually('vx to have a carrier', async () => (ns(await model(), x)!.interfaces.find((i) => i.name === 'vx')?.state === 'up' ? true : undefined));
  });

  it('acts on a namespace only an open fd holds, through its fd:PID:FD target', async () => {
    const name = `nsi-${tag}-fd`;
    execFileSync('ip', ['netns', 'add', name]);
    execFileSync('ip', ['-n', name, 'link', 'add', 'fa', 'type', 'veth', 'peer', 'name', 'fb']);
    const holder = spawn('sh', ['-c', `exec 3</run/netns/${name}; exec sleep 600`], { stdio: 'ignore' });
    try {
      await eventually('the holder to hold it', async () => (readFileSync(`/proc/${holder.pid}/stat`, 'utf8').includes('(sleep)') ? true : undefined));
      const inode = Number(execFileSync('stat', ['-L', '-c', '%i', `/run/netns/${name}`], { encoding: 'utf8' }));
      execFileSync('ip', ['netns', 'del', name]);
      const held = await eventually('the fd-held namespace in the model', async () => (await model()).namespaces.find((n) => n.inode === inode));
      assert.equal(held.path, `/proc/${holder.pid}/fd/3`);
      assert.equal(held.interfaces.find((i) => i.name === 'fa')?.adminUp, false);
      const up = await run('nsInspector.network.linkUp', held.key, 'fa');
      assert.equal(up.ok, true, up.message);
      const inside = execFileSync('nsenter', [`--net=/proc/${holder.pid}/fd/3`, 'ip', '-o', 'link', 'show', 'fa'], { encoding: 'utf8' });
      assert.match(inside, /<[^>]*\bUP\b/);
      assert.equal((await model()).namespaces.find((n) => n.inode === inode)?.interfaces.find((i) => i.name === 'fa')?.adminUp, true);
    } finally {
      holder.kill('SIGKILL');
      if (existsSync(`/run/netns/${name}`)) execFileSync('ip', ['netns', 'del', name]);
    }
  });

  /** Captures on vx until the file holds five datagrams from x to y, then stops: Stop Capture's result. */
  async function captureSome(): Promise<{ file: string; bytes: number; handedOver?: string }> {
    const started = await run('nsInspector.topology.capture', x, 'vx');
    assert.equal(started.ok, true, started.message);
    assert.match(started.message, /captures\/nsi-.*-vx-.*\.pcap$/);
    // Traffic to capture: UDP datagrams from x to y (no ping on this machine), one every 100 ms
    // until the file holds five. tcpdump listens a moment after the command returns, and hands
    // packets on in blocks (up to a second): the file itself says when they are there.
    const enough = 24 + 5 * (16 + 45);
    const send = `const s=require('dgram').createSocket('udp4');setInterval(()=>s.send('nsi',9,'10.${octet}.9.2'),100)`;
    const sender = spawn('ip', ['netns', 'exec', x, process.execPath, '-e', send], { stdio: 'ignore' });
    try {
      await eventually('five datagrams in the capture', async () => (existsSync(started.message) && statSync(started.message).size > enough ? true : undefined), 20_000);
    } finally {
      sender.kill('SIGKILL');
    }
    const stopped = await vscode.commands.executeCommand<{ file: string; bytes: number; handedOver?: string }>('nsInspector.topology.stopCapture');
    assert.equal(stopped.file, started.message);
    const pcap = readFileSync(stopped.file);
    assert.equal(pcap.readUInt32LE(0), 0xa1b2c3d4, 'a pcap file header');
    assert.ok(pcap.length > enough, `the datagrams were captured (${pcap.length} bytes)`);
    assert.deepEqual(api.topology.captures.list(), []);
    return stopped;
  }

  /** Runs `body` with the extension host's PATH set to `path` (the extension looks programs up at each call). */
  async function withPath<T>(path: string, body: () => Promise<T>): Promise<T> {
    const saved = process.env.PATH;
    process.env.PATH = path;
    try {
      return await body();
    } finally {
      process.env.PATH = saved;
    }
  }

  it('captures on an interface into a pcap file; without wireshark on PATH the file is revealed in the Explorer', async () => {
    // This host's PATH without any folder that holds a wireshark.
    const path = (process.env.PATH ?? '').split(':').filter((dir) => dir && !existsSync(join(dir, 'wireshark'))).join(':');
    const runs: string[] = [];
    const listening = api.runs.onDidLog((line) => runs.push(line));
    try {
      const stopped = await withPath(path, captureSome);
      assert.equal(stopped.handedOver, 'revealed');
      assert.deepEqual(runs.filter((line) => line.includes('wireshark')), [], 'no wireshark was run');
      rmSync(stopped.file);
    } finally {
      listening.dispose();
    }
  });

  it('with a wireshark on PATH the capture opens in it: argv only, the pcap path one argument', async () => {
    // A stand-in wireshark that writes its arguments, one per NUL, into a file.
    const bin = join(out, 'bin');
    const argvFile = join(out, 'wireshark-argv');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'wireshark'), `#!/bin/sh\nfor arg do printf '%s\\0' "$arg"; done > '${argvFile}.tmp' && mv '${argvFile}.tmp' '${argvFile}'\n`, { mode: 0o755 });
    const runs: string[] = [];
    const listening = api.runs.onDidLog((line) => runs.push(line));
    try {
      const stopped = await withPath(`${bin}:${process.env.PATH}`, captureSome);
      assert.equal(stopped.handedOver, 'wireshark');
      const argv = await eventually('the stand-in wireshark to run', async () => (existsSync(argvFile) ? readFileSync(argvFile, 'utf8') : undefined));
      assert.deepEqual(argv.split('\0').slice(0, -1), ['-r', stopped.file]);
      assert.ok(runs.some((line) => line.startsWith(`run: ${join(bin, 'wireshark')} -r `) && line.includes('started')), `the run was logged: ${runs.join(' | ')}`);
      rmSync(stopped.file);
    } finally {
      listening.dispose();
    }
  });

  it('draws the panel and exports SVG and PNG', async () => {
    // A new panel, so its page's first render report comes after the subscription below.
    api.topology.panels.current?.panel.dispose();
    const panel = await vscode.commands.executeCommand<TopologyPanel>('nsInspector.topology.show');
    // The page's render report, through the panel's message event (subscribed before the page
    // can have loaded: Show created the panel just now).
    let lastRendered: { namespaces: number } | undefined;
    const listening = panel.onMessage((message) => {
      if (message.type === 'rendered') lastRendered = message;
    });
    const t = await panel.update();
    const rendered = await waitFor('the page to report a render', () => lastRendered, 20_000).catch(() => undefined);
    listening.dispose();
    assert.ok(rendered, 'the page reported a render');
    assert.ok(rendered.namespaces >= 3);
    assert.ok(t && ns(t, x));
    const svgFile = await vscode.commands.executeCommand<string>('nsInspector.topology.exportSvg', vscode.Uri.file(join(out, 't.svg')));
    const svg = readFileSync(svgFile, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes(x) && svg.includes('vx'), 'the exported picture names the namespace and the interface');
    const pngFile = await vscode.commands.executeCommand<string>('nsInspector.topology.exportPng', vscode.Uri.file(join(out, 't.png')));
    assert.deepEqual([...readFileSync(pngFile).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('an export to a place in a container folder goes through that folder, never to the same path on the host', async () => {
    // The extension host's own root, as a container folder: read-only until allowed. A write
    // through uri.fsPath would have put the picture at that path on the host.
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const target = join(out, 'in-container.svg');
    const inContainer = vscode.Uri.from({ scheme: 'nsfs-root', authority: `${process.pid}-${ticks}`, path: target });
    await assert.rejects(async () => vscode.commands.executeCommand('nsInspector.topology.exportSvg', inContainer), (error: Error) => /read-only|Allow Writing/i.test(error.message));
    assert.equal(existsSync(target), false, 'nothing was written on the host');
  });

  it('a namespace that appears as the panel closes reaches no closed webview', async () => {
    // The panel watches /run/netns and looks again 150 ms after a change; closing it in between
    // once let that timer touch the disposed webview (an uncaught "Webview is disposed", which
    // mocha fails this test for).
    const panel = await vscode.commands.executeCommand<TopologyPanel>('nsInspector.topology.show');
    const z = `nsi-${tag}-z`;
    execFileSync('ip', ['netns', 'add', z]);
    try {
      panel.panel.dispose();
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      execFileSync('ip', ['netns', 'del', z]);
    }
    assert.equal(api.topology.panels.current, undefined, 'the closed panel is gone');
  });

  it('deletes a namespace (its veth peer goes with it)', async () => {
    const result = await run('nsInspector.network.deleteNetns', x, { confirmed: true });
    assert.equal(result.ok, true, result.message);
    assert.equal(ns(await model(), x), undefined);
    // The kernel tears a namespace down in the background: vy goes when it is done.
    await eventually('vy to go with its peer', async () => (ns(await model(), y)?.interfaces.map((i) => i.name).join() === 'lo' ? true : undefined));
    assert.ok(!netnsList().includes(x));
  });
});

// A target taken from the picture must still be the namespace that was shown when the action
// runs: here the process that held it moves to a new network namespace (same PID, `exec unshare
// --net`) while the user answers the picker, and Connect must refuse instead of wiring the new one.
describe('a PID target re-checked right before acting', function () {
  this.timeout(60_000);
  const work = mkdtempSync(join(tmpdir(), 'nsi-ui-hardening-'));
  const fifo = join(work, 'go');
  const [ifA, ifB] = ['ui-hardening-a', 'ui-hardening-b'];
  let mover: ReturnType<typeof spawn> | undefined;

  after(() => {
    if (mover?.pid) process.kill(-mover.pid, 'SIGKILL');
    try {
      execFileSync('ip', ['link', 'del', ifB], { stdio: 'ignore' });
    } catch {
      /* not made: the fix refused */
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('Connect refuses when the process moved to another network namespace meanwhile', async () => {
    const api = await activatedApi();
    // With the panel open, every reading of the picture joins the one running (see below).
    await vscode.commands.executeCommand('nsInspector.topology.show');
    execFileSync('mkfifo', [fifo]);
    // bash blocks on the FIFO (no child process that could be the namespace's first PID), then
    // the same PID unshares a new network namespace.
    mover = spawn('unshare', ['--net', 'bash', '-c', 'read -r _ < "$0"; exec unshare --net sleep 600', fifo], { detached: true, stdio: 'ignore' });
    const pid = mover.pid!;
    const netOf = () => readlinkSync(`/proc/${pid}/ns/net`);
    const before = await eventually('bash in its own netns', async () => (readlinkSync(`/proc/${pid}/ns/net`) !== readlinkSync('/proc/self/ns/net') && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'bash' ? netOf() : undefined));
    // A reading that began before bash unshared (the panel's first, or one the netns watcher
    // started) is joined and lacks the namespace: wait for a reading that has it.
    const t = await eventually('the namespace in the picture', async () => {
      const picture = await api.topology.latest();
      return picture?.namespaces.some((n) => `net:[${n.inode}]` === before) ? picture : undefined;
    });
    const shown = t.namespaces.find((n) => `net:[${n.inode}]` === before);
    assert.ok(shown, 'the namespace is in the picture');
    assert.deepEqual(shown.pids, [pid]);
    const first = t.namespaces.filter((n) => n.key !== shown.key && !n.error)[0];
    assert.ok(first?.isHost, 'the host is the first namespace the picker offers');

    const result = vscode.commands.executeCommand<Result>('nsInspector.network.connectVeth', { a: shown.key, ifA, ifB, cidrA: '', cidrB: '' });
    // The command reads the picture, takes its first end from it and asks for the other one.
    // This reading joins the command's, so after it the command has its first end: while the
    // picker for the other end is open, the PID moves on.
    await api.topology.latest();
    await settled();
    writeFileSync(fifo, 'go\n');
    await eventually('the PID in a new netns', async () => (netOf() !== before && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sleep' ? true : undefined));
    await answerQuickPick(0, result);
    const answer = await result;
    assert.equal(answer.ok, false, answer.message);
    assert.match(answer.message, new RegExp(`the network namespace of PID ${pid} is now net:\\[\\d+\\], not net:\\[${shown.inode}\\]`, 'i'));
    assert.match(answer.message, /nothing was changed/);
    assert.throws(() => execFileSync('ip', ['link', 'show', 'dev', ifB], { stdio: 'ignore' }), 'no veth end on the host');
    assert.doesNotMatch(execFileSync('nsenter', ['-t', String(pid), '-n', 'ip', '-o', 'link'], { encoding: 'utf8' }), new RegExp(ifA), 'no veth end in the new namespace');
  });
});
