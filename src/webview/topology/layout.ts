// Where everything goes: namespace boxes are laid out by ELK's layered algorithm (one node per
// namespace, one edge per wire between namespaces); interfaces are rows inside their box. Input
// order is sorted and ELK keeps model order, so the same topology gives the same picture and a
// small change moves little.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { NetInterface, NetNamespaceNode, Topology } from '../../core/net/topology';

export const BOX_WIDTH = 230;
export const HEADER = 34;
export const ROW = 24;
export const ADDRESS_LINE = 14;
export const MAX_ADDRESSES = 3;
const PAD = 6;

export interface RowLayout {
  iface: NetInterface;
  /** Relative to the box. */
  y: number;
  height: number;
  /** Addresses drawn under the name (link-local IPv6 left out; all are in the details). */
  shownAddresses: string[];
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
  width: number;
  height: number;
}

const elk = new ELK();

export function shownAddresses(iface: NetInterface): string[] {
  return iface.addresses.filter((a) => !(a.family === 'inet6' && a.address.toLowerCase().startsWith('fe80:'))).map((a) => a.cidr);
}

function rowsOf(ns: NetNamespaceNode): RowLayout[] {
  let y = HEADER;
  return ns.interfaces.map((iface) => {
    const addresses = shownAddresses(iface);
    const lines = Math.min(addresses.length, MAX_ADDRESSES) + (addresses.length > MAX_ADDRESSES ? 1 : 0);
    const row: RowLayout = { iface, y, height: ROW + lines * ADDRESS_LINE, shownAddresses: addresses };
    y += row.height;
    return row;
  });
}

export async function layoutTopology(topology: Topology): Promise<PictureLayout> {
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
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.componentComponent': '40',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
      'elk.aspectRatio': '1.6',
    },
    children: topology.namespaces.map((ns) => ({ id: ns.key, width: BOX_WIDTH, height: heightOf(ns) })),
    edges: [...edges.values()],
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
  return { boxes, width: laid.width ?? 0, height: laid.height ?? 0 };
}
