// The network topology webview: draws the model the extension posts, with pan, zoom, fit,
// search, details and actions; keeps its view (pan, zoom, selection, search) across refreshes
// and reloads, and the boxes where they are when namespaces come or go. Zoomed out, boxes show
// names only (levelOfDetail.ts). The picture is one tab stop; arrow keys move between boxes and
// rows inside it (roving tabindex).
import { codicon, h, s, setText } from '../shared/dom';
import { connect } from '../shared/vscodeApi';
import { layoutSignature, searchTopology } from '../../core/net/searchTopology';
import { MAX_SAVED_POSITIONS, type CaptureInfo, type FromTopologyWebview, type ToTopologyWebview, type TopologyViewState } from '../../core/net/topologyMessages';
import type { Topology } from '../../core/net/topology';
import { layoutTopology, type PictureLayout } from './layout';
import { readPalette } from './palette';
import { NAME_FONT, nameText, renderPicture } from './renderSvg';
import { DETAIL_SCALE, fitName } from './levelOfDetail';
import { nearestInDirection, type Direction } from './spatialNavigation';
import { paintSvgToCanvas } from './paintCanvas';
import { PanZoom } from './panZoom';
import { interfaceDetails, namespaceDetails } from './details';

let topology: Topology | undefined;
let layout: PictureLayout | undefined;
let signature = '';
let picture: SVGGElement | undefined;
let captures: CaptureInfo[] = [];
let hitOrder: string[] = [];
let hitIndex = -1;
let messageArrived = 0;
/** The view is as Fit left it (no pan or zoom since): a resize fits again. */
let fitted = false;
/** The box or row (by key or id) that holds the picture's one tab stop. */
let tabStop: string | null = null;

const channel = connect<ToTopologyWebview, FromTopologyWebview, TopologyViewState>(onMessage);
const saved = channel.savedState;
const state: TopologyViewState = {
  positions: saved?.positions && typeof saved.positions === 'object' ? saved.positions : undefined,
  view: saved?.view ?? null,
  selected: typeof saved?.selected === 'string' ? saved.selected : null,
  search: typeof saved?.search === 'string' ? saved.search : '',
};
const post = (message: FromTopologyWebview) => channel.post(message);

// --- the page ---
const toolButton = (icon: string, title: string, onClick: () => void, id: string) => {
  const b = h('button', { type: 'button', class: 'icon', title, 'aria-label': title, 'data-tool': id }, codicon(icon));
  b.addEventListener('click', onClick);
  return b;
};
const search = h('input', { type: 'search', id: 'search', placeholder: 'Search name or address', 'aria-label': 'Search by name or address', value: state.search });
const searchStatus = h('span', { id: 'search-status', class: 'muted', 'aria-live': 'polite' });
const status = h('span', { id: 'status', class: 'muted', 'aria-live': 'polite' });
// Said when the namespaces were read as root through the privileged helper (Show All Namespaces).
const viaHelper = h(
  'span',
  { id: 'via-helper', class: 'badge', hidden: true, title: 'Read as root through the privileged helper, because the Namespaces view shows all namespaces' },
  codicon('shield'),
  h('span', {}, 'through the helper'),
);
// Focusable from a click (its keys pan and zoom) but not a tab stop of its own: Tab lands on one box.
const svg = s('svg', {
  id: 'picture',
  tabindex: -1,
  role: 'application',
  'aria-label': 'Network topology: arrow keys move between namespaces and their interfaces, Enter shows details, Shift+arrow keys pan, + and - zoom, 0 fits, Escape closes the details',
});
const viewport = s('g', { id: 'viewport' });
svg.append(viewport);
const aside = h('aside', { id: 'details', 'aria-live': 'polite', hidden: true });
const panZoom = new PanZoom(svg, () => viewport, (view) => {
  state.view = { ...view };
  fitted = false;
  saveState();
  applyLevelOfDetail();
});
const toolbar = h(
  'header',
  { id: 'toolbar', role: 'toolbar', 'aria-label': 'Topology' },
  toolButton('refresh', 'Refresh', () => post({ type: 'globalAction', action: 'refresh' }), 'refresh'),
  toolButton('screen-full', 'Fit to Window (0)', () => fit(), 'fit'),
  toolButton('zoom-in', 'Zoom In (+)', () => panZoom.zoomCentre(1.25), 'zoomIn'),
  toolButton('zoom-out', 'Zoom Out (-)', () => panZoom.zoomCentre(0.8), 'zoomOut'),
  toolButton('layout', 'Arrange Again (lay out every box anew)', () => void arrangeAgain(), 'arrange'),
  h('span', { class: 'separator' }),
  toolButton('add', 'Create Network Namespace…', () => post({ type: 'globalAction', action: 'createNamespace' }), 'createNamespace'),
  toolButton('plug', 'Connect with veth Pair…', () => post({ type: 'globalAction', action: 'connect' }), 'connect'),
  h('span', { class: 'separator' }),
  toolButton('file-media', 'Export as SVG…', () => post({ type: 'globalAction', action: 'exportSvg' }), 'exportSvg'),
  toolButton('device-camera', 'Export as PNG…', () => post({ type: 'globalAction', action: 'exportPng' }), 'exportPng'),
  h('span', { class: 'separator' }),
  search,
  searchStatus,
  h('span', { class: 'spacer' }),
  viaHelper,
  status,
);
const root = document.getElementById('root') ?? document.body;
root.replaceChildren(toolbar, h('div', { id: 'stage' }, svg, aside));
root.setAttribute('aria-busy', 'false');

function saveState(): void {
  channel.saveState({ view: state.view, selected: state.selected, search: state.search, ...(state.positions ? { positions: state.positions } : {}) });
}

function fit(): void {
  if (!layout) return;
  panZoom.fit(layout.x, layout.y, layout.width, layout.height);
  fitted = true;
}

// The details pane opening or closing, or the panel resized: a fitted picture fits again.
new ResizeObserver(() => {
  if (fitted) fit();
}).observe(svg);

async function arrangeAgain(): Promise<void> {
  if (!topology) return;
  layout = await layoutTopology(topology);
  rememberPositions();
  draw();
  fit();
}

function rememberPositions(): void {
  if (!layout) return;
  state.positions = layout.boxes.length <= MAX_SAVED_POSITIONS ? Object.fromEntries(layout.boxes.map((b) => [b.ns.key, [b.x, b.y] as [number, number]])) : undefined;
  saveState();
}

// --- drawing ---
async function show(next: Topology): Promise<void> {
  const started = performance.now();
  const nextSignature = layoutSignature(next);
  if (!layout || nextSignature !== signature) {
    // Boxes already shown stay where they are; only new ones are placed.
    // A rebuilt page (reload, tab shown again) starts from the positions it saved.
    const previous = layout
      ? new Map(layout.boxes.map((b) => [b.ns.key, { x: b.x, y: b.y }]))
      : state.positions && new Map(Object.entries(state.positions).map(([key, [x, y]]) => [key, { x, y }]));
    layout = await layoutTopology(next, previous);
    signature = nextSignature;
    rememberPositions();
  } else {
    // Same namespaces, interfaces and wires: keep every position, take the new states.
    const byKey = new Map(next.namespaces.map((ns) => [ns.key, ns]));
    for (const box of layout.boxes) {
      const ns = byKey.get(box.ns.key)!;
      const byId = new Map(ns.interfaces.map((i) => [i.id, i]));
      box.ns = ns;
      for (const row of box.rows) row.iface = byId.get(row.iface.id) ?? row.iface;
    }
  }
  const first = picture === undefined;
  topology = next;
  draw();
  if (first && !state.view) fit();
  else if (state.view && !fitted) panZoom.set(state.view);
  const interfaces = next.namespaces.reduce((n, ns) => n + ns.interfaces.length, 0);
  status.textContent = `${next.namespaces.length} namespaces · ${interfaces} interfaces · ${next.wires.length} wires`;
  viaHelper.hidden = next.readThroughHelper !== true;
  // Rendered means painted: after the next frame, not when the elements exist.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  post({ type: 'rendered', namespaces: next.namespaces.length, interfaces, wires: next.wires.length, ms: performance.now() - (messageArrived || started) });
}

function draw(): void {
  if (!topology || !layout) return;
  // A redraw replaces the elements: keep keyboard focus on the same box or row.
  const focused = document.activeElement?.closest?.('.iface, .ns');
  const focusSelector = focused?.classList.contains('iface')
    ? `.iface[data-iface-id="${CSS.escape(focused.getAttribute('data-iface-id') ?? '')}"]`
    : focused
      ? `.ns[data-ns-key="${CSS.escape(focused.getAttribute('data-ns-key') ?? '')}"]`
      : undefined;
  searchShown = false;
  picture = renderPicture(topology, layout, readPalette());
  viewport.replaceChildren(picture);
  if (focusSelector) picture.querySelector<SVGGElement>(focusSelector)?.focus({ preventScroll: true });
  viewport.setAttribute('transform', `translate(${panZoom.view.x} ${panZoom.view.y}) scale(${panZoom.view.k})`);
  lodApplied = undefined;
  applyLevelOfDetail();
  applySearch(false);
  applySelection();
  placeTabStop();
}

// --- level of detail ---
let lodApplied: number | undefined;

/** Names only below DETAIL_SCALE (rows hidden, names sized for the screen); everything above. */
function applyLevelOfDetail(): void {
  if (!picture || !layout) return;
  const k = panZoom.view.k;
  const namesOnly = k < DETAIL_SCALE;
  if (lodApplied !== undefined && (lodApplied < DETAIL_SCALE) === namesOnly && (!namesOnly || lodApplied === k)) return;
  lodApplied = k;
  svg.classList.toggle('names-only', namesOnly);
  const byKey = new Map(layout.boxes.map((b) => [b.ns.key, b]));
  for (const g of Array.from(picture.querySelectorAll<SVGGElement>('.ns'))) {
    const box = byKey.get(g.getAttribute('data-ns-key') ?? '');
    const text = g.querySelector(':scope > .ns-name');
    if (!box || !text) continue;
    if (!namesOnly) {
      setAttributes(text, { x: 10, y: 15, 'font-size': NAME_FONT, 'text-anchor': 'start' });
      text.replaceChildren(nameText(box.ns));
      continue;
    }
    const name = fitName(`${box.ns.isHost ? '⌂ ' : ''}${box.ns.label}`, box.width, box.height, k);
    const top = (box.height - name.lines.length * name.lineHeight) / 2 + name.fontSize * 0.95;
    setAttributes(text, { x: box.width / 2, y: top, 'font-size': name.fontSize, 'text-anchor': 'middle' });
    text.replaceChildren(...name.lines.map((line, i) => s('tspan', { x: box.width / 2, dy: i ? name.lineHeight : 0 }, line)));
  }
  // A hidden row cannot hold the tab stop or the focus: its box takes them.
  if (namesOnly) {
    const active = document.activeElement?.closest?.('.iface');
    if (active) picture.querySelector<SVGGElement>(`.ns[data-ns-key="${CSS.escape(active.getAttribute('data-ns-key') ?? '')}"]`)?.focus({ preventScroll: true });
    placeTabStop();
  }
}

function setAttributes(el: Element, attrs: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
}

// --- keyboard: one tab stop, arrow keys inside ---
function idOf(el: Element): string | null {
  return el.classList.contains('iface') ? el.getAttribute('data-iface-id') : el.getAttribute('data-ns-key');
}

function elementOf(id: string | null): SVGGElement | null {
  if (!picture || id === null) return null;
  return picture.querySelector<SVGGElement>(`.iface[data-iface-id="${CSS.escape(id)}"], .ns[data-ns-key="${CSS.escape(id)}"]`);
}

/** Gives the tab stop to `id` if it is shown, else to its box, the selection, or the first box. */
function placeTabStop(id: string | null = tabStop): void {
  if (!picture) return;
  const namesOnly = svg.classList.contains('names-only');
  const shown = (el: SVGGElement | null) => (el && namesOnly && el.classList.contains('iface') ? elementOf(el.getAttribute('data-ns-key')) : el);
  const el = shown(elementOf(id)) ?? shown(elementOf(state.selected)) ?? picture.querySelector<SVGGElement>('.ns');
  for (const other of Array.from(picture.querySelectorAll('[tabindex="0"]'))) if (other !== el) other.setAttribute('tabindex', '-1');
  if (!el) return;
  el.setAttribute('tabindex', '0');
  tabStop = idOf(el);
}

svg.addEventListener('focusin', (e) => {
  const el = (e.target as Element).closest?.('.iface, .ns');
  if (el) placeTabStop(idOf(el));
});

/** Where an arrow key goes from a box or row: along the rows of a box, else to the nearest box that way. */
function arrowTarget(from: Element, key: string): SVGGElement | null {
  if (!layout || !picture) return null;
  const nsKey = from.getAttribute('data-ns-key') ?? '';
  const box = layout.boxes.find((b) => b.ns.key === nsKey);
  if (!box) return null;
  const rows = svg.classList.contains('names-only') ? [] : box.rows.map((r) => r.iface.id);
  const at = from.classList.contains('iface') ? rows.indexOf(idOf(from) ?? '') : -1;
  if (key === 'ArrowDown' && at + 1 < rows.length) return elementOf(rows[at + 1]);
  if (key === 'ArrowUp' && at >= 0) return elementOf(at === 0 ? nsKey : rows[at - 1]);
  if (key === 'Home' || key === 'End') {
    const boxes = Array.from(picture.querySelectorAll<SVGGElement>('.ns'));
    return boxes[key === 'Home' ? 0 : boxes.length - 1] ?? null;
  }
  const direction = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as Record<string, Direction>)[key];
  if (!direction) return null;
  const next = nearestInDirection({ key: nsKey, x: box.x, y: box.y, width: box.width, height: box.height }, layout.boxes.map((b) => ({ key: b.ns.key, x: b.x, y: b.y, width: b.width, height: b.height })), direction);
  return elementOf(next ?? null);
}

/** Pans as little as needed to bring a box or row fully into view. */
function bringIntoView(el: SVGGElement): void {
  const area = svg.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const margin = 16;
  let dx = 0;
  let dy = 0;
  if (r.left < area.left + margin) dx = area.left + margin - r.left;
  else if (r.right > area.right - margin) dx = Math.max(area.right - margin - r.right, area.left + margin - r.left);
  if (r.top < area.top + margin) dy = area.top + margin - r.top;
  else if (r.bottom > area.bottom - margin) dy = Math.max(area.bottom - margin - r.bottom, area.top + margin - r.top);
  if (dx || dy) panZoom.pan(dx, dy);
}

/** Selects a namespace or interface and shows it: zoomed in far enough for its rows, in view, focused. */
function reveal(id: string): void {
  select(id);
  if (panZoom.view.k < DETAIL_SCALE) {
    panZoom.set({ ...panZoom.view, k: DETAIL_SCALE });
    const at = pointOf(id);
    if (at) panZoom.centreOn(at.x, at.y);
  }
  const el = elementOf(id);
  if (!el) return;
  bringIntoView(el);
  placeTabStop(id);
  el.focus({ preventScroll: true });
}

// The theme changed: same layout, new colours.
new MutationObserver(() => draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// --- selection and details ---
function select(id: string | null): void {
  state.selected = id;
  saveState();
  applySelection();
  // The pane may just have opened and narrowed the picture: keep the selection in sight (a
  // fitted picture fits again instead, see the ResizeObserver).
  const el = elementOf(id);
  if (el && !fitted && el.getBoundingClientRect().width > 0) bringIntoView(el);
}

function applySelection(): void {
  if (!topology || !picture) return;
  const palette = readPalette();
  for (const el of Array.from(picture.querySelectorAll('.selected'))) {
    el.classList.remove('selected');
    const frame = el.querySelector(':scope > rect');
    frame?.setAttribute('stroke', frame.getAttribute('data-stroke') ?? palette.boxStroke);
    frame?.setAttribute('stroke-width', frame.getAttribute('data-stroke-width') ?? '1');
  }
  const id = state.selected;
  const ns = topology.namespaces.find((n) => n.key === id || n.interfaces.some((i) => i.id === id));
  const iface = ns?.interfaces.find((i) => i.id === id);
  // No selection, no pane: the picture gets the whole width.
  aside.hidden = !ns;
  if (!ns) {
    aside.replaceChildren();
    return;
  }
  const el = iface ? picture.querySelector(`.iface[data-iface-id="${CSS.escape(iface.id)}"]`) : picture.querySelector(`.ns[data-ns-key="${CSS.escape(ns.key)}"]`);
  if (el) {
    el.classList.add('selected');
    const frame = el.querySelector(':scope > rect');
    if (frame && !frame.hasAttribute('data-stroke')) {
      frame.setAttribute('data-stroke', frame.getAttribute('stroke') ?? '');
      frame.setAttribute('data-stroke-width', frame.getAttribute('stroke-width') ?? '1');
    }
    frame?.setAttribute('stroke', palette.selection);
    frame?.setAttribute('stroke-width', '2.5');
  }
  aside.replaceChildren(iface ? interfaceDetails(topology, ns, iface, captures, post, reveal) : namespaceDetails(topology, ns, post, reveal));
}

svg.addEventListener('click', (e) => {
  const target = e.target as Element;
  const iface = target.closest('.iface');
  const ns = target.closest('.ns');
  if (iface) select(iface.getAttribute('data-iface-id'));
  else if (ns) select(ns.getAttribute('data-ns-key'));
});

svg.addEventListener('keydown', (e) => {
  const target = e.target as Element;
  if ((e.key === 'Enter' || e.key === ' ') && target.closest('.iface, .ns')) {
    e.preventDefault();
    const iface = target.closest('.iface');
    select(iface ? iface.getAttribute('data-iface-id') : target.closest('.ns')!.getAttribute('data-ns-key'));
    return;
  }
  const item = target.closest('.iface, .ns');
  if (item && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
    const next = arrowTarget(item, e.key);
    if (next || /^Arrow|^Home$|^End$/.test(e.key)) e.preventDefault();
    if (next) {
      next.focus({ preventScroll: true });
      bringIntoView(next);
    }
    if (next || /^Arrow/.test(e.key)) return;
  }
  const step = 60;
  const keys: Record<string, () => void> = {
    '+': () => panZoom.zoomCentre(1.25),
    '=': () => panZoom.zoomCentre(1.25),
    '-': () => panZoom.zoomCentre(0.8),
    '0': () => fit(),
    ArrowLeft: () => panZoom.pan(step, 0),
    ArrowRight: () => panZoom.pan(-step, 0),
    ArrowUp: () => panZoom.pan(0, step),
    ArrowDown: () => panZoom.pan(0, -step),
    Escape: () => select(null),
  };
  const run = keys[e.key];
  if (run) {
    e.preventDefault();
    run();
  }
});

// --- search ---
let searchShown = false;

function applySearch(move: boolean): void {
  if (!topology || !picture) return;
  const hits = searchTopology(topology, state.search);
  const any = state.search.trim() !== '';
  // A fresh picture has no marks to clear: nothing to do without a search.
  if (!any && !searchShown) {
    searchStatus.textContent = '';
    return;
  }
  searchShown = any;
  const palette = readPalette();
  hitOrder = [];
  for (const el of Array.from(picture.querySelectorAll<SVGGElement>('.ns, .iface'))) {
    const isIface = el.classList.contains('iface');
    const id = isIface ? el.getAttribute('data-iface-id')! : el.getAttribute('data-ns-key')!;
    const hit = isIface ? hits.interfaces.has(id) : hits.namespaces.has(id);
    el.classList.toggle('match', hit);
    if (hit) hitOrder.push(id);
    const frame = el.querySelector(':scope > rect');
    if (isIface && frame) {
      frame.setAttribute('stroke', hit ? palette.match : palette.boxStroke);
      frame.setAttribute('stroke-width', hit ? '2' : '1');
    }
    if (isIface) el.setAttribute('opacity', any && !hit && !hits.namespaces.has(el.getAttribute('data-ns-key')!) ? '0.35' : '1');
  }
  searchStatus.textContent = any ? (hitOrder.length ? `${hitOrder.length} found` : 'no match') : '';
  if (move && hitOrder.length) {
    hitIndex = (hitIndex + 1) % hitOrder.length;
    const id = hitOrder[hitIndex];
    // Selected first (the pane takes its width), then found means readable: zoomed in far
    // enough for the rows, in the middle of what is left.
    select(id);
    if (panZoom.view.k < DETAIL_SCALE) panZoom.set({ ...panZoom.view, k: DETAIL_SCALE });
    const at = pointOf(id);
    if (at) panZoom.centreOn(at.x, at.y);
  }
}

/** Where a namespace's box or an interface's row is in the picture (layout units). */
function pointOf(id: string): { x: number; y: number } | undefined {
  for (const box of layout?.boxes ?? []) {
    if (box.ns.key === id) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const row = box.rows.find((r) => r.iface.id === id);
    if (row) return { x: box.x + box.width / 2, y: box.y + row.y };
  }
  return undefined;
}

search.addEventListener('input', () => {
  state.search = search.value;
  hitIndex = -1;
  saveState();
  applySearch(false);
});
search.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') applySearch(true);
  if (e.key === 'Escape') {
    search.value = '';
    state.search = '';
    saveState();
    applySearch(false);
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement !== search) {
    e.preventDefault();
    search.focus();
  }
});

// --- export ---
function standaloneSvg(): { text: string; width: number; height: number; clone: SVGGElement } {
  const margin = 20;
  const palette = readPalette();
  const clone = picture!.cloneNode(true) as SVGGElement;
  // The export is the full picture: names in their detailed form, whatever the zoom.
  if (svg.classList.contains('names-only')) {
    for (const text of Array.from(clone.querySelectorAll('.ns-name'))) {
      const box = layout!.boxes.find((b) => b.ns.key === text.parentElement?.getAttribute('data-ns-key'));
      if (!box) continue;
      setAttributes(text, { x: 10, y: 15, 'font-size': NAME_FONT, 'text-anchor': 'start' });
      text.replaceChildren(nameText(box.ns));
    }
  }
  unmark(clone, palette);
  clone.setAttribute('transform', `translate(${margin + 40 - layout!.x} ${margin - layout!.y})`);
  const width = layout!.width + 2 * margin + 40;
  const height = layout!.height + 2 * margin;
  const out = s('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}` }, s('rect', { width, height, fill: palette.background }), clone);
  return { text: new XMLSerializer().serializeToString(out), width, height, clone };
}

/** The picture as drawn, without what only this page means: the selection and search marks. */
function unmark(clone: SVGGElement, palette: ReturnType<typeof readPalette>): void {
  for (const el of Array.from(clone.querySelectorAll('.selected, .match'))) {
    const frame = el.querySelector(':scope > rect');
    const stroke = el.classList.contains('match') && el.classList.contains('iface') ? palette.boxStroke : frame?.getAttribute('data-stroke');
    if (frame && stroke) frame.setAttribute('stroke', stroke);
    else frame?.removeAttribute('stroke');
    frame?.setAttribute('stroke-width', (!el.classList.contains('match') && frame?.getAttribute('data-stroke-width')) || '1');
    el.classList.remove('selected', 'match');
  }
  for (const el of Array.from(clone.querySelectorAll('[data-stroke], [data-stroke-width], .iface[opacity]'))) {
    el.removeAttribute('data-stroke');
    el.removeAttribute('data-stroke-width');
    if (el.classList.contains('iface')) el.removeAttribute('opacity');
  }
}

function exportPicture(requestId: number, format: 'svg' | 'png'): void {
  if (!picture || !layout) return;
  const { text, width, height, clone } = standaloneSvg();
  if (format === 'svg') {
    post({ type: 'exported', requestId, format, data: text });
    return;
  }
  const canvas = paintSvgToCanvas(clone, width, height, readPalette().background);
  post({ type: 'exported', requestId, format, data: canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') });
}

// --- messages ---
function onMessage(message: ToTopologyWebview): void {
  switch (message.type) {
    case 'topology':
      messageArrived = performance.now();
      void show(message.topology).catch((error: unknown) => setText(status, `Drawing failed: ${String(error)}`));
      break;
    case 'error':
      setText(status, message.message);
      break;
    case 'captures':
      captures = message.captures;
      applySelection();
      break;
    case 'exportRequest':
      exportPicture(message.requestId, message.format);
      break;
    case 'focus':
      select(message.namespaceKey);
      {
        const at = pointOf(message.namespaceKey);
        if (at) panZoom.centreOn(at.x, at.y);
      }
      placeTabStop(message.namespaceKey);
      break;
  }
}
