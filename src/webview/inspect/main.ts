// The Inspect Process webview: draws the report the panel posts (src/core/inspect/inspectTypes.ts)
// as collapsible groups. It computes nothing about the process itself. Every host string reaches
// the page as a text node through h() (hostText: control characters escaped, bidi controls
// dropped). The environment is asked for only when the user clicks "Show Environment".
import { connect } from '../shared/vscodeApi';
import { codicon, h } from '../shared/dom';
import type { FromInspectWebview, InspectTarget, ToInspectWebview } from '../../core/inspect/inspectMessages';
import type { CapabilitySet, InspectReport, MountNode, PidChain } from '../../core/inspect/inspectTypes';
import { DEFAULT_CONTAINER_CAPS } from '../../core/inspect/dockerDefaults';
import { bytesText, cgroupLimitText, rlimitValueText } from '../../core/inspect/inspectText';

type ReportMessage = Extract<ToInspectWebview, { type: 'report' }>;

const root = document.getElementById('root')!;
let current: ReportMessage | undefined;
/** Which groups the user closed or opened, by id: kept across live updates. */
const openState = new Map<string, boolean>();
let environment: { lines: string[] | null; error: string | null } | 'asking' | undefined;

const connection = connect<ToInspectWebview, FromInspectWebview, InspectTarget>((message) => {
  if (message.type === 'report') {
    current = message;
    connection.saveState(message.target);
    render();
  } else if (message.type === 'environment') {
    environment = { lines: message.lines, error: message.error };
    render();
  }
});

// --- building blocks ---
function facts(rows: [string, Node | string | null][]): HTMLElement {
  return h('dl', { class: 'facts' }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? h('span', { class: 'muted' }, 'unknown'))]));
}

function mono(text: string): HTMLElement {
  return h('span', { class: 'mono' }, text);
}

function table(headers: string[], rows: HTMLElement[], attrs: Record<string, string> = {}): HTMLElement {
  return h('table', attrs, h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', {}, t)))), h('tbody', {}, ...rows));
}

function chip(text: string, kind = ''): HTMLElement {
  return h('span', { class: `chip ${kind}`.trim() }, text);
}

/** A collapsible group; its open state survives redraws. */
function group(id: string, icon: string, title: string, summary: string, ...body: (Node | null)[]): HTMLElement {
  const details = h('details', { class: 'group', 'data-section': id, open: openState.get(id) ?? true }, h('summary', {}, codicon(icon), h('h2', {}, title), summary ? h('span', { class: 'muted summary-note' }, summary) : null), ...body);
  details.addEventListener('toggle', () => openState.set(id, details.open));
  return details;
}

// --- sections ---
function overview(r: InspectReport): HTMLElement {
  const c = r.container;
  const container = c
    ? h('span', {}, `${c.engine} `, h('strong', {}, c.name), c.image ? h('span', { class: 'muted' }, ` · image ${c.image}`) : null, c.state ? h('span', { class: 'muted' }, ` · ${c.state}`) : null, c.main ? chip('main process') : h('span', { class: 'muted' }, ` · main process ${c.mainPid}`))
    : h('span', { class: 'muted' }, 'none (a host process)');
  const namespaces = h('span', { class: 'ns-list' }, ...Object.entries(r.namespaces).map(([type, ino]) => h('span', { class: 'ns' }, `${type} `, mono(String(ino)))));
  return group('overview', 'info', 'Process', '', facts([
    ['Command', mono(r.command)],
    ['Arguments', r.cmdline.length ? mono(r.cmdline.join(' ')) : h('span', { class: 'muted' }, 'none (a kernel thread)')],
    ['State', r.state],
    ['Parent PID', mono(String(r.ppid))],
    ['Container', container],
    ['Root', r.root === null ? null : mono(r.root)],
    ['Working directory', r.cwd === null ? null : mono(r.cwd)],
    ['Namespaces', namespaces],
  ]));
}

function pidsSection(r: InspectReport): HTMLElement {
  const depth = Math.max(r.pids.process.nspid.length, ...r.pids.children.map((c) => c.nspid.length));
  const levelName = (i: number) => {
    const ino = r.pids.namespaces[i];
    const where = i === 0 ? 'host' : i === r.pids.process.nspid.length - 1 ? 'its own' : `level ${i}`;
    return ino ? `${where} (pid ${ino})` : where;
  };
  const row = (kind: string, chain: PidChain, name: string | null) =>
    h('tr', { 'data-kind': kind, 'data-pid': chain.pid }, h('td', {}, kind), h('td', {}, name ?? ''), ...Array.from({ length: depth }, (_, i) => h('td', { class: 'mono' }, chain.nspid[i] === undefined ? '' : String(chain.nspid[i]))));
  const rows = [row('process', r.pids.process, r.command), ...r.pids.threads.filter((t) => t.pid !== r.pid).map((t) => row('thread', t, t.name)), ...r.pids.children.map((c) => row('child', c, c.name))];
  const summary = `${r.pids.process.nspid.join(' → ')} · ${r.pids.threads.length} ${r.pids.threads.length === 1 ? 'thread' : 'threads'} · ${r.pids.children.length} ${r.pids.children.length === 1 ? 'child' : 'children'}`;
  return group('pids', 'list-tree', 'PIDs in each PID namespace', summary, h('p', { class: 'muted' }, 'Outermost (the host\'s) first; the last column is the PID the process sees for itself.'), table(['', 'Command', ...Array.from({ length: depth }, (_, i) => levelName(i))], rows, { class: 'pids' }));
}

function identitySection(r: InspectReport): HTMLElement {
  const id = r.identity;
  const rows = id.uids.map((u, i) => {
    const g = id.gids[i];
    const inside = (value: number | null, host: number) => (value === null ? h('span', { class: 'unmapped' }, codicon('circle-slash'), ' not mapped') : h('span', { class: value === host ? 'mono' : 'mono differs' }, String(value)));
    return h('tr', {}, h('td', {}, u.role), h('td', { class: 'mono' }, String(u.host)), h('td', {}, inside(u.inside, u.host)), h('td', { class: 'mono' }, g ? String(g.host) : ''), h('td', {}, g ? inside(g.inside, g.host) : ''));
  });
  const euid = id.uids[1];
  return group('identity', 'account', 'User and group IDs', euid ? `UID ${euid.host} on the host${euid.inside !== null && euid.inside !== euid.host ? `, ${euid.inside} inside` : ''}` : '',
    table(['', 'UID on the host', 'UID inside', 'GID on the host', 'GID inside'], rows, { class: 'ids' }),
    facts([['User namespace', id.userNamespace === null ? null : mono(String(id.userNamespace))], ['Supplementary groups', id.groups.length ? mono(id.groups.join(' ')) : h('span', { class: 'muted' }, 'none')]]));
}

function capabilitiesSection(r: InspectReport): HTMLElement {
  const caps = r.capabilities;
  const sets: [string, CapabilitySet][] = [['Effective', caps.effective], ['Permitted', caps.permitted], ['Inheritable', caps.inheritable], ['Bounding', caps.bounding], ['Ambient', caps.ambient]];
  const added = new Set(caps.versusDefault.added);
  const dropped = new Set(caps.versusDefault.dropped);
  const names = [...new Set([...sets.flatMap(([, s]) => s.names), ...DEFAULT_CONTAINER_CAPS])].sort();
  const rows = names.map((name) => {
    const kind = added.has(name) ? 'added' : dropped.has(name) ? 'dropped' : '';
    const note = kind === 'added' ? chip('not in the default set', 'warn') : kind === 'dropped' ? chip('dropped from the default set', 'info') : null;
    return h('tr', { class: `cap ${kind}`.trim(), 'data-cap': name }, h('td', { class: 'mono' }, name, note),
      ...sets.map(([, s]) => h('td', { class: 'tick' }, s.names.includes(name) ? h('span', { class: 'codicon codicon-check', 'aria-label': 'yes', role: 'img' }) : '')),
      h('td', { class: 'tick' }, DEFAULT_CONTAINER_CAPS.includes(name) ? h('span', { class: 'codicon codicon-check muted', 'aria-label': 'yes', role: 'img' }) : ''));
  });
  const summary = `${caps.effective.names.length} effective · ${caps.versusDefault.added.length} beyond, ${caps.versusDefault.dropped.length} dropped from the default container set`;
  return group('capabilities', 'shield', 'Capabilities', summary,
    h('p', { class: 'muted' }, 'Highlighted: where the bounding set differs from ', h('strong', {}, caps.versusDefault.source), '.'),
    table(['Capability', ...sets.map(([n]) => n), 'Default set'], rows, { class: 'caps' }),
    facts(sets.map(([n, s]) => [`${n} mask`, mono(s.mask)])));
}

function securitySection(r: InspectReport): HTMLElement {
  const s = r.security;
  const lsm = s.lsm.length ? h('span', {}, ...s.lsm.map((l) => h('div', {}, `${l.module}: `, mono(l.label)))) : h('span', { class: 'muted' }, 'no label (no LSM active)');
  const seccomp = h('span', {}, s.seccomp === 'filter' ? chip('filter', 'warn') : s.seccomp, s.seccompFilters ? ` ${s.seccompFilters} ${s.seccompFilters === 1 ? 'filter' : 'filters'}` : '');
  return group('security', 'lock', 'Security', `no_new_privs ${s.noNewPrivs ? 'on' : 'off'} · seccomp ${s.seccomp}`, facts([
    ['no_new_privs', s.noNewPrivs ? h('span', {}, codicon('check'), ' on: execve cannot gain privileges') : 'off'],
    ['Seccomp', seccomp],
    ['LSM label', lsm],
  ]));
}

function cgroupSection(r: InspectReport): HTMLElement {
  const limits = r.cgroup.limits.map((l) => {
    const ratio = l.limit !== null && l.current !== null && l.limit > 0 ? Math.min(1, l.current / l.limit) : null;
    const meter = ratio === null ? null : h('meter', { min: 0, max: 1, value: ratio, 'aria-label': `${l.resource} use` });
    return h('tr', { 'data-resource': l.resource }, h('td', {}, l.resource), h('td', {}, cgroupLimitText(l), meter ? ' ' : '', meter), h('td', { class: 'muted' }, l.version), h('td', { class: 'mono' }, l.path));
  });
  const memory = r.cgroup.limits.find((l) => l.resource === 'memory');
  return group('cgroup', 'dashboard', 'cgroup limits and use', memory ? `memory ${memory.limit === null ? 'no limit' : bytesText(memory.limit)}` : '',
    limits.length ? table(['Resource', 'Limit and use', 'Hierarchy', 'cgroup folder'], limits, { class: 'limits' }) : h('p', { class: 'muted' }, 'No memory, cpu or pids controller found.'),
    h('h3', {}, '/proc/PID/cgroup'),
    h('ul', { class: 'plain mono' }, ...r.cgroup.entries.map((e) => h('li', {}, `${e.hierarchyId}:${e.controllers.join(',')}:${e.path}`))));
}

function rlimitsSection(r: InspectReport): HTMLElement {
  const rows = r.rlimits.map((l) => h('tr', {}, h('td', {}, l.name), h('td', { class: 'mono' }, rlimitValueText(l.soft)), h('td', { class: 'mono' }, rlimitValueText(l.hard)), h('td', { class: 'muted' }, l.unit)));
  return group('rlimits', 'settings', 'Resource limits', `${r.rlimits.length} limits`, table(['Limit', 'Soft', 'Hard', 'Unit'], rows, { class: 'rlimits' }));
}

function socketsSection(r: InspectReport): HTMLElement {
  const rows = r.sockets.map((s) => h('tr', { class: s.listening ? 'listening' : '', 'data-inode': s.inode }, h('td', {}, `${s.protocol}${s.family === 'inet6' ? '6' : ''}`), h('td', {}, s.listening ? chip('listen') : s.state), h('td', { class: 'mono' }, s.local || '(unnamed)'), h('td', { class: 'mono' }, s.remote ?? ''), h('td', { class: 'mono muted' }, String(s.inode))));
  const listening = r.sockets.filter((s) => s.listening).length;
  return group('sockets', 'plug', 'Sockets', `${listening} listening · ${r.sockets.length - listening} other`,
    h('p', { class: 'muted' }, 'The sockets its file descriptors hold, from the tables of its network namespace.'),
    rows.length ? table(['Protocol', 'State', 'Local', 'Remote', 'Inode'], rows, { class: 'sockets' }) : h('p', { class: 'muted' }, 'It holds no socket.'));
}

function mountItem(m: MountNode): HTMLElement {
  const line = h('span', { class: 'mount-line' },
    h('span', { class: 'mono mount-point' }, m.mountPoint),
    ` ${m.fsType} `,
    h('span', { class: 'mono muted' }, m.source),
    ' ',
    h('span', { class: 'mono muted options' }, m.options),
    ...m.propagation.map((p) => chip(p)),
    m.overmounted ? chip('overmounted', 'warn') : null,
    m.hidden ? chip('hidden', 'info') : null);
  const item = h('li', { class: `mount${m.hidden ? ' hidden-mount' : ''}`, 'data-mount-id': m.mountId, title: `mount ${m.mountId} · root ${m.root} · ${m.superOptions}` });
  if (!m.children.length) {
    item.append(line);
    return item;
  }
  item.append(h('details', { open: true }, h('summary', {}, line), h('ul', { class: 'mount-tree' }, ...m.children.map(mountItem))));
  return item;
}

function mountsSection(r: InspectReport): HTMLElement {
  const count = (nodes: MountNode[]): number => nodes.reduce((n, m) => n + 1 + count(m.children), 0);
  return group('mounts', 'files', 'Mounts of its mount namespace', `${count(r.mounts)} mounts`, h('ul', { class: 'mount-tree top' }, ...r.mounts.map(mountItem)));
}

function environmentSection(): HTMLElement {
  const button = (label: string, icon: string, onClick: () => void, id: string) => {
    const b = h('button', { type: 'button', id }, codicon(icon), label);
    b.addEventListener('click', onClick);
    return b;
  };
  const body: (Node | null)[] = [];
  if (environment === undefined) {
    body.push(h('p', { class: 'muted' }, 'The environment may hold secrets: it is read only when you ask, and never logged.'), button('Show Environment', 'eye', () => {
      environment = 'asking';
      connection.post({ type: 'showEnvironment' });
      render();
    }, 'show-environment'));
  } else if (environment === 'asking') {
    body.push(h('p', { class: 'muted' }, codicon('loading'), ' Reading…'));
  } else {
    body.push(button('Hide Environment', 'eye-closed', () => {
      environment = undefined;
      render();
    }, 'hide-environment'));
    if (environment.error) body.push(h('p', { class: 'error', role: 'alert' }, codicon('error'), ` ${environment.error}`));
    if (environment.lines) {
      body.push(table(['Name', 'Value'], environment.lines.map((line) => {
        const at = line.indexOf('=');
        return h('tr', {}, h('td', { class: 'mono' }, at < 0 ? line : line.slice(0, at)), h('td', { class: 'mono' }, at < 0 ? '' : line.slice(at + 1)));
      }), { class: 'environment', id: 'environment' }));
    }
  }
  return group('environment', 'symbol-variable', 'Environment', '', ...body);
}

function unreadableSection(r: InspectReport): HTMLElement | null {
  if (!r.unreadable.length) return null;
  return group('unreadable', 'warning', 'Not readable', `${r.unreadable.length}`, h('ul', { class: 'warnings' }, ...r.unreadable.map((u) => h('li', { class: 'warning' }, codicon('warning'), h('span', {}, h('span', { class: 'mono' }, u.what), `: ${u.why}`)))));
}

// --- the page ---
/**
 * Sections by id with what they were drawn from: a live update redraws only the sections whose
 * facts changed (memory use changes all the time), so focus, selection and open groups survive.
 */
const drawn = new Map<string, { key: string; element: HTMLElement | null }>();

function sectionFor(id: string, data: unknown, build: () => HTMLElement | null): HTMLElement | null {
  const key = JSON.stringify(data) ?? '';
  const old = drawn.get(id);
  if (old && old.key === key) return old.element;
  const element = build();
  drawn.set(id, { key, element });
  return element;
}

/** Puts `children` into `parent` in order, moving only what is not already in place. */
function placeChildren(parent: HTMLElement, children: HTMLElement[]): void {
  children.forEach((child, i) => {
    if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] ?? null);
  });
  while (parent.children.length > children.length) parent.lastElementChild!.remove();
}

let header: HTMLElement | undefined;
function render(): void {
  root.removeAttribute('aria-busy');
  const message = current;
  if (!message) return;
  const { report, gone, error, target } = message;
  const refresh = h('button', { type: 'button', id: 'refresh', title: 'Read again now' }, codicon('refresh'), 'Refresh');
  refresh.addEventListener('click', () => connection.post({ type: 'refresh' }));
  const status = gone
    ? h('p', { class: 'gone', role: 'status' }, codicon('debug-disconnect'), ` Process ${target.pid} has exited${report ? ': what follows is the last that was read.' : '.'}`)
    : error
      ? h('p', { class: 'gone', role: 'status' }, codicon('error'), ` ${error}`)
      : h('p', { class: 'live muted', role: 'status' }, codicon('sync'), ` Live: updated ${new Date(message.updated).toLocaleTimeString()}`);
  const title = report ? `${report.command} · PID ${report.pid}` : `PID ${target.pid}`;
  const next = h('header', {}, h('div', { class: 'title-row' }, h('h1', {}, codicon('inspect'), ` ${title}`), gone ? null : refresh), status);
  // The header changes every update (the time): keep the Refresh button's focus.
  const hadFocus = header?.contains(document.activeElement) ?? false;
  if (header) header.replaceWith(next);
  header = next;
  if (hadFocus) refresh.focus();
  if (!report) {
    root.replaceChildren(header);
    return;
  }
  const sections: [string, unknown, () => HTMLElement | null][] = [
    ['overview', [report.command, report.cmdline, report.state, report.ppid, report.container, report.root, report.cwd, report.namespaces], () => overview(report)],
    ['pids', [report.pids, report.command], () => pidsSection(report)],
    ['identity', report.identity, () => identitySection(report)],
    ['capabilities', report.capabilities, () => capabilitiesSection(report)],
    ['security', report.security, () => securitySection(report)],
    ['cgroup', report.cgroup, () => cgroupSection(report)],
    ['rlimits', report.rlimits, () => rlimitsSection(report)],
    ['sockets', report.sockets, () => socketsSection(report)],
    ['mounts', report.mounts, () => mountsSection(report)],
    ['environment', environment, () => environmentSection()],
    ['unreadable', report.unreadable, () => unreadableSection(report)],
  ];
  const elements = [header, ...sections.flatMap(([id, data, build]) => sectionFor(id, data, build) ?? [])];
  placeChildren(root, elements);
  root.dataset.pid = String(report.pid);
  root.dataset.gone = String(gone);
}
