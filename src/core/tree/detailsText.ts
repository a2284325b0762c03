// The "Show Details" document: everything discovery knows about one namespace or process, as
// Markdown. Long lists are cut so a namespace of thousands of processes stays readable. Related
// namespaces and processes are links to their own documents (detailsLinks), their text ours; host
// text is always escaped or in code spans (markdownText), so no link or HTML comes from it.
import type { Namespace } from '../model/namespace';
import { NS_TYPES } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import type { DiscoveryResult } from '../model/result';
import { idKey } from '../model/namespaceId';
import { containerFactLines, containerText } from './containerText';
import { code, escapeMarkdown } from './markdownText';
import { LINE_MAX } from '../text/hostText';
import { idMapText, nsRef } from './nsRefText';
import { namespaceDetailsPath, namespaceLink, processDetailsPath, processLink, type ProcessLinkText } from './detailsLinks';
import type { NamespaceId } from '../model/namespaceId';
import { innerPid } from './pidInNamespace';
import { TYPE_TITLES } from './typeTitles';
import { startTimeText } from '../text/wallClock';
import type { NetInterface } from '../net/topology';
import { hostNamespaces, isHostNamespace, namespaceName } from './namespaceName';

/** What the documents add to a discovery result: read when a document is shown, never in discovery. */
export interface DetailsContext {
  /** Seconds since the epoch at boot (/proc/stat btime), for wall-clock start times. */
  bootTimeSec?: number;
  nowMs?: number;
  /** The reader (the extension host), whose namespaces are the host's when PID 1's cannot be read. */
  readerPid?: number;
  /** A network namespace's interfaces and addresses, or why they could not be read. */
  interfaces?: NetInterface[] | { error: string };
  /** What the nsids of those interfaces' peers stand for (peerNamespaces.ts). */
  peers?: ReadonlyMap<number, Namespace>;
}

const MAX_LISTED = 200;
/** A whole command line in the process's own document (the addon keeps at most 4 KiB of it). */
const DOCUMENT_LINE_MAX = 8192;

export function namespaceDetails(ns: Namespace, result: DiscoveryResult, context: DetailsContext = {}): string {
  const senior = ns.senior === null ? undefined : result.processes.get(ns.senior);
  const name = namespaceName(ns, result, isHostNamespace(ns, hostNamespaces(result, context.readerPid)));
  const here = namespaceDetailsPath(ns);
  const lines = [
    `# ${escapeMarkdown(name)} · ${nsRef(ns)}`,
    '',
    `- type: ${ns.type} (${TYPE_TITLES[ns.type]})`,
    `- inode: ${ns.id.ino}`,
    `- device: ${ns.id.dev}`,
    `- label: ${ns.label ? code(ns.label) : '—'}`,
    ...(ns.type === 'uts' ? [`- hostname: ${ns.hostname !== undefined ? code(ns.hostname) : 'unknown (this process cannot join the namespace)'}`] : []),
    `- owner: ${linkById(result, ns.owner, here)}`,
    `- parent: ${linkById(result, ns.parent, here)}`,
    `- container: ${ns.container ? code(containerText(ns.container)) : 'none (host)'}`,
    `- most senior process: ${ns.senior === null ? '—' : processLine(ns.senior, result, here)}`,
    `- since: ${senior ? startTimeText(senior.startTicks, context.bootTimeSec, context.nowMs ?? Date.now()) + ' (its most senior process started)' : '—'}`,
    `- leaders: ${ns.leaders.join(', ') || '—'}`,
    `- bind mounts: ${ns.bindMounts.map((m) => `${code(m.path, LINE_MAX)} (in mnt:[${m.mntns}])`).join(', ') || '—'}`,
    `- held open by: ${ns.fdRefs.map((r) => `${pidLink(r.pid, result, here)} fd ${r.fd}`).join(', ') || '—'}`,
    `- threads only: ${ns.tids.join(', ') || '—'}`,
    `- for children of: ${ns.forChildrenPids.join(', ') || '—'}`,
  ];
  if (ns.user) {
    lines.push(
      `- owner UID: ${ns.user.ownerUid ?? 'unknown'}`,
      `- UID map: ${idMapText(ns.user.uidMap)}`,
      `- GID map: ${idMapText(ns.user.gidMap)}`,
      `- setgroups: ${ns.user.setgroups ?? 'unknown'}`,
    );
  }
  const children = [...result.namespaces.values()].filter((other) => other.parent && idKey(other.parent) === idKey(ns.id));
  if (children.length) lines.push(`- child namespaces: ${children.slice(0, MAX_LISTED).map((child) => namespaceLink(child, here)).join(', ')}`);
  if (ns.container) {
    const { engine, id } = ns.container;
    const siblings = [...result.namespaces.values()].filter((other) => other !== ns && other.container?.engine === engine && other.container.id === id);
    lines.push('', '## Container', '', ...containerFactLines(ns.container));
    if (siblings.length) lines.push(`- its other namespaces: ${siblings.slice(0, MAX_LISTED).map((other) => namespaceLink(other, here)).join(', ')}`);
  }
  if (context.interfaces) lines.push('', ...interfaceLines(context.interfaces, context.peers, result, here));
  lines.push('', `## Processes (${ns.pids.length})`, '');
  for (const pid of ns.pids.slice(0, MAX_LISTED)) lines.push(`- ${processLine(pid, result, here)}`);
  if (ns.pids.length > MAX_LISTED) lines.push(`- … and ${ns.pids.length - MAX_LISTED} more`);
  return lines.join('\n') + '\n';
}

export function processDetails(process: ProcessInfo, result: DiscoveryResult, context: DetailsContext = {}): string {
  const here = processDetailsPath(process);
  const lines = [
    `# ${escapeMarkdown(process.command)} (PID ${process.pid})`,
    '',
    `- PID: ${process.pid} on the host, ${innerPid(process)} in its PID namespace`,
    `- PID in each PID namespace, host first: ${process.nspid.join(' → ')}`,
    `- parent PID: ${pidLink(process.ppid, result, here, `${process.ppid}`)}`,
    `- command: ${code(process.command)}`,
    `- command line: ${process.cmdline.length ? code(process.cmdline.join(' '), DOCUMENT_LINE_MAX) : '— (kernel thread)'}`,
    `- UID: ${process.uid}`,
    `- threads: ${process.threads}`,
    `- started: ${startTimeText(process.startTicks, context.bootTimeSec, context.nowMs ?? Date.now())}`,
    `- cgroup: ${code(process.cgroup || '/', LINE_MAX)}`,
    `- container: ${process.container ? code(containerText(process.container)) : 'none'}`,
    '',
    '## Namespaces',
    '',
  ];
  // Each namespace by the name the tree gives it ("host", a container, a hostname, an ip netns name).
  const host = hostNamespaces(result, context.readerPid);
  for (const type of NS_TYPES) {
    const ino = process.namespaces[type];
    if (ino === undefined) continue;
    const ns = result.namespaces.get(idKey({ dev: result.nsfsDev, ino }));
    lines.push(`- ${type}: ${ns ? `${namespaceLink(ns, here, `${ino}`)} · ${code(namespaceName(ns, result, isHostNamespace(ns, host)))}` : ino}`);
  }
  return lines.join('\n') + '\n';
}

/** A network namespace's interfaces: name, kind, state, MTU, MAC and addresses; every string is the host's. */
function interfaceLines(interfaces: NonNullable<DetailsContext['interfaces']>, peers: DetailsContext['peers'], result: DiscoveryResult, here: string): string[] {
  if ('error' in interfaces) return ['## Interfaces', '', `Could not be read: ${code(interfaces.error, LINE_MAX)}`];
  const lines = [`## Interfaces (${interfaces.length})`, ''];
  for (const iface of interfaces.slice(0, MAX_LISTED)) {
    const facts = [iface.kind, iface.state, `mtu ${iface.mtu}`];
    if (iface.mac) facts.push(code(iface.mac));
    if (iface.master) facts.push(`in ${code(iface.master)}`);
    if (iface.linkName) facts.push(`peer ${code(iface.linkName)}`);
    else if (iface.linkNetnsid !== undefined) {
      const peer = peers?.get(iface.linkNetnsid);
      const where = peer ? `${namespaceLink(peer, here)} (${escapeMarkdown(peerName(peer, result))})` : `nsid ${iface.linkNetnsid}`;
      facts.push(`peer ifindex ${iface.linkIndex ?? '?'} in ${where}`);
    }
    lines.push(`- ${code(iface.name)} (${facts.join(', ')})`);
    for (const address of iface.addresses) lines.push(`  - ${address.family === 'inet' ? 'IPv4' : 'IPv6'} ${code(address.cidr)} scope ${escapeMarkdown(address.scope)}`);
  }
  if (interfaces.length > MAX_LISTED) lines.push(`- … and ${interfaces.length - MAX_LISTED} more`);
  return lines;
}

/** A process of a list: a link to its document, its PID inside when that differs, its command line. */
function processLine(pid: number, result: DiscoveryResult, here: string): string {
  const p = result.processes.get(pid);
  if (!p) return `PID ${pid}`;
  const inner = innerPid(p);
  return `${processLink(p, here)}${inner === pid ? '' : ` (${inner} inside)`} ${code(p.cmdline.join(' ') || p.command, LINE_MAX)}`;
}

/** What a person knows the peer's namespace by (namespaceName, without the reader's "host" guess). */
function peerName(peer: Namespace, result: DiscoveryResult): string {
  return namespaceName(peer, result, isHostNamespace(peer, hostNamespaces(result, undefined)));
}

/** A PID as a link to its process' document when discovery saw that process. */
function pidLink(pid: number, result: DiscoveryResult, here: string, text: ProcessLinkText = `PID ${pid}`): string {
  const p = result.processes.get(pid);
  return p ? processLink(p, here, text) : text;
}

/** A related namespace (owner, parent) as a link to its document, or its inode when discovery did not see it. */
function linkById(result: DiscoveryResult, id: NamespaceId | null, here: string): string {
  if (!id) return '—';
  const ns = result.namespaces.get(idKey(id));
  return ns ? namespaceLink(ns, here) : `[${id.ino}]`;
}
