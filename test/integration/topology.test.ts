import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectTopology } from '../../src/core/net/collectTopology';
import type { NetInterface, NetNamespaceNode, Topology } from '../../src/core/net/topology';
import { NamespaceLab } from './support/namespaces';
import { buildTestTopology, type TestTopology } from './support/topologyLab';

describe('network topology of real namespaces', () => {
  const lab = new NamespaceLab();
  let t: TestTopology;
  let topology: Topology;
  before(async () => {
    t = await buildTestTopology(lab);
    topology = await collectTopology();
  });
  after(() => lab.cleanup());

  const ns = (name: string): NetNamespaceNode => {
    const found = topology.namespaces.find((n) => n.netnsName === name);
    assert.ok(found, `namespace ${name} is missing`);
    return found;
  };
  const held = (): NetNamespaceNode => {
    const found = topology.namespaces.find((n) => n.inode === t.holderInode);
    assert.ok(found, 'the process-held namespace is missing');
    return found;
  };
  const iface = (node: NetNamespaceNode, name: string): NetInterface => {
    const found = node.interfaces.find((i) => i.name === name);
    assert.ok(found, `${node.label} has no ${name}`);
    return found;
  };
  const wire = (kind: string, x: NetInterface, y: NetInterface) =>
    topology.wires.find((w) => w.kind === kind && ((w.from === x.id && w.to === y.id) || (w.from === y.id && w.to === x.id)));

  it('finds every interface of every test namespace with its kind and state', () => {
    const kinds = (node: NetNamespaceNode) => Object.fromEntries(node.interfaces.map((i) => [i.name, i.kind]));
    assert.deepEqual(kinds(ns(t.a)), { lo: 'loopback', br0: 'bridge', vb: 'veth', vc: 'veth', vp: 'veth' });
    assert.deepEqual(kinds(ns(t.b)), { lo: 'loopback', eth0: 'veth' });
    assert.deepEqual(kinds(ns(t.c)), { lo: 'loopback', eth0: 'veth', mv0: 'macvlan' });
    assert.deepEqual(kinds(held()), { lo: 'loopback', eth1: 'veth' });
    assert.equal(iface(ns(t.b), 'eth0').state, 'up');
    assert.equal(iface(held(), 'eth1').state, 'down', 'eth1 was never set up');
    assert.equal(iface(ns(t.a), 'vb').master, 'br0');
    assert.match(iface(ns(t.a), 'br0').mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    assert.equal(iface(ns(t.a), 'br0').mtu, 1500);
    assert.ok(iface(ns(t.b), 'eth0').counters, 'counters are read');
  });

  it('labels namespaces by netns name, process and host', () => {
    assert.equal(ns(t.a).labelSource, 'netns');
    assert.equal(ns(t.a).label, t.a);
    assert.equal(held().labelSource, 'process');
    assert.equal(held().label, `sleep (${t.holderPid})`);
    const hosts = topology.namespaces.filter((n) => n.isHost);
    assert.equal(hosts.length, 1);
    assert.equal(hosts[0].label, 'host');
  });

  it('resolves every wire with both ends, across namespaces, also to a namespace only a process holds', () => {
    const [a, b, c, p] = [ns(t.a), ns(t.b), ns(t.c), held()];
    const br0 = iface(a, 'br0');
    for (const port of ['vb', 'vc', 'vp']) assert.ok(wire('bridge', iface(a, port), br0), `${port} is a port of br0`);
    assert.ok(wire('veth', iface(a, 'vb'), iface(b, 'eth0')), 'vb ~ b/eth0');
    assert.ok(wire('veth', iface(a, 'vc'), iface(c, 'eth0')), 'vc ~ c/eth0');
    assert.ok(wire('veth', iface(a, 'vp'), iface(p, 'eth1')), 'vp ~ held/eth1 (nsid resolved by the kernel, not by name)');
    assert.ok(wire('parent', iface(c, 'mv0'), iface(c, 'eth0')), 'mv0 sits on c/eth0');
    const ours = new Set([a, b, c, p].flatMap((n) => n.interfaces.map((i) => i.id)));
    const testWires = topology.wires.filter((w) => ours.has(w.from) || ours.has(w.to));
    assert.equal(testWires.length, 7, JSON.stringify(testWires));
    for (const w of testWires) assert.ok(ours.has(w.from) && ours.has(w.to), `both ends of ${w.id} are in the test namespaces`);
    assert.deepEqual(topology.danglingLinks.filter((d) => d.startsWith('nsi-')), []);
  });

  it('reads every address and the routes', () => {
    const cidrs = (node: NetNamespaceNode, name: string) => iface(node, name).addresses.filter((x) => x.family === 'inet').map((x) => x.cidr);
    assert.deepEqual(cidrs(ns(t.a), 'br0'), [`10.${t.octet}.0.1/24`]);
    assert.deepEqual(cidrs(ns(t.b), 'eth0'), [`10.${t.octet}.0.2/24`]);
    assert.deepEqual(cidrs(ns(t.c), 'eth0'), [`10.${t.octet}.0.3/24`]);
    assert.deepEqual(cidrs(ns(t.c), 'mv0'), [`10.${t.octet}.1.3/24`]);
    assert.deepEqual(cidrs(ns(t.b), 'lo'), ['127.0.0.1/8']);
    assert.deepEqual(cidrs(ns(t.a), 'vb'), []);
    const defaultRoute = ns(t.b).routes.find((r) => r.dst === 'default');
    assert.deepEqual([defaultRoute?.gateway, defaultRoute?.dev], [`10.${t.octet}.0.1`, 'eth0']);
    assert.ok(ns(t.c).routes.some((r) => r.dst === `10.${t.octet}.1.0/24` && r.dev === 'mv0'));
    assert.ok(ns(t.a).routes.every((r) => r.table !== 'local'), 'local-table routes (one per address) are left out');
  });

  it('attributes a listening socket to its process', () => {
    const socket = ns(t.b).sockets.find((s) => s.protocol === 'tcp' && s.port === t.port);
    assert.ok(socket, `port ${t.port} is listening in b`);
    assert.equal(socket.address, '0.0.0.0');
    assert.equal(socket.pid, t.listenerPid);
    assert.equal(socket.command, 'node');
    assert.deepEqual(ns(t.a).sockets, [], 'a has no process and no socket');
  });
});
