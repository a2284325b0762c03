import type { DiscoveryResult } from '../core/model/result';
import type { ResultFilter } from '../core/model/filter';
import { filteredNamespaces } from '../core/model/filter';
import { byTypeThenInode } from '../core/model/namespaceOrder';
import { HELD_BY_WORD, holdersOf } from '../core/tree/heldBy';
import type { Namespace } from '../core/model/namespace';
import { hostText, LINE_MAX } from '../core/text/hostText';
import type { ContainerRef } from '../core/model/container';
import { containerName } from '../core/model/container';

/** A readable table, one namespace a line, in the spirit of lsns. */
export function formatTable(result: DiscoveryResult, filter: ResultFilter): string {
  const rows = filteredNamespaces(result, filter)
    .sort(byTypeThenInode)
    .map(row);
  const header = ['TYPE', 'NS', 'PROCS', 'PARENT', 'OWNER', 'HELD BY', 'CONTAINER', 'LABEL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const lines = [header, ...rows].map((cells) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '),
  );
  const { skipped } = result;
  const notes = [`${rows.length} namespaces, ${result.processes.size} processes`];
  if (skipped.processes) notes.push(`${skipped.processes} processes not visible or gone`);
  if (!result.privileged) notes.push('run as root to see every process');
  for (const warning of result.warnings) notes.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n\n${notes.join('; ')}\n`;
}

function row(ns: Namespace): string[] {
  return [
    ns.type,
    String(ns.id.ino),
    String(ns.pids.length),
    ns.parent ? String(ns.parent.ino) : '-',
    ns.owner ? String(ns.owner.ino) : '-',
    holdersOf(ns).map((h) => HELD_BY_WORD[h]).join(',') || HELD_BY_WORD.descendants,
    ns.container ? containerCell(ns.container) : '-',
    // Host text: a comm or name with terminal escapes must not drive the reader's terminal.
    hostText(ns.label),
  ];
}

/** "engine:name", whole: a cut name is a name nobody knows. Control characters shown as "?". */
export function containerCell(container: ContainerRef): string {
  return `${container.engine}:${hostText(containerName(container), LINE_MAX)}`;
}

