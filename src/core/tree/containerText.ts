// Everything the view and the documents say about a container, in one place: the engines'
// strings (names, images, labels) are hostile and pass through hostText (capped at LINE_MAX, far beyond
// any engine's name, which is never cut) and the Markdown escapes here, and nowhere else.
import type { ContainerRef } from '../model/container';
import { containerName } from '../model/container';
import type { NsType } from '../model/nsType';
import { code, escapeMarkdown } from './markdownText';
import { hostText, LINE_MAX } from '../text/hostText';

const HEX_ID = /^[0-9a-f]{64}$/;

const SHARED_TEXT: Partial<Record<NsType, string>> = {
  net: 'host network',
  pid: 'host PID',
  user: 'host user namespace',
  ipc: 'host IPC',
  uts: 'host UTS',
};

const EVIDENCE_TEXT: Record<NonNullable<ContainerRef['evidence']>, string> = {
  cgroup: 'its cgroup path',
  ancestry: 'its monitor process',
  both: 'its cgroup path and its monitor process',
};

/** "docker web-1", or the short id when no engine or monitor named it ("docker 3f2a1b9c0d12"). */
export function containerText(container: ContainerRef): string {
  const name = containerName(container);
  return `${container.engine} ${hostText(name === container.id && HEX_ID.test(name) ? name.slice(0, 12) : name, LINE_MAX)}`;
}

/** The group's label: the name, whole (the engine is its icon); unnamed, engine and short id. */
export function containerLabel(container: ContainerRef): string {
  const name = containerName(container);
  return name === container.id ? containerText(container) : hostText(name, LINE_MAX);
}

/** What it shares with the host, in words ("host network, host PID"); the user namespace is said only in the tooltip. */
export function sharedWithHostText(container: ContainerRef, withUser = false): string {
  return (container.sharesWithHost ?? [])
    .filter((type) => withUser || type !== 'user')
    .map((type) => SHARED_TEXT[type] ?? `host ${type}`)
    .join(', ');
}

/** The group's description: image, state, what it shares with the host. */
export function containerDescription(container: ContainerRef): string[] {
  const facts = container.facts;
  // What it shares with the host first: a narrow sidebar cuts the end of the description.
  const shared = sharedWithHostText(container);
  return [...(shared ? [`⚠ ${shared}`] : []), ...[facts?.image, facts?.state].filter((part): part is string => !!part).map((part) => hostText(part, LINE_MAX))];
}

/** An engine string as literal Markdown: a code span no backtick run in it can close. */
function literal(text: string): string {
  return code(hostText(text, LINE_MAX), LINE_MAX);
}

/** The container's facts as Markdown lines, for tooltips and the details document. */
export function containerFactLines(container: ContainerRef): string[] {
  const facts = container.facts ?? {};
  const text = (value: string) => escapeMarkdown(hostText(value, LINE_MAX));
  const lines = [`- engine: ${container.engine}${container.namespace ? ` (namespace ${literal(container.namespace)})` : ''}`, `- id: ${literal(container.id)}`];
  if (facts.image) lines.push(`- image: ${literal(facts.image)}`);
  if (facts.state) lines.push(`- state: ${text(facts.state)}`);
  if (facts.podName || container.pod) {
    lines.push(`- pod: ${facts.podName ? text(facts.podName) : ''}${facts.podNamespace ? ` in ${text(facts.podNamespace)}` : ''}${container.pod ? ` (uid ${literal(container.pod)})` : ''}`);
  }
  if (facts.composeProject) lines.push(`- compose project: ${text(facts.composeProject)}`);
  if (container.ownerUid !== undefined) lines.push(`- rootless, owned by UID ${container.ownerUid}`);
  const shared = sharedWithHostText(container, true);
  if (shared) lines.push(`- shares with the host: ${shared}`);
  if (container.parent) lines.push(`- runs inside: ${text(containerText(container.parent))}`);
  const labels = Object.entries(facts.labels ?? {});
  if (labels.length) {
    lines.push(`- labels: ${labels.slice(0, 12).map(([key, value]) => literal(`${key}=${value}`)).join(', ')}${labels.length > 12 ? `, … (${labels.length - 12} more)` : ''}`);
  }
  lines.push(`- found by: ${EVIDENCE_TEXT[container.evidence ?? 'cgroup']}${container.facts ? '' : '; no engine named it (ids only)'}`);
  return lines;
}

/** The group's tooltip (Markdown). */
export function containerTooltip(container: ContainerRef): string {
  return [`**${escapeMarkdown(containerText(container))}**`, '', ...containerFactLines(container)].join('\n');
}

/** Words the view's filter looks in: id, engine, names, image, pod. */
export function containerSearchText(container: ContainerRef): string[] {
  const facts = container.facts;
  return [container.id, container.monitorName, facts?.name, facts?.image, facts?.podName, facts?.podNamespace, container.pod, facts?.composeProject]
    .filter((word): word is string => !!word)
    .map((word) => word.toLowerCase());
}

/** The codicon of each engine's group. */
export const ENGINE_ICONS: Record<ContainerRef['engine'], string> = {
  docker: 'package',
  podman: 'archive',
  containerd: 'layers',
  kubernetes: 'cloud',
  lxc: 'server-environment',
  nspawn: 'vm-outline',
};
