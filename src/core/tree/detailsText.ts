// The "Show Details" document: everything discovery knows about one namespace or process, as
// Markdown. Long lists are cut so a namespace of thousands of processes stays readable. Host text
// is always in code spans (markdownText): a Markdown preview of the document shows no link from it.
import type { Namespace } from '../model/namespace';
import { NS_TYPES } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import type { DiscoveryResult } from '../model/result';
import { idKey } from '../model/namespaceId';
import { containerFactLines, containerText } from './containerText';
import { code, escapeMarkdown } from './markdownText';
import { LINE_MAX } from '../text/hostText';
import { idMapText, nsRef, refById } from './nsRefText';
import { innerPid } from './pidInNamespace';
import { TYPE_TITLES } from './typeTitles';

const MAX_LISTED = 200;
/** A whole command line in the process's own document (the addon keeps at most 4 KiB of it). */
const DOCUMENT_LINE_MAX = 8192;

export function namespaceDetails(ns: Namespace, result: DiscoveryResult): string {
  const lines = [
    `# ${nsRef(ns)} ${escapeMarkdown(ns.label)}`,
    '',
    `- type: ${ns.type} (${TYPE_TITLES[ns.type]})`,
    `- inode: ${ns.id.ino}`,
    `- device: ${ns.id.dev}`,
    `- label: ${ns.label ? code(ns.label) : '—'}`,
    `- owner: ${refById(result, ns.owner)}`,
    `- parent: ${refById(result, ns.parent)}`,
    `- container: ${ns.container ? code(containerText(ns.container)) : 'none (host)'}`,
    `- most senior process: ${ns.senior === null ? '—' : processLine(ns.senior, result)}`,
    `- leaders: ${ns.leaders.join(', ') || '—'}`,
    `- bind mounts: ${ns.bindMounts.map((m) => `${code(m.path, LINE_MAX)} (in mnt:[${m.mntns}])`).join(', ') || '—'}`,
    `- held open by: ${ns.fdRefs.map((r) => `PID ${r.pid} fd ${r.fd}`).join(', ') || '—'}`,
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
  if (ns.container) lines.push('', '## Container', '', ...containerFactLines(ns.container));
  const children = [...result.namespaces.values()].filter((other) => other.parent && idKey(other.parent) === idKey(ns.id));
  if (children.length) lines.push(`- child namespaces: ${children.map(nsRef).join(', ')}`);
  lines.push('', `## Processes (${ns.pids.length})`, '');
  for (const pid of ns.pids.slice(0, MAX_LISTED)) lines.push(`- ${processLine(pid, result)}`);
  if (ns.pids.length > MAX_LISTED) lines.push(`- … and ${ns.pids.length - MAX_LISTED} more`);
  return lines.join('\n') + '\n';
}

export function processDetails(process: ProcessInfo, result: DiscoveryResult): string {
  const lines = [
    `# ${escapeMarkdown(process.command)} (PID ${process.pid})`,
    '',
    `- PID: ${process.pid} on the host, ${innerPid(process)} in its PID namespace`,
    `- PID in each PID namespace, host first: ${process.nspid.join(' → ')}`,
    `- parent PID: ${process.ppid}`,
    `- command: ${code(process.command)}`,
    `- command line: ${process.cmdline.length ? code(process.cmdline.join(' '), DOCUMENT_LINE_MAX) : '— (kernel thread)'}`,
    `- UID: ${process.uid}`,
    `- threads: ${process.threads}`,
    `- start time: ${process.startTicks} clock ticks after boot`,
    `- cgroup: ${code(process.cgroup || '/', LINE_MAX)}`,
    `- container: ${process.container ? code(containerText(process.container)) : 'none'}`,
    '',
    '## Namespaces',
    '',
  ];
  for (const type of NS_TYPES) {
    const ino = process.namespaces[type];
    if (ino === undefined) continue;
    const ns = result.namespaces.get(idKey({ dev: result.nsfsDev, ino }));
    lines.push(`- ${type}: ${ino}${ns?.label ? ` · ${code(ns.label)}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

function processLine(pid: number, result: DiscoveryResult): string {
  const p = result.processes.get(pid);
  if (!p) return `PID ${pid}`;
  const inner = innerPid(p);
  return `PID ${pid}${inner === pid ? '' : ` (${inner} inside)`} ${code(p.cmdline.join(' ') || p.command, LINE_MAX)}`;
}
