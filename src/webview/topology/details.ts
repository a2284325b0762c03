// The details pane: what a click (or Enter) on an interface or a namespace shows, with the
// actions that apply to it. The namespace, the other ends of wires and a namespace's interfaces
// are links that select and reveal that box or row in the picture.
import { codicon, h } from '../shared/dom';
import type { CaptureInfo, FromTopologyWebview } from '../../core/net/topologyMessages';
import type { NetInterface, NetNamespaceNode, Topology } from '../../core/net/topology';

export type Post = (message: FromTopologyWebview) => void;
/** Selects a namespace (by key) or an interface (by id) and brings it into view. */
export type Reveal = (id: string) => void;

/** A link-styled button that reveals `id`; the text is a text node. */
function link(text: string, id: string, reveal: Reveal): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link', 'data-reveal': id, title: `Show ${text} in the picture` }, text);
  b.addEventListener('click', () => reveal(id));
  return b;
}

function button(icon: string, label: string, onClick: () => void, id?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', 'data-action': id }, codicon(icon), label);
  b.addEventListener('click', onClick);
  return b;
}

function table(rows: Array<[string, string | Node]>): HTMLTableElement {
  return h('table', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v))));
}

function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) [n, i] = [n / 1024, i + 1];
  return `${i ? n.toFixed(1) : n} ${units[i]}`;
}

/** What the other end of each wire at this interface is to it ("peer", "port", ...), and where it is. */
function linkedEnds(topology: Topology, iface: NetInterface): Array<{ role: string; id: string; where: string | undefined }> {
  const where = new Map<string, string>();
  for (const ns of topology.namespaces) for (const i of ns.interfaces) where.set(i.id, `${ns.label}/${i.name}`);
  return topology.wires
    .filter((w) => w.from === iface.id || w.to === iface.id)
    .map((w) => {
      const other = w.from === iface.id ? w.to : w.from;
      const role = w.kind === 'veth' ? 'peer' : w.kind === 'bridge' ? (w.to === iface.id ? 'port' : 'bridge') : w.kind === 'vxlan' ? 'underlay' : w.to === iface.id ? 'child' : 'parent';
      return { role, id: other, where: where.get(other) };
    });
}

/** "peer: " and a link to the other end (plain "?" when it is not in the picture). */
function endCell(end: { role: string; id: string; where: string | undefined }, reveal: Reveal): HTMLElement {
  return h('span', {}, `${end.role}: `, end.where ? link(end.where, end.id, reveal) : '?');
}

export function interfaceDetails(topology: Topology, ns: NetNamespaceNode, iface: NetInterface, captures: CaptureInfo[], post: Post, reveal: Reveal): HTMLElement {
  const capture = captures.find((c) => c.namespaceKey === ns.key && c.ifname === iface.name);
  const act = (action: 'linkUp' | 'linkDown' | 'capture') => () => post({ type: 'interfaceAction', action, namespaceKey: ns.key, ifname: iface.name });
  const routes = ns.routes.filter((r) => r.dev === iface.name);
  const c = iface.counters;
  return h(
    'section',
    { class: 'details', 'aria-label': `Details of ${iface.name}` },
    h('h2', {}, codicon('plug'), ` ${iface.name}`),
    h('p', { class: `state state-${iface.state}` }, iface.state === 'up' ? '▲ up' : iface.state === 'down' ? '▼ down' : '⚠ up, no carrier', ` · ${iface.kind} in `, link(ns.label, ns.key, reveal)),
    table([
      ['MAC', iface.mac || '—'],
      ['MTU', String(iface.mtu)],
      ['operstate', iface.operState],
      ['ifindex', String(iface.ifindex)],
      ...(iface.master ? ([['master', iface.master]] as Array<[string, string]>) : []),
      ...linkedEnds(topology, iface).map((e) => ['wire', endCell(e, reveal)] as [string, Node]),
      ...(iface.vxlan ? ([['vxlan', `vni ${iface.vxlan.vni ?? '?'} ${iface.vxlan.remote ?? iface.vxlan.group ?? ''} port ${iface.vxlan.port ?? '?'}`]] as Array<[string, string]>) : []),
    ]),
    h('h3', {}, 'Addresses'),
    iface.addresses.length ? h('ul', { class: 'mono' }, ...iface.addresses.map((a) => h('li', {}, `${a.cidr} (${a.scope})`))) : h('p', { class: 'muted' }, 'none'),
    h('h3', {}, 'Routes through it'),
    routes.length ? h('ul', { class: 'mono' }, ...routes.map((r) => h('li', {}, `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.table !== 'main' ? ` table ${r.table}` : ''}`))) : h('p', { class: 'muted' }, 'none'),
    h('h3', {}, 'Counters'),
    c
      ? table([
          ['received', `${bytes(c.rxBytes)}, ${c.rxPackets} packets, ${c.rxErrors} errors, ${c.rxDropped} dropped`],
          ['sent', `${bytes(c.txBytes)}, ${c.txPackets} packets, ${c.txErrors} errors, ${c.txDropped} dropped`],
        ])
      : h('p', { class: 'muted' }, 'not available'),
    h(
      'div',
      { class: 'actions' },
      iface.adminUp ? button('debug-pause', 'Bring Down', act('linkDown'), 'linkDown') : button('play', 'Bring Up', act('linkUp'), 'linkUp'),
      capture
        ? button('debug-stop', 'Stop Capture', () => post({ type: 'stopCapture', captureId: capture.id }), 'stopCapture')
        : button('record', 'Capture on Interface', act('capture'), 'capture'),
    ),
  );
}

export function namespaceDetails(topology: Topology, ns: NetNamespaceNode, post: Post, reveal: Reveal): HTMLElement {
  const act = (action: 'openShell' | 'showInTree' | 'showIdMaps' | 'connectFrom' | 'deleteNamespace') => () => post({ type: 'namespaceAction', action, namespaceKey: ns.key });
  return h(
    'section',
    { class: 'details', 'aria-label': `Details of ${ns.label}` },
    h('h2', {}, codicon(ns.isHost ? 'home' : 'globe'), ` ${ns.label}`),
    table([
      ['namespace', `net:[${ns.inode}]`],
      ['known as', ns.isHost ? 'the host' : ns.labelSource === 'netns' ? `ip netns ${ns.netnsName}` : ns.labelSource],
      ['processes', ns.pids.length ? `${ns.pids.length} (${ns.pids.slice(0, 5).join(', ')}${ns.pids.length > 5 ? ', …' : ''})` : 'none'],
      ['interfaces', String(ns.interfaces.length)],
      ...(ns.error ? ([['error', ns.error]] as Array<[string, string]>) : []),
    ]),
    h('h3', {}, 'Interfaces'),
    ns.interfaces.length
      ? h(
          'ul',
          { class: 'interfaces' },
          ...ns.interfaces.map((i) => h('li', {}, link(i.name, i.id, reveal), ` ${i.kind}`, ...linkedEnds(topology, i).filter((e) => e.role === 'peer' || e.role === 'parent' || e.role === 'underlay').flatMap((e) => [' · ', endCell(e, reveal)]))),
        )
      : h('p', { class: 'muted' }, 'none'),
    h('h3', {}, 'Listening sockets'),
    ns.sockets.length
      ? h(
          'table',
          { class: 'mono' },
          ...ns.sockets.map((sock) => h('tr', {}, h('td', {}, sock.protocol), h('td', {}, `${sock.family === 'inet6' ? `[${sock.address}]` : sock.address}:${sock.port}`), h('td', {}, sock.pid ? `${sock.command ?? ''} (${sock.pid})` : '—'))),
        )
      : h('p', { class: 'muted' }, ns.pids.length ? 'none' : 'none (no process in it)'),
    h('h3', {}, 'Routes'),
    ns.routes.length ? h('ul', { class: 'mono' }, ...ns.routes.map((r) => h('li', {}, `${r.dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}`))) : h('p', { class: 'muted' }, 'none'),
    h(
      'div',
      { class: 'actions' },
      button('terminal', 'Open Shell Here', act('openShell'), 'openShell'),
      button('list-tree', 'Show in Tree', act('showInTree'), 'showInTree'),
      button('person', 'Show ID Maps', act('showIdMaps'), 'showIdMaps'),
      button('plug', 'Connect to…', act('connectFrom'), 'connectFrom'),
      ns.netnsName !== undefined && !ns.isHost && !ns.isOwn ? button('trash', 'Delete Namespace…', act('deleteNamespace'), 'deleteNamespace') : null,
    ),
  );
}
