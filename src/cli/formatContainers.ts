import type { DiscoveryResult } from '../core/model/result';
import { containerName } from '../core/model/container';
import { listContainers } from '../core/model/containerJson';
import { printable } from '../core/tree/containerText';

/** `nsinspect containers`: one container a line, names whole. */
export function formatContainers(result: DiscoveryResult): string {
  const rows = listContainers(result).map(({ container, pids }) => [
    container.engine,
    printable(containerName(container)),
    container.id.length === 64 ? container.id.slice(0, 12) : printable(container.id),
    printable(container.facts?.image ?? '-'),
    printable(container.facts?.state ?? '-'),
    printable(container.facts?.podName ?? container.pod ?? '-'),
    container.sharesWithHost?.length ? container.sharesWithHost.join(',') : '-',
    container.parent ? `${container.parent.engine}:${printable(containerName(container.parent))}` : '-',
    String(pids.length),
  ]);
  const header = ['ENGINE', 'NAME', 'ID', 'IMAGE', 'STATE', 'POD', 'HOST NS', 'IN', 'PROCS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const lines = [header, ...rows].map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  const notes = [`${rows.length} containers`];
  if (!result.privileged) notes.push('run as root to see every container');
  return `${lines.join('\n')}\n\n${notes.join('; ')}\n`;
}
