// The topology picture's pure layout pieces: stable placement (known boxes never move, new ones
// land in free space), the bridge's ports as rows under it, names fitted to a box at a zoom
// scale, and arrow-key navigation between boxes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GAP, placeStably, type Placed } from '../../src/webview/topology/stablePlacement';
import { fitName, MIN_NAME_PX, NAME_PX, wrapName } from '../../src/webview/topology/levelOfDetail';
import { nearestInDirection } from '../../src/webview/topology/spatialNavigation';
import { layoutTopology, rowOrder } from '../../src/webview/topology/layout';
import type { NetInterface, NetNamespaceNode, Topology } from '../../src/core/net/topology';
import { validateTopologyViewState } from '../../src/core/net/topologyMessages';

function apart(boxes: Placed[]): void {
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b) continue;
      const clear = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      assert.ok(clear, `${a.key} and ${b.key} overlap: ${JSON.stringify([a, b])}`);
    }
  }
}

const size = (key: string, height = 100) => ({ key, width: 200, height });

describe('stable placement', () => {
  const previous = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 300, y: 0 }],
    ['c', { x: 0, y: 200 }],
  ]);

  it('keeps every known box where it was and places a new unwired one under the picture', () => {
    const placed = placeStably([size('a'), size('new'), size('b'), size('c')], previous, () => []);
    const at = new Map(placed.map((p) => [p.key, p]));
    for (const [key, was] of previous) assert.deepEqual({ x: at.get(key)!.x, y: at.get(key)!.y }, was, key);
    assert.equal(at.get('new')!.y, 300 + GAP, 'in a row under everything');
    apart(placed);
  });

  it('puts a new wired box to the right of the box it is wired to, in free space', () => {
    const placed = placeStably([size('a'), size('b'), size('c'), size('n1'), size('n2')], previous, (k) => (k.startsWith('n') ? ['c'] : []));
    const at = new Map(placed.map((p) => [p.key, p]));
    assert.ok(at.get('n1')!.x > 200 && at.get('n1')!.y >= 200, JSON.stringify(at.get('n1')));
    apart(placed);
    for (const [key, was] of previous) assert.deepEqual({ x: at.get(key)!.x, y: at.get(key)!.y }, was, key);
  });

  it('many new boxes fill rows as wide as the picture, none overlapping', () => {
    const fresh = Array.from({ length: 9 }, (_, i) => size(`n${i}`, 60 + (i % 3) * 30));
    const placed = placeStably([size('a'), size('b'), size('c'), ...fresh], previous, () => []);
    apart(placed);
    assert.ok(Math.max(...placed.map((p) => p.x + p.width)) <= 500, 'no wider than the picture was');
  });

  it('a removed box leaves the others in place; a grown box pushes only the box it would cover', () => {
    const placed = placeStably([size('a', 260), size('b'), size('c')], previous, () => []);
    const at = new Map(placed.map((p) => [p.key, p]));
    assert.deepEqual([at.get('a')!.x, at.get('a')!.y, at.get('b')!.x, at.get('b')!.y], [0, 0, 300, 0]);
    assert.equal(at.get('c')!.y, 260 + GAP);
    apart(placed);
  });

  it('is deterministic', () => {
    const boxes = [size('a'), size('x'), size('b'), size('y'), size('c')];
    assert.deepEqual(placeStably(boxes, previous, () => ['a']), placeStably(boxes, previous, () => ['a']));
  });
});

function iface(nsKey: string, ifindex: number, name: string, kind: NetInterface['kind'], master?: string): NetInterface {
  return { id: `${nsKey}/${ifindex}`, ifindex, name, kind, adminUp: true, operState: 'UP', state: 'up', mtu: 1500, mac: '', addresses: [], master };
}

function namespace(key: string, interfaces: NetInterface[]): NetNamespaceNode {
  return { key, inode: Number(key.split(':')[1]), label: `ns-${key}`, labelSource: 'netns', isHost: false, isOwn: false, pids: [], interfaces, routes: [], sockets: [] } as unknown as NetNamespaceNode;
}

describe('rows of a box', () => {
  it('puts a bridge\'s ports right under it, indented, the rest in their order', () => {
    const ns = namespace('4:1', [iface('4:1', 1, 'lo', 'loopback'), iface('4:1', 2, 'vb', 'veth', 'br0'), iface('4:1', 3, 'eth9', 'veth'), iface('4:1', 4, 'br0', 'bridge'), iface('4:1', 5, 'vc', 'veth', 'br0')]);
    assert.deepEqual(rowOrder(ns).map((r) => `${r.iface.name}:${r.depth}`), ['lo:0', 'eth9:0', 'br0:0', 'vb:1', 'vc:1']);
  });

  it('keeps every interface once, even with a master that is not a bridge here or a loop', () => {
    const ns = namespace('4:1', [iface('4:1', 1, 'a', 'bridge', 'b'), iface('4:1', 2, 'b', 'bridge', 'a'), iface('4:1', 3, 'x', 'veth', 'bond0')]);
    assert.deepEqual(rowOrder(ns).map((r) => r.iface.name).sort(), ['a', 'b', 'x']);
  });
});

describe('layoutTopology', () => {
  const topology = (keys: string[]): Topology => ({ namespaces: keys.map((k) => namespace(k, [iface(k, 1, 'lo', 'loopback')])), wires: [], danglingLinks: [], warnings: [], collectedAt: 0 });

  it('adding a namespace moves none of the boxes already laid out', async () => {
    const first = await layoutTopology(topology(['4:1', '4:2', '4:3']));
    const previous = new Map(first.boxes.map((b) => [b.ns.key, { x: b.x, y: b.y }]));
    const second = await layoutTopology(topology(['4:0', '4:1', '4:2', '4:3']), previous);
    for (const b of second.boxes.filter((b) => b.ns.key !== '4:0')) assert.deepEqual({ x: b.x, y: b.y }, previous.get(b.ns.key));
    assert.equal(second.boxes.length, 4);
  });

  it('lays out anew when more than half the boxes are new', async () => {
    const keys = ['4:1', '4:2', '4:3', '4:4', '4:5'];
    const fresh = await layoutTopology(topology(keys));
    const far = new Map([['4:1', { x: 5000, y: 5000 }]]);
    const again = await layoutTopology(topology(keys), far);
    assert.deepEqual(again.boxes.map((b) => [b.x, b.y]), fresh.boxes.map((b) => [b.x, b.y]));
  });
});

describe('names at a zoom scale', () => {
  it('wraps at a separator when it can', () => {
    assert.deepEqual(wrapName('nsi-topology-ui-ab12-n07', 13), ['nsi-topology-', 'ui-ab12-n07']);
    assert.deepEqual(wrapName('nsi-topology-ui-ab12-n07', 8), ['nsi-topo', 'logy-ui-', 'ab12-n07']);
    assert.deepEqual(wrapName('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
  });

  it('is NAME_PX on screen when it fits, never under MIN_NAME_PX', () => {
    const k = 0.4;
    const big = fitName('short', 230, 100, k);
    assert.equal(big.fontSize * k, NAME_PX);
    assert.deepEqual(big.lines, ['short']);
    const long = fitName('nsi-topology-ui-ab12-n07-with-a-very-long-name-indeed', 230, 64, k);
    assert.ok(long.fontSize * k >= MIN_NAME_PX - 1e-9);
    assert.ok(long.lines.at(-1)!.endsWith('…'));
  });
});

describe('arrow keys between boxes', () => {
  const r = (key: string, x: number, y: number) => ({ key, x, y, width: 100, height: 50 });
  const boxes = [r('o', 200, 200), r('right', 400, 210), r('farRight', 700, 200), r('up', 190, 0), r('left', 0, 260), r('down', 220, 400)];

  it('goes to the nearest box that way', () => {
    assert.equal(nearestInDirection(boxes[0], boxes, 'right'), 'right');
    assert.equal(nearestInDirection(boxes[0], boxes, 'left'), 'left');
    assert.equal(nearestInDirection(boxes[0], boxes, 'up'), 'up');
    assert.equal(nearestInDirection(boxes[0], boxes, 'down'), 'down');
    assert.equal(nearestInDirection(boxes[2], boxes, 'right'), undefined);
  });
});

describe('stable placement of a tightly packed picture', () => {
  it('leaves boxes closer than GAP but apart where they are', () => {
    const previous = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 0, y: 110 }],
    ]);
    const placed = placeStably([size('a'), size('b'), size('n')], previous, () => []);
    assert.deepEqual(placed.slice(0, 2).map((p) => [p.x, p.y]), [[0, 0], [0, 110]]);
    apart(placed);
  });
});

describe('the saved box positions', () => {
  const base = { view: null, selected: null, search: '' };

  it('come back from the saved state, and a state without them is still good', () => {
    assert.deepEqual(validateTopologyViewState({ ...base, positions: { '4:1': [10, -20.5] } }), { ...base, positions: { '4:1': [10, -20.5] } });
    assert.deepEqual(validateTopologyViewState(base), base);
  });

  it('anything else is refused', () => {
    for (const positions of [null, [], { '../x': [1, 2] }, { '4:1': [1] }, { '4:1': [1, Infinity] }, { '4:1': ['1', 2] }, { '4:1': [1e9, 2] }]) {
      assert.equal(validateTopologyViewState({ ...base, positions }), undefined, JSON.stringify(positions));
    }
  });
});
