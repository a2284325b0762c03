// Where everything goes: namespace boxes are laid out by ELK (one node per namespace, one edge per
// pair of wired namespaces); interfaces are rows inside their box. Up to LAYERED_LIMIT the
// layered algorithm draws the wiring left to right; beyond it (it grows to seconds: 3.4 s for 200
// namespaces and 400 veth pairs in Chromium here) boxes are packed in rows (rectpacking, tenths
// of a second) in breadth-first order over the wires, so wired namespaces sit near each other.
// Input order is sorted and ELK keeps model order, so the same topology gives the same picture.
// Once a picture is shown, a change does not lay it out again: the boxes it has keep their
// places and only new ones are placed (stablePlacement.ts), so nothing jumps when a namespace
// comes or goes. Inside a box, a bridge's ports are the rows right under it, indented.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { NetInterface, NetNamespaceNode, Topology } from '../../core/net/topology';
import { placeStably } from './stablePlacement';

export const BOX_WIDTH = 230;
export const HEADER = 34;
export const ROW = 24;
export const ADDRESS_LINE = 14;
export const MAX_ADDRESSES = 3;
const PAD = 6;
/** How far a bridge's port row is indented under its bridge (the bus runs in this gap). */
export const PORT_INDENT = 16;

export interface RowLayout {
  iface: NetInterface;
  /** Relative to the box. */
  y: number;
  height: number;
  /** Addresses drawn under the name (link-local IPv6 left out; all are in the details). */
  shownAddresses: string[];
  /** Left offset in the box: 0, or PORT_INDENT per bridge level for a bridge's ports. */
  indent: number;
}

export interface BoxLayout {
  ns: NetNamespaceNode;
  x: number;
  y: number;
  width: number;
  height: number;
  rows: RowLayout[];
}

export interface PictureLayout {
  boxes: BoxLayout[];
  /** The bounds of the boxes (after removals the top left need not be 0 0). */
  x: number;
  y: number;
  width: number;
  height: number;
}

const elk = new ELK();

/** Above this many namespaces or namespace-to-namespace edges, pack instead of layering. */
export const LAYERED_LIMIT = { namespaces: 30, edges: 50 };

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '40',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
  'elk.aspectRatio': '1.6',
};

const PACKED = {
  'elk.algorithm': 'rectpacking',
  'elk.aspectRatio': '1.6',
  'elk.spacing.nodeNode': '60',
  'elk.padding': '[top=20,left=40,bottom=20,right=40]',
};

/** Keys in breadth-first order over the edges, starting from the first node of each component. */
function wiredOrder(keys: string[], edges: Array<{ sources: string[]; targets: string[] }>): string[] {
  const next = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const e of edges) {
    next.get(e.sources[0])?.push(e.targets[0]);
    next.get(e.targets[0])?.push(e.sources[0]);
  }
  const seen = new Set<string>();
  const order: string[] = [];
  for (const start of keys) {
    if (seen.has(start)) continue;
    seen.add(start);
    for (let i = order.push(start) - 1; i < order.length; i++) {
      for (const k of next.get(order[i]) ?? []) {
        if (!seen.has(k)) {
          seen.add(k);
          order.push(k);
        }
      }
    }
  }
  return order;
}

export function shownAddresses(iface: NetInterface): string[] {
  return iface.addresses.filter((a) => !(a.family === 'inet6' && a.address.toLowerCase().startsWith('fe80:'))).map((a) => a.cidr);
}

/** The interfaces in row order with their depth: each bridge followed by its ports, the rest as they come. */
export function rowOrder(ns: NetNamespaceNode): Array<{ iface: NetInterface; depth: number }> {
  const bridges = new Set(ns.interfaces.filter((i) => i.kind === 'bridge').map((i) => i.name));
  const isPort = (i: NetInterface) => i.master !== undefined && i.master !== i.name && bridges.has(i.master);
  const out: Array<{ iface: NetInterface; depth: number }> = [];
  const done = new Set<string>();
  const visit = (iface: NetInterface, depth: number) => {
    if (done.has(iface.id)) return;
    done.add(iface.id);
    out.push({ iface, depth });
    if (iface.kind === 'bridge') for (const port of ns.interfaces.filter((i) => isPort(i) && i.master === iface.name)) visit(port, Math.min(depth + 1, 3));
  };
  for (const iface of ns.interfaces) if (!isPort(iface)) visit(iface, 0);
  // Ports of a bridge that is a port of itself (a cycle the kernel refuses, but input is input).
  for (const iface of ns.interfaces) visit(iface, 0);
  return out;
}

function rowsOf(ns: NetNamespaceNode): RowLayout[] {
  let y = HEADER;
  return rowOrder(ns).map(({ iface, depth }) => {
    const addresses = shownAddresses(iface);
    const lines = Math.min(addresses.length, MAX_ADDRESSES) + (addresses.length > MAX_ADDRESSES ? 1 : 0);
    const row: RowLayout = { iface, y, height: ROW + lines * ADDRESS_LINE, shownAddresses: addresses, indent: depth * PORT_INDENT };
    y += row.height;
    return row;
  });
}

/**
 * Lays the topology out. With `previous` (key → position of the boxes already shown), known boxes
 * keep their positions and new ones are placed around them; without, or when more than half the
 * boxes are new, ELK lays out everything.
 */
export async function layoutTopology(topology: Topology, previous?: ReadonlyMap<string, { x: number; y: number }>): Promise<PictureLayout> {
  const owner = new Map<string, string>();
  for (const ns of topology.namespaces) for (const iface of ns.interfaces) owner.set(iface.id, ns.key);
  const rows = new Map(topology.namespaces.map((ns) => [ns.key, rowsOf(ns)]));
  const heightOf = (ns: NetNamespaceNode) => {
    const r = rows.get(ns.key)!;
    return (r.length ? r[r.length - 1].y + r[r.length - 1].height : HEADER + ROW) + PAD;
  };
  const edges = new Map<string, { id: string; sources: string[]; targets: string[] }>();
  for (const wire of topology.wires) {
    const [a, b] = [owner.get(wire.from), owner.get(wire.to)];
    if (!a || !b || a === b) continue;
    const id = `${a}>${b}`;
    if (!edges.has(id)) edges.set(id, { id, sources: [a], targets: [b] });
  }
  const byKeyIn = new Map(topology.namespaces.map((ns) => [ns.key, ns]));
  // Mostly new (a first read that saw little, a privileged view switched on): ELK lays it all out.
  const known = previous ? topology.namespaces.filter((ns) => previous.has(ns.key)).length : 0;
  if (previous && known > 0 && known * 2 >= topology.namespaces.length) {
    const neighbours = new Map<string, string[]>();
    for (const e of edges.values()) {
      neighbours.set(e.sources[0], [...(neighbours.get(e.sources[0]) ?? []), e.targets[0]]);
      neighbours.set(e.targets[0], [...(neighbours.get(e.targets[0]) ?? []), e.sources[0]]);
    }
    const placed = placeStably(
      topology.namespaces.map((ns) => ({ key: ns.key, width: BOX_WIDTH, height: heightOf(ns) })),
      previous,
      (key) => neighbours.get(key) ?? [],
    );
    return withBounds(placed.map((p) => ({ ns: byKeyIn.get(p.key)!, x: p.x, y: p.y, width: p.width, height: p.height, rows: rows.get(p.key)! })));
  }
  const layered = topology.namespaces.length <= LAYERED_LIMIT.namespaces && edges.size <= LAYERED_LIMIT.edges;
  const order = layered ? topology.namespaces.map((ns) => ns.key) : wiredOrder(topology.namespaces.map((ns) => ns.key), [...edges.values()]);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: layered ? LAYERED : PACKED,
    children: order.map((key) => ({ id: key, width: BOX_WIDTH, height: heightOf(byKeyIn.get(key)!) })),
    edges: layered ? [...edges.values()] : [],
  };
  const laid = await elk.layout(graph);
  const byKey = new Map(topology.namespaces.map((ns) => [ns.key, ns]));
  const boxes: BoxLayout[] = (laid.children ?? []).map((child) => ({
    ns: byKey.get(child.id)!,
    x: child.x ?? 0,
    y: child.y ?? 0,
    width: child.width ?? BOX_WIDTH,
    height: child.height ?? 0,
    rows: rows.get(child.id)!,
  }));
  return withBounds(boxes);
}

function withBounds(boxes: BoxLayout[]): PictureLayout {
  if (!boxes.length) return { boxes, x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - x;
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - y;
  return { boxes, x, y, width, height };
}
