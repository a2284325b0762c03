import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpBatch } from '../../src/core/net/parseIpBatch';
import { decodeAddress, parseProcNet } from '../../src/core/net/procNetSockets';
import { interfaceKind } from '../../src/core/net/interfaceKind';
import { resolveWires } from '../../src/core/net/resolveWires';
import { layoutSignature, searchTopology } from '../../src/core/net/searchTopology';
import { validateFromTopologyWebview, validateTopologyViewState } from '../../src/core/net/topologyMessages';
import { defaultVethName, netTargetOf } from '../../src/core/net/netTargetOf';
import { netTargetOfPath, netTargetPath } from '../../src/core/helper/netTarget';
import { ipArgv, netnsEntry } from '../../src/core/net/netnsEntry';
import { newNamespace } from '../../src/core/model/namespace';
import type { NetInterface, NetNamespaceNode, Topology } from '../../src/core/net/topology';

const LINKS = JSON.stringify([
  { ifindex: 1, ifname: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], mtu: 65536, operstate: 'UNKNOWN', link_type: 'loopback', address: '00:00:00:00:00:00', addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }, { family: 'inet6', local: '::1', prefixlen: 128, scope: 'host' }] },
  { ifindex: 2, ifname: 'br0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], mtu: 1500, operstate: 'UP', link_type: 'ether', address: '8e:3e:27:ce:f2:01', linkinfo: { info_kind: 'bridge' }, addr_info: [{ family: 'inet', local: '10.9.0.1', prefixlen: 24, scope: 'global' }], stats64: { rx: { bytes: 10, packets: 1, errors: 0, dropped: 0 }, tx: { bytes: 20, packets: 2, errors: 0, dropped: 1 } } },
  { ifindex: 3, link_index: 2, ifname: 'v1', flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'], mtu: 1500, master: 'br0', operstate: 'DOWN', link_type: 'ether', address: 'aa:bb:cc:dd:ee:01', link_netnsid: 0, linkinfo: { info_kind: 'veth', info_slave_kind: 'bridge' }, addr_info: [] },
  { ifindex: 5, ifname: 'mv0', link: 'br0', flags: ['BROADCAST', 'MULTICAST'], mtu: 1500, operstate: 'DOWN', link_type: 'ether', address: 'ba:b7:b8:10:22:73', linkinfo: { info_kind: 'macvlan' } },
  { ifindex: 6, ifname: 'vx0', flags: ['BROADCAST'], mtu: 1450, operstate: 'DOWN', link_type: 'ether', address: 'fe:a8:a8:0a:89:43', linkinfo: { info_kind: 'vxlan', info_data: { id: 42, link: 'br0', port: 4789 } } },
  { ifindex: 7, ifname: 'tap0', flags: ['BROADCAST'], mtu: 1500, operstate: 'DOWN', link_type: 'ether', address: '0e:43:da:05:73:2f', linkinfo: { info_kind: 'tun', info_data: { type: 'tap' } } },
]);
const ROUTES = JSON.stringify([
  { dst: 'default', gateway: '10.9.0.254', dev: 'br0', table: 'main', protocol: 'static', flags: [] },
  { type: 'unicast', dst: '10.9.0.0/24', dev: 'br0', table: 'main', protocol: 'kernel', scope: 'link', prefsrc: '10.9.0.1' },
  { type: 'local', dst: '10.9.0.1', dev: 'br0', table: 'local', protocol: 'kernel', scope: 'host' },
]);

describe('parseIpBatch', () => {
  const parsed = parseIpBatch(`${LINKS}\n${ROUTES}\n`, '4:100');
  const byName = (name: string) => parsed.interfaces.find((i) => i.name === name)!;

  it('reads every interface with kind, state, MTU, MAC, addresses, master, links and counters', () => {
    assert.deepEqual(parsed.interfaces.map((i) => [i.name, i.kind, i.state]), [
      ['lo', 'loopback', 'up'],
      ['br0', 'bridge', 'up'],
      ['v1', 'veth', 'no-carrier'],
      ['mv0', 'macvlan', 'down'],
      ['vx0', 'vxlan', 'down'],
      ['tap0', 'tap', 'down'],
    ]);
    assert.equal(byName('br0').id, '4:100/2');
    assert.deepEqual(byName('lo').addresses.map((a) => a.cidr), ['127.0.0.1/8', '::1/128']);
    assert.equal(byName('v1').master, 'br0');
    assert.deepEqual([byName('v1').linkIndex, byName('v1').linkNetnsid], [2, 0]);
    assert.equal(byName('mv0').linkName, 'br0');
    assert.deepEqual(byName('vx0').vxlan, { vni: 42, remote: undefined, local: undefined, group: undefined, dev: 'br0', port: 4789 });
    assert.equal(byName('br0').counters?.txDropped, 1);
    assert.equal(byName('br0').mtu, 1500);
  });

  it('keeps routes but the local table', () => {
    assert.deepEqual(parsed.routes.map((r) => [r.dst, r.gateway, r.dev]), [
      ['default', '10.9.0.254', 'br0'],
      ['10.9.0.0/24', undefined, 'br0'],
    ]);
  });

  it('fails loudly on output that is not the batch', () => {
    assert.throws(() => parseIpBatch('[]\n', '4:1'), /expected JSON lines/);
  });
});

describe('interfaceKind', () => {
  it('tells physical, tun and unknown kinds apart', () => {
    assert.equal(interfaceKind({ link_type: 'ether' }), 'physical');
    assert.equal(interfaceKind({ link_type: 'none' }), 'tun');
    assert.equal(interfaceKind({ link_type: 'ether', linkinfo: { info_kind: 'tun', info_data: { type: 'tun' } } }), 'tun');
    assert.equal(interfaceKind({ link_type: 'ether', linkinfo: { info_kind: 'wireguard' } }), 'wireguard');
    assert.equal(interfaceKind({ link_type: 'ether', linkinfo: { info_kind: 'ifb' } }), 'other');
  });
});

describe('/proc/net sockets', () => {
  it('decodes IPv4 and IPv6 addresses in host byte order', () => {
    assert.equal(decodeAddress('0100007F'), '127.0.0.1');
    assert.equal(decodeAddress('00000000'), '0.0.0.0');
    assert.equal(decodeAddress('00000000000000000000000001000000'), '::1');
    assert.equal(decodeAddress('000080FE00000000FF000000010000FE'), 'fe80::ff:fe00:1');
  });

  it('keeps listening TCP and unconnected UDP sockets only', () => {
    const tcp = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:8AE2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 12346 1 0000000000000000 20 4 30 10 -1',
    ].join('\n');
    assert.deepEqual(parseProcNet(tcp, 'tcp', 'inet'), [{ protocol: 'tcp', family: 'inet', address: '0.0.0.0', port: 8080, inode: 12345 }]);
    const udp = [
      '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
      '  1: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 999 2 0000000000000000 0',
      '  2: 0100007F:9C40 0100007F:0035 01 00000000:00000000 00:00000000 00000000     0        0 998 2 0000000000000000 0',
    ].join('\n');
    assert.deepEqual(parseProcNet(udp, 'udp', 'inet'), [{ protocol: 'udp', family: 'inet', address: '127.0.0.53', port: 53, inode: 999 }]);
  });
});

function iface(nsKey: string, ifindex: number, name: string, extra: Partial<NetInterface> = {}): NetInterface {
  return { id: `${nsKey}/${ifindex}`, ifindex, name, kind: 'veth', adminUp: true, operState: 'UP', state: 'up', mtu: 1500, mac: '', addresses: [], ...extra };
}

function node(key: string, label: string, interfaces: NetInterface[], extra: Partial<NetNamespaceNode> = {}): NetNamespaceNode {
  return { key, inode: Number(key.split(':')[1]), label, labelSource: 'netns', netnsName: label, isHost: false, isOwn: false, path: `/run/netns/${label}`, pids: [], interfaces, routes: [], sockets: [], ...extra };
}

describe('resolveWires', () => {
  // Two namespaces with the same ifindex numbers: only the nsid tells which peer is meant.
  const a = node('4:1', 'a', [iface('4:1', 2, 'br0', { kind: 'bridge' }), iface('4:1', 3, 'v1', { master: 'br0', linkIndex: 2, linkNetnsid: 0 }), iface('4:1', 4, 'v2', { master: 'br0', linkIndex: 2, linkNetnsid: 1 }), iface('4:1', 5, 'mv0', { kind: 'macvlan', linkName: 'br0' })]);
  const b = node('4:2', 'b', [iface('4:2', 2, 'eth0', { linkIndex: 3, linkNetnsid: 0 })]);
  const c = node('4:3', 'c', [iface('4:3', 2, 'eth0', { linkIndex: 4, linkNetnsid: 0 }), iface('4:3', 9, 'gone', { linkIndex: 7, linkNetnsid: 5 })]);
  const nsids = new Map([
    ['4:1', new Map([[0, '4:2'], [1, '4:3']])],
    ['4:2', new Map([[0, '4:1']])],
    ['4:3', new Map([[0, '4:1']])],
  ]);
  const { wires, dangling } = resolveWires([a, b, c], nsids);

  it('matches veth peers across namespaces once, bridge ports and parents', () => {
    assert.deepEqual(wires.map((w) => w.id).sort(), [
      'bridge:4:1/3~4:1/2',
      'bridge:4:1/4~4:1/2',
      'parent:4:1/5~4:1/2',
      'veth:4:1/3~4:2/2',
      'veth:4:1/4~4:3/2',
    ]);
  });

  it('reports a link whose other end is nowhere', () => {
    assert.deepEqual(dangling, ['c/gone']);
  });
});

const sample: Topology = {
  namespaces: [node('4:1', 'alpha', [iface('4:1', 2, 'eth0', { addresses: [{ family: 'inet', address: '10.1.2.3', prefixLength: 24, scope: 'global', cidr: '10.1.2.3/24' }], mac: 'aa:bb:cc:dd:ee:ff' })])],
  wires: [],
  danglingLinks: [],
  warnings: [],
  collectedAt: 1,
};

describe('searchTopology', () => {
  it('finds an interface by address prefix, CIDR, name or MAC and a namespace by label or inode', () => {
    assert.deepEqual([...searchTopology(sample, '10.1.2').interfaces], ['4:1/2']);
    assert.deepEqual([...searchTopology(sample, '10.1.2.3/24').interfaces], ['4:1/2']);
    assert.deepEqual([...searchTopology(sample, 'ETH').interfaces], ['4:1/2']);
    assert.deepEqual([...searchTopology(sample, 'aa:bb:cc:dd:ee:ff').interfaces], ['4:1/2']);
    assert.deepEqual([...searchTopology(sample, 'alp').namespaces], ['4:1']);
    assert.deepEqual([...searchTopology(sample, '1').namespaces], ['4:1']);
    assert.equal(searchTopology(sample, '10.9').interfaces.size, 0);
    assert.equal(searchTopology(sample, '  ').namespaces.size, 0);
  });

  it('layout signature ignores states and counters', () => {
    const changed = structuredClone(sample);
    changed.namespaces[0].interfaces[0].state = 'down';
    changed.collectedAt = 2;
    assert.equal(layoutSignature(changed), layoutSignature(sample));
    changed.namespaces[0].interfaces.push(iface('4:1', 3, 'eth1'));
    assert.notEqual(layoutSignature(changed), layoutSignature(sample));
  });
});

describe('topology webview messages', () => {
  it('accepts well-formed messages', () => {
    assert.deepEqual(validateFromTopologyWebview({ type: 'namespaceAction', action: 'openShell', namespaceKey: '4:4026531840' }), { type: 'namespaceAction', action: 'openShell', namespaceKey: '4:4026531840' });
    assert.ok(validateFromTopologyWebview({ type: 'interfaceAction', action: 'capture', namespaceKey: '4:1', ifname: 'eth0' }));
    assert.ok(validateFromTopologyWebview({ type: 'globalAction', action: 'exportPng' }));
    assert.ok(validateFromTopologyWebview({ type: 'exported', requestId: 3, format: 'svg', data: '<svg/>' }));
    assert.ok(validateFromTopologyWebview({ type: 'rendered', namespaces: 1, interfaces: 2, wires: 0, ms: 12.5 }));
  });

  it('drops anything else', () => {
    for (const bad of [
      null,
      'ready',
      { type: 'namespaceAction', action: 'rm -rf', namespaceKey: '4:1' },
      { type: 'namespaceAction', action: 'openShell', namespaceKey: '../etc' },
      { type: 'namespaceAction', action: 'openShell', namespaceKey: '4:1', extra: 1 },
      { type: 'interfaceAction', action: 'linkUp', namespaceKey: '4:1', ifname: 'eth0; reboot' },
      { type: 'interfaceAction', action: 'linkUp', namespaceKey: '4:1', ifname: 'sixteen-chars-xx' },
      { type: 'globalAction', action: 'deleteEverything' },
      { type: 'exported', requestId: -1, format: 'svg', data: '' },
      { type: 'exported', requestId: 1, format: 'gif', data: '' },
      { type: 'rendered', namespaces: 1, interfaces: 2, wires: 0, ms: Infinity },
      { type: 'stopCapture', captureId: '../x' },
    ]) {
      assert.equal(validateFromTopologyWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  it('checks the saved view state', () => {
    assert.deepEqual(validateTopologyViewState({ view: { x: 1, y: 2, k: 0.5 }, selected: '4:1/2', search: '10.' }), { view: { x: 1, y: 2, k: 0.5 }, selected: '4:1/2', search: '10.' });
    assert.ok(validateTopologyViewState({ view: null, selected: null, search: '' }));
    assert.equal(validateTopologyViewState({ view: { x: 1, y: 2, k: 0 }, selected: null, search: '' }), undefined);
    assert.equal(validateTopologyViewState({ view: null, selected: 5, search: '' }), undefined);
    assert.equal(validateTopologyViewState(undefined), undefined);
  });
});

describe('where actions and reads go', () => {
  it('acts on the host, a name or a process', () => {
    assert.deepEqual(netTargetOf(node('4:1', 'x', [], { isHost: true, isOwn: true })), { kind: 'host' });
    // The helper's "host" is its caller's own namespace: a host namespace VS Code is not in (VS
    // Code in a container) is reached through its process, and our own namespace is "host".
    assert.deepEqual(netTargetOf(node('4:1', 'init', [], { isHost: true, netnsName: undefined, path: '/proc/1/ns/net', pids: [1] })), { kind: 'pid', pid: 1 });
    assert.deepEqual(netTargetOf(node('4:1', 'x', [], { isOwn: true, path: '/proc/self/ns/net' })), { kind: 'host' });
    assert.deepEqual(netTargetOf(node('4:1', 'x', [])), { kind: 'netns', name: 'x' });
    assert.deepEqual(netTargetOf(node('4:1', 'sleep (9)', [], { netnsName: undefined, pids: [9] })), { kind: 'pid', pid: 9 });
    assert.equal(netTargetOf(node('4:1', 'fd', [], { netnsName: undefined })), undefined);
    assert.deepEqual(netTargetOf(node('4:1', 'fd', [], { netnsName: undefined, path: '/proc/77/fd/3' })), { kind: 'fd', pid: 77, fd: 3 });
    assert.equal(netTargetOf(node('4:1', 'thread', [], { netnsName: undefined, path: '/proc/77/task/78/ns/net' })), undefined);
    // Read and acted on through the same process: the one the path names (the senior).
    assert.deepEqual(netTargetOf(node('4:1', 'p', [], { netnsName: undefined, path: '/proc/12/ns/net', pids: [30, 12] })), { kind: 'pid', pid: 12 });
  });

  it('names the file a target opens, and the target of a /proc path, one the inverse of the other', () => {
    for (const target of [{ kind: 'pid', pid: 12 }, { kind: 'fd', pid: 77, fd: 3 }] as const) assert.deepEqual(netTargetOfPath(netTargetPath(target)), target);
    assert.equal(netTargetPath({ kind: 'netns', name: 'blue' }), '/run/netns/blue');
    assert.equal(netTargetPath({ kind: 'host' }), '/proc/self/ns/net');
    assert.equal(netTargetOfPath('/proc/77/task/78/ns/net'), undefined);
    assert.equal(netTargetOfPath('/proc/0/ns/net'), undefined);
  });

  it('suggests veth names that fit and are free', () => {
    const other = node('4:2', 'a-very-long-namespace-name', []);
    assert.equal(defaultVethName(other, new Set()), 'v-a-very-lon');
    assert.equal(defaultVethName(other, new Set(['v-a-very-lon'])), 'v-a-very-lon-1');
    assert.ok(defaultVethName(other, new Set()).length <= 15);
  });

  it('reads a named namespace with ip -n, others through nsenter', () => {
    const named = newNamespace({ dev: 4, ino: 10 }, 'net');
    named.bindMounts = [{ path: '/run/netns/blue', mntns: 99 }];
    assert.deepEqual(ipArgv(netnsEntry(named, 1, 99)!, ['-j', 'link']), ['ip', '-n', 'blue', '-j', 'link']);
    const held = newNamespace({ dev: 4, ino: 11 }, 'net');
    held.pids = [42];
    held.senior = 42;
    assert.deepEqual(ipArgv(netnsEntry(held, 1, 99)!, ['-j', 'link']), ['nsenter', '--net=/proc/42/ns/net', '--', 'ip', '-j', 'link']);
    const own = newNamespace({ dev: 4, ino: 1 }, 'net');
    assert.deepEqual(ipArgv(netnsEntry(own, 1, 99)!, ['-j', 'link']), ['ip', '-j', 'link']);
    const elsewhere = newNamespace({ dev: 4, ino: 12 }, 'net');
    elsewhere.bindMounts = [{ path: '/run/netns/other', mntns: 7 }];
    assert.equal(netnsEntry(elsewhere, 1, 99), undefined, 'a bind mount in another mount namespace does not open here');
  });
});
