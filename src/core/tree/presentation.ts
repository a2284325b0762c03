// Labels, descriptions and tooltips of tree nodes, as plain strings and Markdown: the VS Code
// adapter only wraps them, so they are tested without VS Code.
import type { DiscoveryResult } from '../model/result';
import type { Namespace } from '../model/namespace';
import { containerDescription, containerLabel, containerText, containerTooltip } from './containerText';
import { code, escapeMarkdown } from './markdownText';
import { hostText, LINE_MAX } from '../text/hostText';
import { idMapText, nsRef, refById } from './nsRefText';
import { innerPid, pidText } from './pidInNamespace';
import type { NamespaceNode, ProcessNode, TreeNode } from './treeNode';
import { TYPE_TITLES } from './typeTitles';
import { HELD_BY_TEXT } from './heldBy';

export function nodeLabel(node: TreeNode): string {
  switch (node.kind) {
    case 'typeGroup':
      return node.type;
    case 'containerGroup':
      return node.container ? hostText(containerLabel(node.container)) : 'host';
    case 'sessionGroup':
      return 'Sessions';
    case 'session':
      return hostText(node.session.name);
    case 'namespace':
      return node.name;
    case 'process':
      return hostText(node.process.command) || `[${node.process.pid}]`;
    case 'limited':
      return `Limited view: ${plural(node.skipped.processes, 'process', 'processes')} not inspected`;
  }
}

/** "net 4026532315 · blue": type, inode and what people know it by (for pickers, where the inode sorts and matches). */
export function namespaceLabel(ns: Namespace): string {
  return `${ns.type} ${ns.id.ino}${ns.label ? ` · ${hostText(ns.label)}` : ''}`;
}

export function nodeDescription(node: TreeNode): string {
  const parts: string[] = [];
  switch (node.kind) {
    case 'typeGroup':
      parts.push(`${node.count} ${TYPE_TITLES[node.type]}`);
      break;
    case 'containerGroup':
      if (node.container) parts.push(...containerDescription(node.container));
      parts.push(plural(node.count, 'namespace', 'namespaces'));
      break;
    case 'sessionGroup':
      parts.push(plural(node.count, 'isolated terminal', 'isolated terminals'));
      break;
    case 'session':
      parts.push(`PID ${node.session.pid}`, node.namespaceCount ? plural(node.namespaceCount, 'namespace', 'namespaces') : 'no namespaces of its own yet');
      break;
    case 'namespace':
      if (node.session !== undefined && !node.inSession) parts.push(`session "${hostText(node.session)}"`);
      if (node.here) parts.push('you are here');
      parts.push(node.heldBy === 'processes' ? plural(node.processCount, 'process', 'processes') : HELD_BY_TEXT[node.heldBy]);
      // Type and inode last: a narrow sidebar cuts the end, and the name and count matter more.
      parts.push(`${node.ns.type} ${node.ns.id.ino}`);
      break;
    case 'process':
      parts.push(pidText(node.process));
      if (node.leader) parts.push('leader');
      if (node.here) parts.push('you are here');
      break;
    case 'limited':
      parts.push('click to see all');
      break;
  }
  return parts.join(' · ');
}

export function nodeTooltip(node: TreeNode, result: DiscoveryResult): string {
  switch (node.kind) {
    case 'typeGroup':
      return `${node.count} ${TYPE_TITLES[node.type]} namespaces`;
    case 'containerGroup':
      return node.container
        ? containerTooltip(node.container)
        : 'Namespaces of no container: the host and processes outside containers';
    case 'sessionGroup':
      return 'Isolated terminals that are open, each with the namespaces it made. A session goes away when its terminal closes.';
    case 'session':
      return `Isolated terminal ${code(node.session.name)}, started as PID ${node.session.pid}: the namespaces its processes are in and VS Code is not. "Show Terminal" brings it up.`;
    case 'namespace':
      return namespaceTooltip(node, result);
    case 'process':
      return processTooltip(node);
    case 'limited':
      return limitedViewText(node.skipped.processes);
  }
}

/** What the limited-view item says when clicked or hovered. */
export function limitedViewText(skippedProcesses: number): string {
  return (
    `Running without root privileges, Namespace Inspector could not inspect ${plural(skippedProcesses, 'process', 'processes')} ` +
    'and the namespaces only they are in. "Show All Namespaces (privileged)" reads them through the privileged helper, ' +
    'which asks for permission (pkexec or sudo); or run VS Code (or the VS Code server) as root.'
  );
}

function namespaceTooltip(node: NamespaceNode, result: DiscoveryResult): string {
  const ns = node.ns;
  const senior = ns.senior === null ? undefined : result.processes.get(ns.senior);
  const lines = [
    `**${escapeMarkdown(node.name)}** ${nsRef(ns)}${node.here ? ' — *you are here*' : ''}`,
    '',
    `- id (dev:inode): ${code(`${ns.id.dev}:${ns.id.ino}`)}`,
    `- owner: ${refById(result, ns.owner)}`,
  ];
  if (ns.type === 'pid' || ns.type === 'user') lines.push(`- parent: ${refById(result, ns.parent)}`);
  lines.push(`- processes: ${ns.pids.length}${ns.leaders.length ? ` (leaders ${ns.leaders.slice(0, 5).join(', ')}${ns.leaders.length > 5 ? ', …' : ''})` : ''}`);
  if (ns.hostname !== undefined) lines.push(`- hostname: ${code(ns.hostname)}`);
  if (senior) lines.push(`- most senior: PID ${senior.pid} ${code(senior.command)}`);
  if (ns.bindMounts.length) lines.push(`- bind mounts: ${[...new Set(ns.bindMounts.map((m) => m.path))].map((path) => code(path, LINE_MAX)).join(', ')}`);
  if (ns.fdRefs.length) lines.push(`- fd holders: ${ns.fdRefs.map((r) => `PID ${r.pid} fd ${r.fd}`).join(', ')}`);
  if (ns.container) lines.push(`- container: ${escapeMarkdown(containerText(ns.container))}`);
  if (ns.user) {
    lines.push(`- owner UID: ${ns.user.ownerUid ?? 'unknown'}`);
    lines.push(`- UID map: ${idMapText(ns.user.uidMap)}`);
    lines.push(`- GID map: ${idMapText(ns.user.gidMap)}`);
  }
  if (node.heldBy !== 'processes') lines.push(`- ${HELD_BY_TEXT[node.heldBy]}`);
  if (node.session !== undefined) lines.push(`- made by the isolated terminal ${code(node.session)}`);
  return lines.join('\n');
}

function processTooltip(node: ProcessNode): string {
  const p = node.process;
  const lines = [
    `**${escapeMarkdown(p.command)}** PID ${innerPid(p)}${innerPid(p) === p.pid ? '' : ` (host PID ${p.pid})`}${node.here ? ' — *you are here*' : ''}`,
    '',
    `- command line: ${code(p.cmdline.join(' ') || `[${p.command}]`, LINE_MAX)}`,
    `- PID in each PID namespace, host first: ${p.nspid.join(' → ')}`,
    `- parent PID: ${p.ppid}, UID: ${p.uid}, threads: ${p.threads}`,
  ];
  if (p.container) lines.push(`- container: ${escapeMarkdown(containerText(p.container))}`);
  if (node.leader) lines.push(`- leader: its parent is not in ${nsRef(node.ns)}`);
  return lines.join('\n');
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
