// Where each "Show Details" document lives under the nsinspector: scheme, and Markdown links
// between them. VS Code's Markdown preview runs no command: links (it never enables command
// URIs), so a related namespace or process is a *relative* link to its own details document,
// which the preview opens in place. Relative, because the preview resolves a link that starts
// with "/" against the workspace folder. Link text is ours (type, inode, PID) or escaped host text.
import type { Namespace } from '../model/namespace';
import type { NsType } from '../model/nsType';
import { NS_TYPES } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import { escapeMarkdown } from './markdownText';

/** "/namespace/net-4026532315.md": a path that names the namespace on its own (the nsfs device is the result's). */
export function namespaceDetailsPath(ns: Pick<Namespace, 'type' | 'id'>): string {
  return `/namespace/${ns.type}-${ns.id.ino}.md`;
}

/** "/process/1234-sleep.md": the command only makes the tab readable; the PID names it. */
export function processDetailsPath(process: Pick<ProcessInfo, 'pid' | 'command'>): string {
  return `/process/${process.pid}-${process.command.replace(/[^\w.-]/g, '_').slice(0, 40)}.md`;
}

/** What a details path names, when it names something: for a link followed without a query. */
export function parseDetailsPath(path: string): { kind: 'namespace'; type: NsType; ino: number } | { kind: 'process'; pid: number } | undefined {
  const ns = /^\/namespace\/([a-z]+)-(\d+)\.md$/.exec(path);
  if (ns && (NS_TYPES as readonly string[]).includes(ns[1])) return { kind: 'namespace', type: ns[1] as NsType, ino: Number(ns[2]) };
  const process = /^\/process\/(\d+)(?:-[\w.-]*)?\.md$/.exec(path);
  return process ? { kind: 'process', pid: Number(process[1]) } : undefined;
}

/** A link from a document under `from` to a namespace's document: `[net:[4026532315]](../namespace/…)`. */
export function namespaceLink(ns: Pick<Namespace, 'type' | 'id'>, from: 'namespace' | 'process', text = `${ns.type}:[${ns.id.ino}]`): string {
  return `[${escapeMarkdown(text)}](${relative(namespaceDetailsPath(ns), from)})`;
}

/** A link to a process' document, its text "PID 1234". */
export function processLink(process: Pick<ProcessInfo, 'pid' | 'command'>, from: 'namespace' | 'process', text = `PID ${process.pid}`): string {
  return `[${escapeMarkdown(text)}](${relative(processDetailsPath(process), from)})`;
}

/**
 * Off: following such a link in VS Code's Markdown preview (1.139, browser workbench) did not
 * bring up the linked document in the e2e test (test/e2e/productPolish.e2e.ts), so the documents
 * name related items as text until a way that works is found and tested.
 */
export const FOLLOW_LINKS = false;

/**
 * A related item as a link when links are on, else as its text: ours ("user:[4026531837]",
 * "PID 1234") as written, which Markdown shows as is (no reference definitions exist here),
 * anything else escaped.
 */
export function related(link: string, text: string): string {
  if (FOLLOW_LINKS) return link;
  return /^([a-z]+:\[\d+\]|PID \d+)$/.test(text) ? text : escapeMarkdown(text);
}

function relative(path: string, from: 'namespace' | 'process'): string {
  const [, folder, file] = path.split('/');
  return folder === from ? file : `../${folder}/${file}`;
}
