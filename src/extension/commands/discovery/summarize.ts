// Counts discovered namespaces per type for the summary message. Pure, so it is easy to test.
import { NS_TYPES, type NsType } from '../../../core/model/nsType';
import { TYPE_TITLES } from '../../../core/tree/typeTitles';
import { code } from '../../../core/tree/markdownText';
import { LINE_MAX } from '../../../core/text/hostText';

export type CountsByType = Record<NsType, number>;

export function countByType(namespaces: Iterable<{ type: NsType }>): CountsByType {
  const counts = Object.fromEntries(NS_TYPES.map((type) => [type, 0])) as CountsByType;
  for (const ns of namespaces) counts[ns.type]++;
  return counts;
}

/** E.g. "42 namespaces (mnt 12, pid 8, …) in 310 processes". */
export function summaryText(counts: CountsByType, processCount: number): string {
  const total = NS_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const perType = NS_TYPES.map((type) => `${type} ${counts[type]}`).join(', ');
  return `${total} namespaces (${perType}) in ${processCount} processes`;
}

/**
 * The summary as a Markdown document, to read and copy: a table per type, when it was taken and
 * what discovery could not read (warnings carry host paths and names: code spans).
 */
export function summaryMarkdown(counts: CountsByType, processCount: number, takenAt: Date, warnings: readonly string[] = []): string {
  const total = NS_TYPES.reduce((sum, type) => sum + counts[type], 0);
  const lines = [
    '# Namespace summary',
    '',
    `${total} namespaces in ${processCount} processes, discovered ${takenAt.toLocaleString()}. Run **Show Namespace Summary** again for a new count.`,
    '',
    '| Type | Isolates | Namespaces |',
    '| --- | --- | ---: |',
    ...NS_TYPES.map((type) => `| ${type} | ${TYPE_TITLES[type]} | ${counts[type]} |`),
    `| all | | ${total} |`,
  ];
  if (warnings.length) lines.push('', `## Warnings (${warnings.length})`, '', ...warnings.slice(0, 50).map((w) => `- ${code(w, LINE_MAX)}`));
  return lines.join('\n') + '\n';
}
