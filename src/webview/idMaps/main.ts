// The ID-maps webview: draws the model the panel posts (src/core/idmaps/idMapsTypes.ts) and runs
// the Translate form. It computes nothing about the maps itself: the extension sends the model
// and answers translations (both from the core); the page only checks the typed ID first, so
// bad input gets an inline message without a round trip and changes nothing.
import { connect } from '../shared/vscodeApi';
import { codicon, h } from '../shared/dom';
import { parseId } from '../../core/idmaps/parseId';
import type { FromIdMapsWebview, IdMapsState, ToIdMapsWebview } from '../../core/idmaps/idMapsMessages';
import type { IdKind, IdMapsLevel, IdMapsModel, Translation } from '../../core/idmaps/idMapsTypes';
import { arrowKeysBetweenRanges, drawMap, span } from './drawMap';

type ModelMessage = Extract<ToIdMapsWebview, { type: 'model' }>;

const root = document.getElementById('root')!;
let current: ModelMessage | undefined;
let requestCounter = 0;
let pendingRequest = -1;
/** Whether the pending request is the user's (not a repeat after the maps changed). */
let pendingFromUser = false;
/** The last translation asked for that succeeded; asked again when the maps change. */
let lastAsked: Omit<Extract<FromIdMapsWebview, { type: 'translate' }>, 'request'> | undefined;

const connection = connect<ToIdMapsWebview, FromIdMapsWebview, IdMapsState>((message) => {
  if (message.type === 'model') {
    current = message;
    connection.saveState(message.target);
    render();
    if (lastAsked && message.model) ask(lastAsked, false);
  } else if (message.type === 'translation' && message.request === pendingRequest) {
    showTranslation(message.translation);
  } else if (message.type === 'translationError' && message.request === pendingRequest) {
    showTranslateError(message.message);
  }
});

// --- the Translate form: built once, so typing survives live updates ---
const kindSelect = h('select', { id: 'translate-kind', 'aria-label': 'ID kind' }, h('option', { value: 'uid' }, 'UID'), h('option', { value: 'gid' }, 'GID'));
const idInput = h('input', { id: 'translate-id', type: 'text', inputmode: 'numeric', placeholder: 'e.g. 1000', 'aria-label': 'ID to translate', autocomplete: 'off', spellcheck: 'false' });
const fromSelect = h('select', { id: 'translate-from', 'aria-label': 'Namespace the ID is in' });
const translateButton = h('button', { type: 'submit', id: 'translate-button' }, codicon('arrow-swap'), 'Translate');
const translateError = h('p', { id: 'translate-error', class: 'error', role: 'alert', hidden: true });
const translateResult = h('div', { id: 'translate-result', 'aria-live': 'polite' });
const translateForm = h(
  'form',
  { id: 'translate', class: 'translate', 'aria-describedby': 'translate-error' },
  h('label', { for: 'translate-id' }, 'Translate'),
  kindSelect,
  idInput,
  h('label', { for: 'translate-from' }, 'in'),
  fromSelect,
  translateButton,
);
translateForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = parseId(idInput.value);
  if (!parsed.ok) return showTranslateError(parsed.message);
  const from = Number(fromSelect.value);
  ask({ type: 'translate', kind: kindSelect.value as IdKind, from, text: String(parsed.id) }, true);
});
idInput.addEventListener('input', () => {
  idInput.removeAttribute('aria-invalid');
  translateError.hidden = true;
});

function ask(question: NonNullable<typeof lastAsked>, fromUser: boolean): void {
  pendingRequest = ++requestCounter;
  pendingFromUser = fromUser;
  lastAsked = question;
  connection.post({ ...question, request: pendingRequest });
}

function showTranslateError(message: string): void {
  // The message replaces the previous answer, which would read as the answer to this input; an
  // answer still on its way, or a live update's repeat of the last question, brings none back.
  pendingRequest = -1;
  lastAsked = undefined;
  translateResult.replaceChildren();
  idInput.setAttribute('aria-invalid', 'true');
  translateError.replaceChildren(codicon('error'), ` ${message}`);
  translateError.hidden = false;
}

function levelName(level: IdMapsLevel): string {
  return `user ${level.inode}${level.top ? ' (top)' : ''}${level.label ? ` · ${level.label}` : ''}`;
}

function showTranslation(t: Translation): void {
  // A repeat after a live update leaves a message about what the user typed since.
  if (pendingFromUser) {
    translateError.hidden = true;
    idInput.removeAttribute('aria-invalid');
  }
  const model = current?.model;
  if (!model) return;
  const ids = t.kind === 'uid' ? 'UID' : 'GID';
  const rows = t.levels.map((r) => {
    const level = model.levels.find((l) => l.inode === r.inode);
    const value =
      r.state === 'mapped'
        ? h('span', { class: 'mono' }, String(r.id))
        : r.state === 'unmapped'
          ? h('span', { class: 'unmapped' }, codicon('circle-slash'), ` unmapped: shows as the overflow ${ids} `, h('span', { class: 'mono' }, String(r.id)))
          : h('span', { class: 'muted' }, 'unknown (no process in this namespace to read its map from)');
    return h('tr', { class: `translation-row state-${r.state}`, 'data-inode': r.inode, 'data-state': r.state, 'data-id': r.id }, h('td', {}, level ? levelName(level) : `user ${r.inode}`, r.inode === t.from ? h('span', { class: 'chip' }, 'given') : null), h('td', {}, value));
  });
  translateResult.replaceChildren(
    h('p', {}, `${ids} ${t.id} in user ${t.from} `, t.host === null ? 'is not mapped to the host.' : `is host ${ids} ${t.host}.`),
    h('table', { class: 'translation' }, h('thead', {}, h('tr', {}, h('th', {}, 'Namespace'), h('th', {}, ids))), h('tbody', {}, ...rows)),
  );
}

function syncFromSelect(model: IdMapsModel): void {
  const chosen = fromSelect.value;
  fromSelect.replaceChildren(...model.levels.map((l) => h('option', { value: l.inode }, levelName(l))));
  if ([...fromSelect.options].some((o) => o.value === chosen)) fromSelect.value = chosen;
}

// --- the levels ---
function facts(level: IdMapsLevel): HTMLElement {
  const owner = level.ownerUid === null ? 'unknown' : `UID ${level.ownerUid}${level.ownerName ? ` (${level.ownerName})` : ''}`;
  const subordinate = (kind: IdKind) => {
    const ranges = level.subordinate[kind];
    const file = kind === 'uid' ? '/etc/subuid' : '/etc/subgid';
    if (ranges === null) return `no ${file}`;
    return ranges.length ? ranges.map((r) => span(r.start, r.count)).join(', ') : `none in ${file}`;
  };
  const row = (term: string, ...value: (string | Node)[]) => [h('dt', {}, term), h('dd', {}, ...value)];
  return h(
    'dl',
    { class: 'facts' },
    ...row('Owner', owner),
    ...row('setgroups', level.setgroups ?? 'unknown', level.setgroups === 'deny' ? h('span', { class: 'muted' }, ' (setgroups(2) is refused: groups cannot be dropped)') : ''),
    ...row('Subordinate UIDs', subordinate('uid')),
    ...row('Subordinate GIDs', subordinate('gid')),
  );
}

function mapSection(level: IdMapsLevel, parent: IdMapsLevel | undefined, kind: IdKind, width: number): HTMLElement {
  const map = level.maps[kind];
  const title = h('h3', {}, `${kind}_map`);
  const ids = kind === 'uid' ? 'UID' : 'GID';
  if (map.state === 'unknown') return h('div', { class: 'map unknown', 'data-kind': kind }, title, h('p', { class: 'muted' }, codicon('question'), ' Unknown: no process is in this namespace, and only a process\'s /proc/PID/' + kind + '_map shows it.'));
  if (map.state === 'unwritten') {
    return h('div', { class: 'map unwritten', 'data-kind': kind }, title, h('p', { class: 'notice' }, codicon('circle-slash'), ` Not written yet: every ${ids} inside is unmapped and shows as ${current?.model?.overflow[kind] ?? 65534} until a process (newuidmap, unshare) writes the map.`));
  }
  const parentName = level.top ? 'itself' : parent?.top ? 'host' : 'parent';
  const drawing = drawMap(map, { kind, width, parentName, parentInode: parent?.inode ?? null });
  arrowKeysBetweenRanges(drawing);
  const table = h(
    'table',
    { class: 'map-lines' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Inside'), h('th', {}, level.top ? 'In itself' : parent?.top ? 'In the parent (host)' : 'In the parent'), h('th', {}, 'On the host'), h('th', {}, 'Count'))),
    h(
      'tbody',
      {},
      ...map.lines.map((l) =>
        h('tr', {}, h('td', { class: 'mono' }, span(l.inside, l.count)), h('td', { class: 'mono' }, l.outside === null ? '?' : span(l.outside, l.count)), h('td', { class: 'mono' }, span(l.host, l.count)), h('td', { class: 'mono' }, l.count.toLocaleString('en-US'))),
      ),
    ),
  );
  return h('div', { class: 'map', 'data-kind': kind }, title, drawing, table);
}

function processes(level: IdMapsLevel, overflow: number): HTMLElement {
  if (level.processCount === 0) return h('p', { class: 'muted' }, 'No process is in this namespace.');
  const more = level.processCount - level.processes.length;
  return h(
    'details',
    { class: 'processes', open: !level.top },
    h('summary', {}, `${level.processCount} ${level.processCount === 1 ? 'process' : 'processes'}`),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'PID'), h('th', {}, 'Command'), h('th', {}, 'UID inside'), h('th', {}, 'UID on the host'))),
      h(
        'tbody',
        {},
        ...level.processes.map((p) =>
          h('tr', { 'data-pid': p.pid }, h('td', { class: 'mono' }, String(p.pid)), h('td', {}, p.command), h('td', { class: 'mono' }, p.uidInside === null ? `unmapped (${overflow})` : String(p.uidInside)), h('td', { class: 'mono' }, String(p.uidHost))),
        ),
      ),
    ),
    more > 0 ? h('p', { class: 'muted' }, `and ${more} more`) : null,
  );
}

function levelCard(model: IdMapsModel, level: IdMapsLevel, i: number, width: number): HTMLElement {
  const parent = model.levels[i + 1];
  const role = i === 0 ? 'chosen' : level.top ? 'top' : i === 1 ? 'parent' : `ancestor ${i}`;
  const warnings = level.warnings.length
    ? h('ul', { class: 'warnings' }, ...level.warnings.map((w) => h('li', { class: `warning ${w.kind}`, 'data-kind': w.kind }, codicon('warning'), h('span', {}, w.text))))
    : null;
  return h(
    'section',
    { class: 'level', 'data-inode': level.inode, 'aria-label': levelName(level) },
    h('h2', {}, codicon(level.top ? 'server' : 'account'), ` ${levelName(level)} `, h('span', { class: 'chip' }, role)),
    facts(level),
    warnings,
    mapSection(level, parent, 'uid', width),
    mapSection(level, parent, 'gid', width),
    processes(level, model.overflow.uid),
  );
}

/**
 * Level cards by inode, with what they were drawn from: a live update redraws only the levels
 * that changed (the host's process list changes all the time), so focus, open details and the
 * reader's place survive it.
 */
const drawn = new Map<number, { key: string; card: HTMLElement }>();

function cardFor(model: IdMapsModel, level: IdMapsLevel, i: number, width: number): HTMLElement {
  const key = JSON.stringify([level, model.levels[i + 1]?.inode, model.levels[i + 1]?.top, i, width, model.overflow]);
  const old = drawn.get(level.inode);
  if (old && old.key === key) return old.card;
  const card = levelCard(model, level, i, width);
  const openDetails = old?.card.querySelector('details.processes')?.hasAttribute('open');
  if (openDetails !== undefined) card.querySelector('details.processes')?.toggleAttribute('open', openDetails);
  // In place, so the cards around it stay put (moving an element drops its focus).
  if (old?.card.isConnected) old.card.replaceWith(card);
  drawn.set(level.inode, { key, card });
  return card;
}

let header: HTMLElement | undefined;
const intro = h('p', { class: 'muted intro' }, 'Each map line says: these IDs inside are those IDs in the parent namespace. The chosen namespace comes first, then each parent up to the top.');
const translateSection = h('section', { class: 'translate-section', 'aria-label': 'Translate an ID' }, translateForm, translateError, translateResult);

/** Puts `children` into `parent` in order, moving only what is not already in place. */
function placeChildren(parent: HTMLElement, children: HTMLElement[]): void {
  children.forEach((child, i) => {
    if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] ?? null);
  });
  while (parent.children.length > children.length) parent.lastElementChild!.remove();
}

function render(): void {
  root.removeAttribute('aria-busy');
  const message = current;
  if (!message) return;
  const { model, gone, target } = message;
  const width = Math.max(320, Math.min(document.documentElement.clientWidth - 40 || 800, 1400));
  const status = gone
    ? h('p', { class: 'gone', role: 'status' }, codicon('debug-disconnect'), ` User namespace ${target.ino} no longer exists: no process, bind mount or file descriptor holds it any more. ${model ? 'What follows is its last state.' : ''}`)
    : h('p', { class: 'live muted', role: 'status' }, codicon('sync'), ` Live: updated ${new Date(message.updated).toLocaleTimeString()}`);
  header ??= h('header', {}, h('h1', {}, `ID maps of user namespace ${target.ino}`));
  header.querySelector('[role="status"]')?.remove();
  header.append(status);
  if (!model) {
    placeChildren(root, [header]);
    return;
  }
  syncFromSelect(model);
  const cards = model.levels.map((level, i) => cardFor(model, level, i, width - 40));
  for (const inode of drawn.keys()) if (!model.levels.some((l) => l.inode === inode)) drawn.delete(inode);
  placeChildren(root, [header, translateSection, intro, ...cards]);
}

// Redraw to the new width (zoom, resizing the editor): drawings are laid out in CSS pixels.
let resizeTimer: number | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => current && render(), 100);
}).observe(document.body);
root.replaceChildren(h('p', { class: 'muted' }, codicon('loading'), ' Reading the maps…'));
