// The network topology webview: draws the model the extension posts, with pan, zoom, fit,
// search, details and actions; keeps its view (pan, zoom, selection, search) across refreshes
// and reloads.
import { codicon, h, s, setText } from '../shared/dom';
import { connect } from '../shared/vscodeApi';
import { layoutSignature, searchTopology } from '../../core/net/searchTopology';
import type { CaptureInfo, FromTopologyWebview, ToTopologyWebview, TopologyViewState } from '../../core/net/topologyMessages';
import type { Topology } from '../../core/net/topology';
import { layoutTopology, type PictureLayout } from './layout';
import { readPalette } from './palette';
import { renderPicture } from './renderSvg';
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

const channel = connect<ToTopologyWebview, FromTopologyWebview, TopologyViewState>(onMessage);
const saved = channel.savedState;
const state: TopologyViewState = {
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
const svg = s('svg', { id: 'picture', tabindex: 0, role: 'application', 'aria-label': 'Network topology: click or press Enter on a namespace or interface for its details; arrow keys pan, + and - zoom, 0 fits, Tab moves between namespaces and interfaces' });
const viewport = s('g', { id: 'viewport' });
svg.append(viewport);
const aside = h('aside', { id: 'details', 'aria-live': 'polite', hidden: true });
const panZoom = new PanZoom(svg, () => viewport, (view) => {
  state.view = { ...view };
  saveState();
});
const toolbar = h(
  'header',
  { id: 'toolbar', role: 'toolbar', 'aria-label': 'Topology' },
  toolButton('refresh', 'Refresh', () => post({ type: 'globalAction', action: 'refresh' }), 'refresh'),
  toolButton('screen-full', 'Fit to Window (0)', () => fit(), 'fit'),
  toolButton('zoom-in', 'Zoom In (+)', () => panZoom.zoomCentre(1.25), 'zoomIn'),
  toolButton('zoom-out', 'Zoom Out (-)', () => panZoom.zoomCentre(0.8), 'zoomOut'),
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
  channel.saveState({ view: state.view, selected: state.selected, search: state.search });
}

function fit(): void {
  if (layout) panZoom.fit(layout.width, layout.height);
}

// --- drawing ---
async function show(next: Topology): Promise<void> {
  const started = performance.now();
  const nextSignature = layoutSignature(next);
  if (!layout || nextSignature !== signature) {
    layout = await layoutTopology(next);
    signature = nextSignature;
  } else {
    // Same namespaces, interfaces and wires: keep every position, take the new states.
    const byKey = new Map(next.namespaces.map((ns) => [ns.key, ns]));
    for (const box of layout.boxes) {
      const ns = byKey.get(box.ns.key)!;
      box.ns = ns;
      box.rows.forEach((row, i) => (row.iface = ns.interfaces[i]));
    }
  }
  const first = picture === undefined;
  topology = next;
  draw();
  if (first && !state.view) fit();
  else if (state.view) panZoom.set(state.view);
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
  if (focusSelector) picture.querySelector<SVGGElement>(focusSelector)?.focus();
  viewport.setAttribute('transform', `translate(${panZoom.view.x} ${panZoom.view.y}) scale(${panZoom.view.k})`);
  applySearch(false);
  applySelection();
}

// The theme changed: same layout, new colours.
new MutationObserver(() => draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// --- selection and details ---
function select(id: string | null): void {
  state.selected = id;
  saveState();
  applySelection();
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
  aside.replaceChildren(iface ? interfaceDetails(topology, ns, iface, captures, post) : namespaceDetails(ns, post));
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
    const el = picture.querySelector<SVGGraphicsElement>(`[data-iface-id="${CSS.escape(id)}"], .ns[data-ns-key="${CSS.escape(id)}"]`);
    if (el && layout) {
      const box = layout.boxes.find((b) => b.ns.key === (el.getAttribute('data-ns-key') ?? ''));
      const row = box?.rows.find((r) => r.iface.id === id);
      if (box) panZoom.centreOn(box.x + box.width / 2, box.y + (row ? row.y : box.height / 2));
      select(id);
    }
  }
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
  clone.setAttribute('transform', `translate(${margin + 40} ${margin})`);
  const width = layout!.width + 2 * margin + 40;
  const height = layout!.height + 2 * margin;
  const out = s('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}` }, s('rect', { width, height, fill: palette.background }), clone);
  return { text: new XMLSerializer().serializeToString(out), width, height, clone };
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
    case 'busy':
      root.setAttribute('aria-busy', String(message.busy));
      toolbar.classList.toggle('busy', message.busy);
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
      if (layout) {
        const box = layout.boxes.find((b) => b.ns.key === message.namespaceKey);
        if (box) panZoom.centreOn(box.x + box.width / 2, box.y + box.height / 2);
      }
      break;
  }
}
