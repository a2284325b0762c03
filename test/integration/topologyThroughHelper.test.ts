import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectTopology } from '../../src/core/net/collectTopology';
import { discover } from '../../src/core/discovery/discover';
import { parseHelperSnapshot } from '../../src/core/discovery/helperSnapshot';
import { helperArgv } from '../../src/core/helper/helperArgv';
import type { NetInterface, NetNamespaceNode, Topology } from '../../src/core/net/topology';
import { NamespaceLab } from './support/namespaces';
import { addHelperOnlyExtras, buildTestTopology, type HelperOnlyExtras, type TestTopology } from './support/topologyLab';
import { runHelper } from './support/helperRun';
import { nativeAddon } from '../../src/core/discovery/nativeAddon';
import { readlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseProcNetFiles } from '../../src/core/net/procNetSockets';

/** What must be equal, read either way: everything but the counters (traffic moves them). */
function shape(ns: NetNamespaceNode) {
  return {
    key: ns.key,
    label: ns.label,
    labelSource: ns.labelSource,
    netnsName: ns.netnsName,
    path: ns.path,
    pids: ns.pids,
    error: ns.error,
    interfaces: ns.interfaces.map(({ counters: _counters, ...rest }) => rest),
    routes: ns.routes,
    sockets: [...ns.sockets].sort((x, y) => x.inode - y.inode),
  };
}

describe('the topology read through the helper (net-read) equals the topology read as root', () => {
  const lab = new NamespaceLab();
  let t: TestTopology;
  let x: HelperOnlyExtras;
  let asRoot: Topology;
  let viaHelper: Topology;
  let calls = 0;

  before(async () => {
    t = await buildTestTopology(lab);
    x = await addHelperOnlyExtras(lab, t);
    // The extension's privileged path: discovery from the helper's snapshot, then one net-read.
    const snapshot = runHelper(['snapshot']);
    assert.equal(snapshot.status, 0, snapshot.stderr);
    const discovery = await discover({ snapshot: parseHelperSnapshot(snapshot.stdout) });
    viaHelper = await collectTopology({
      discovery,
      readThroughHelper: async (targets) => {
        calls++;
        const run = runHelper(helperArgv({ verb: 'net-read', targets }));
        assert.equal(run.status, 0, run.stderr);
        return run.stdout;
      },
    });
    asRoot = await collectTopology({ discovery });
  });
  after(() => lab.cleanup());

  const find = (topology: Topology, test: (n: NetNamespaceNode) => boolean, what: string): NetNamespaceNode => {
    const found = topology.namespaces.find(test);
    assert.ok(found, `${what} is missing`);
    return found;
  };
  const ours = (topology: Topology) => ({
    a: find(topology, (n) => n.netnsName === t.a, 'a'),
    b: find(topology, (n) => n.netnsName === t.b, 'b'),
    c: find(topology, (n) => n.netnsName === t.c, 'c'),
    held: find(topology, (n) => n.inode === t.holderInode, 'the process-held namespace'),
    fd: find(topology, (n) => n.inode === x.fdInode, 'the fd-held namespace'),
    lonely: find(topology, (n) => n.netnsName === x.lonely, 'the process-less namespace'),
  });
  const iface = (node: NetNamespaceNode, name: string): NetInterface => {
    const found = node.interfaces.find((i) => i.name === name);
    assert.ok(found, `${node.label} has no ${name}`);
    return found;
  };

  it('is one helper call for the whole topology, and says it was read through the helper', () => {
    assert.equal(calls, 1);
    assert.equal(viaHelper.readThroughHelper, true);
    assert.equal(asRoot.readThroughHelper, undefined);
  });

  it('has the same namespaces, interfaces, addresses, routes and sockets as the root read', () => {
    const [helper, root] = [ours(viaHelper), ours(asRoot)];
    for (const name of Object.keys(helper) as (keyof typeof helper)[]) {
      assert.equal(helper[name].error, undefined, `${name}: ${helper[name].error}`);
      assert.deepEqual(shape(helper[name]), shape(root[name]), name);
    }
    assert.deepEqual(Object.keys(ours(viaHelper)).length, 6);
    assert.equal(helper.fd.path, `/proc/${x.fdHolderPid}/fd/3`);
    assert.deepEqual(helper.fd.pids, []);
    assert.deepEqual(iface(helper.b, 'eth0').addresses.filter((a) => a.family === 'inet').map((a) => a.cidr), [`10.${t.octet}.0.2/24`]);
    assert.ok(iface(helper.b, 'eth0').counters, 'counters are read too');
    // Every namespace the root read could read, the helper read too, with the same interfaces.
    const names = (topology: Topology) => topology.namespaces.filter((n) => !n.error).map((n) => `${n.key} ${n.interfaces.map((i) => i.name).join(',')}`).sort();
    assert.deepEqual(names(viaHelper), names(asRoot));
  });

  it('resolves the same wires, both ends, with the helper\'s nsid answers (also to the fd-held namespace)', () => {
    const { a, b, c, held, fd } = ours(viaHelper);
    const wire = (kind: string, p: NetInterface, q: NetInterface) =>
      viaHelper.wires.some((w) => w.kind === kind && ((w.from === p.id && w.to === q.id) || (w.from === q.id && w.to === p.id)));
    assert.ok(wire('veth', iface(a, 'vb'), iface(b, 'eth0')));
    assert.ok(wire('veth', iface(a, 'vc'), iface(c, 'eth0')));
    assert.ok(wire('veth', iface(a, 'vp'), iface(held, 'eth1')));
    assert.ok(wire('veth', iface(a, 'vz'), iface(fd, 'eth2')), 'a/vz ~ the fd-held namespace\'s eth2');
    for (const port of ['vb', 'vc', 'vp', 'vz']) assert.ok(wire('bridge', iface(a, port), iface(a, 'br0')), `${port} is a port of br0`);
    const testIds = new Set(Object.values(ours(viaHelper)).flatMap((n) => n.interfaces.map((i) => i.id)));
    const testWires = (topology: Topology) => topology.wires.filter((w) => testIds.has(w.from) || testIds.has(w.to)).map((w) => w.id).sort();
    assert.equal(testWires(viaHelper).length, 9);
    assert.deepEqual(testWires(viaHelper), testWires(asRoot));
    assert.deepEqual(viaHelper.danglingLinks.filter((d) => d.startsWith('nsi-')), []);
  });

  it('finds listening sockets with their owners, also in a namespace no process is in', () => {
    const { b, lonely } = ours(viaHelper);
    const inB = b.sockets.find((s) => s.protocol === 'tcp' && s.port === t.port);
    assert.deepEqual([inB?.address, inB?.pid, inB?.command], ['0.0.0.0', t.listenerPid, 'node']);
    assert.deepEqual(lonely.pids, [], 'no process is in it');
    const inLonely = lonely.sockets.find((s) => s.protocol === 'tcp' && s.port === x.lonelyPort);
    assert.deepEqual([inLonely?.address, inLonely?.pid, inLonely?.command], ['0.0.0.0', x.socketHolderPid, 'perl'], 'held by a process in another namespace');
    const rootLonely = ours(asRoot).lonely.sockets.find((s) => s.port === x.lonelyPort);
    assert.equal(rootLonely?.pid, x.socketHolderPid, 'the root read finds it too (read from a thread inside it)');
  });

  it('the addon asks the kernel for a namespace\'s listening sockets from inside it (sock_diag), the same as /proc/net says', () => {
    const addon = nativeAddon();
    const ownBefore = readlinkSync('/proc/thread-self/ns/net');
    const hex = `:${x.lonelyPort.toString(16).toUpperCase().padStart(4, '0')} `;
    const texts = addon.netnsListening(`/run/netns/${x.lonely}`)!;
    assert.equal(texts.length, 4);
    assert.ok(texts[0].includes(hex), 'the lonely listener is in its tcp text');
    assert.equal(readlinkSync('/proc/thread-self/ns/net'), ownBefore, 'the caller did not move');
    assert.equal(addon.netnsListening('/nonexistent/ns'), null);
    assert.ok(!addon.netnsListening('/proc/self/ns/net')![0].includes(`00000000${hex}`), 'not in our own namespace');
    // Cross-check against the /proc files read inside, for every test namespace with sockets.
    for (const path of [`/run/netns/${x.lonely}`, `/run/netns/${t.b}`]) {
      const proc = ['tcp', 'tcp6', 'udp', 'udp6'].map((file) => execFileSync('nsenter', [`--net=${path}`, 'cat', `/proc/self/net/${file}`], { encoding: 'utf8' }));
      const key = (list: ReturnType<typeof parseProcNetFiles>) => list.map((s) => `${s.protocol} ${s.family} ${s.address} ${s.port} ${s.inode}`).sort();
      assert.deepEqual(key(parseProcNetFiles(addon.netnsListening(path)!)), key(parseProcNetFiles(proc)), path);
    }
  });
});
