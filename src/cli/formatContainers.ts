import type { DiscoveryResult } from '../core/model/result';
import { containerName } from '../core/model/container';
import { listContainers } from '../core/model/containerJson';
import { hostText, LINE_MAX } from '../core/text/hostText';

/** `nsinspect containers`: one container a line, names whole. */
export function formatContainers(result: DiscoveryResult): string {
  const rows = listContainers(result).map(({ container, pids }) => [
    container.engine,
    hostText(containerName(container), LINE_MAX),
    container.id.length === 64 ? container.id.slice(0, 12) : hostText(container.id, LINE_MAX),
    hostText(container.facts?.image ?? '-', LINE_MAX),
    hostText(container.facts?.state ?? '-', LINE_MAX),
    hostText(container.facts?.podName ?? container.pod ?? '-', LINE_MAX),
    container.sharesWithHost?.length ? container.sharesWithHost.join(',') : '-',
    container.parent ? `${container.parent.engine}:${hostText(containerName(container.parent), LINE_MAX)}` : '-',
    String(pids.length),
  ]);
  const header = ['ENGINE', 'NAME', 'ID', 'IMAGE', 'STATE', 'POD', 'HOST NS', 'IN', 'PROCS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const lines = [header, ...rows].map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  const notes = [`${rows.length} containers`];
  if (!result.privileged) notes.push('run as root to see every container');
  return `${lines.join('\n')}\n\n${notes.join('; ')}\n`;
}
