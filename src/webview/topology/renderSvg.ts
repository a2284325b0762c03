// Draws a laid-out topology as SVG: namespace boxes (the host's set apart), interface rows with
// state by colour and a glyph, addresses, and the wires. A bridge's ports are the indented rows
// under it, joined to it by a bus of solid lines inside the box (away from the box edge, where
// wires from other boxes enter). Colours are attribute values from the palette, so the same
// element tree is the export. Boxes and rows are not tab stops here: main.ts keeps one (roving).
import { s } from '../shared/dom';
import type { NetInterface, Topology, Wire } from '../../core/net/topology';
import { ADDRESS_LINE, MAX_ADDRESSES, PORT_INDENT, ROW, type BoxLayout, type PictureLayout, type RowLayout } from './layout';
import type { Palette } from './palette';

const STATE_GLYPH: Record<NetInterface['state'], string> = { up: '▲', down: '▼', 'no-carrier': '⚠' };
const STATE_WORD: Record<NetInterface['state'], string> = { up: 'up', down: 'down', 'no-carrier': 'up, no carrier' };

export interface Anchor {
  box: BoxLayout;
  row: RowLayout;
  y: number;
}

/** Left edge of a row's rectangle in the box. */
const ROW_LEFT = 6;

export function stateColour(palette: Palette, state: NetInterface['state']): string {
  return state === 'up' ? palette.up : state === 'down' ? palette.down : palette.noCarrier;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function wireColour(palette: Palette, wire: Wire): string {
  return { veth: palette.veth, bridge: palette.bridge, parent: palette.parent, vxlan: palette.vxlan }[wire.kind];
}

const WIRE_DASH: Record<Wire['kind'], string | undefined> = { veth: undefined, bridge: '5 3', parent: '2 3', vxlan: '8 3 2 3' };

/** The <g> with the whole picture (boxes and wires), its size in layout units. */
export function renderPicture(topology: Topology, layout: PictureLayout, palette: Palette): SVGGElement {
  const anchors = new Map<string, Anchor>();
  for (const box of layout.boxes) for (const row of box.rows) anchors.set(row.iface.id, { box, row, y: box.y + row.y + ROW / 2 });
  const wires = s('g', { class: 'wires', fill: 'none' });
  const buses = s('g', { class: 'buses', fill: 'none' });
  const sameBoxCount = new Map<string, number>();
  for (const wire of topology.wires) {
    const [a, b] = [anchors.get(wire.from), anchors.get(wire.to)];
    if (!a || !b) continue;
    let d: string;
    const bus = wire.kind === 'bridge' && a.box === b.box && a.row.indent > b.row.indent && a.row.y > b.row.y;
    if (bus) {
      // The bus: down from under the bridge's row, then across into the port's row.
      const busX = a.box.x + ROW_LEFT + b.row.indent + PORT_INDENT / 2;
      d = `M ${busX} ${b.box.y + b.row.y + b.row.height - 3} V ${a.y} H ${a.box.x + ROW_LEFT + a.row.indent}`;
    } else if (a.box === b.box) {
      const n = sameBoxCount.get(a.box.ns.key) ?? 0;
      sameBoxCount.set(a.box.ns.key, n + 1);
      const x = a.box.x;
      const bulge = 14 + (n % 4) * 6;
      d = `M ${x} ${a.y} C ${x - bulge} ${a.y}, ${x - bulge} ${b.y}, ${x} ${b.y}`;
    } else {
      const [ac, bc] = [a.box.x + a.box.width / 2, b.box.x + b.box.width / 2];
      const x1 = bc >= ac ? a.box.x + a.box.width : a.box.x;
      const x2 = bc >= ac ? (bc === ac ? b.box.x + b.box.width : b.box.x) : b.box.x + b.box.width;
      const sign1 = x1 === a.box.x ? -1 : 1;
      const sign2 = x2 === b.box.x ? -1 : 1;
      const dx = Math.max(40, Math.abs(x2 - x1) / 2);
      d = `M ${x1} ${a.y} C ${x1 + sign1 * dx} ${a.y}, ${x2 + sign2 * dx} ${b.y}, ${x2} ${b.y}`;
    }
    (bus ? buses : wires).append(
      s('path', {
        class: 'wire',
        'data-kind': wire.kind,
        'data-wire-id': wire.id,
        d,
        stroke: wireColour(palette, wire),
        'stroke-width': wire.kind === 'veth' || wire.kind === 'bridge' ? 2 : 1.5,
        'stroke-dasharray': bus ? undefined : WIRE_DASH[wire.kind],
      }),
    );
  }
  const boxes = s('g', { class: 'boxes' });
  for (const box of layout.boxes) boxes.append(renderBox(box, palette));
  // Text attributes most texts share are set once here and inherited (SVG presentation attributes).
  // Wires between boxes run under the boxes; the buses inside a box on top of it.
  return s('g', { class: 'picture', 'font-family': palette.fontFamily, 'font-size': 10, fill: palette.muted }, wires, boxes, buses);
}

function renderBox(box: BoxLayout, palette: Palette): SVGGElement {
  const ns = box.ns;
  const what = ns.isHost ? 'host namespace' : ns.labelSource === 'netns' ? 'ip netns' : ns.labelSource;
  const sub = [`net:[${ns.inode}]`, ns.isHost ? 'host' : what, ns.isOwn ? 'VS Code is here' : ''].filter(Boolean).join(' · ');
  const g = s('g', {
    class: `ns${ns.isHost ? ' host' : ''}`,
    'data-ns-key': ns.key,
    transform: `translate(${box.x} ${box.y})`,
    tabindex: -1,
    role: 'button',
    'aria-label': `${ns.isHost ? 'Host network namespace' : `Network namespace ${ns.label}`}, ${ns.interfaces.length} interfaces`,
  });
  g.append(
    s('rect', {
      class: 'frame',
      width: box.width,
      height: box.height,
      rx: 4,
      fill: ns.isHost ? palette.hostFill : palette.boxFill,
      stroke: ns.isHost ? palette.hostStroke : palette.boxStroke,
      'stroke-width': ns.isHost ? 2.5 : 1,
    }),
    s('text', { class: 'ns-name', x: 10, y: 15, fill: palette.foreground, 'font-size': NAME_FONT, 'font-weight': 600 }, nameText(ns)),
    s('text', { class: 'ns-sub', x: 10, y: 28 }, clip(sub, 40)),
  );
  if (ns.error) {
    g.append(s('text', { class: 'ns-error', x: 10, y: 50, fill: palette.down }, `⚠ ${clip(ns.error, 38)}`));
  }
  for (const row of box.rows) g.append(renderRow(ns.key, row, box.width, palette));
  return g;
}

export const NAME_FONT = 13;

/** The name line of a box as the detailed picture shows it. */
export function nameText(ns: BoxLayout['ns']): string {
  return `${ns.isHost ? '⌂ ' : ''}${clip(ns.label, 28)}`;
}

function renderRow(nsKey: string, row: RowLayout, boxWidth: number, palette: Palette): SVGGElement {
  const { iface, y, height, shownAddresses: addresses } = row;
  const width = boxWidth - row.indent;
  const colour = stateColour(palette, iface.state);
  const g = s('g', {
    class: 'iface',
    'data-iface-id': iface.id,
    'data-ns-key': nsKey,
    'data-state': iface.state,
    transform: `translate(${ROW_LEFT + row.indent} ${y})`,
    tabindex: -1,
    role: 'button',
    'aria-label': `Interface ${iface.name}, ${iface.kind}, ${STATE_WORD[iface.state]}${addresses.length ? `, ${addresses.join(', ')}` : ''}`,
  });
  g.append(
    s('rect', { class: 'row', width: width - 12, height: height - 3, rx: 3, fill: palette.rowFill, stroke: palette.boxStroke, 'stroke-width': 1 }),
    s('rect', { width: 4, height: height - 3, rx: 1, fill: colour }),
    s('text', { x: 10, y: 15, fill: colour }, STATE_GLYPH[iface.state]),
    s('text', { x: 24, y: 15, fill: palette.foreground, 'font-size': 12, 'font-family': palette.monoFamily }, clip(iface.name, 16)),
    s('text', { x: width - 18, y: 15, 'text-anchor': 'end' }, iface.kind),
  );
  addresses.slice(0, MAX_ADDRESSES).forEach((address, i) => {
    g.append(s('text', { class: 'address', x: 24, y: 15 + (i + 1) * ADDRESS_LINE, 'font-size': 11, 'font-family': palette.monoFamily }, clip(address, 30)));
  });
  if (addresses.length > MAX_ADDRESSES) {
    g.append(s('text', { x: 24, y: 15 + (MAX_ADDRESSES + 1) * ADDRESS_LINE }, `+${addresses.length - MAX_ADDRESSES} more`));
  }
  return g;
}
