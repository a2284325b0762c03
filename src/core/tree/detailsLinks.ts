// Where each "Show Details" document lives under the nsinspector: scheme, and the Markdown links
// between them. VS Code's Markdown preview runs no command: links (it never enables command URIs),
// so a related namespace or process is a *relative* link to its own details document, which the
// preview opens in place. Relative, because the preview resolves a link that starts with "/"
// against the workspace folder. The path alone names the subject, with no query: the preview
// resolves a link against the URI of the document it is in and keeps that URI's query, so a
// query would carry the first document's subject into every document reached by a link.
// A link's text is ours (type, inode, PID), typed so that no host text can become one.
import { posix } from 'node:path';
import type { Namespace } from '../model/namespace';
import type { NsType } from '../model/nsType';
import { NS_TYPES } from '../model/nsType';
import type { ProcessInfo } from '../model/process';

/** What a details document shows: a namespace (its nsfs device is the result's) or one process. */
export type DetailsSubject = { kind: 'namespace'; type: NsType; ino: number } | { kind: 'process'; pid: number; startTicks: number };

/** "/namespace/net-4026532315.md". */
export function namespaceDetailsPath(ns: Pick<Namespace, 'type' | 'id'>): string {
  return `/namespace/${ns.type}-${ns.id.ino}.md`;
}

/**
 * "/process/123456/1234-sleep.md": the folder is the process' start (clock ticks after boot),
 * which with the PID names one process even after its PID is given to another; the command only
 * makes the tab readable.
 */
export function processDetailsPath(process: Pick<ProcessInfo, 'pid' | 'startTicks' | 'command'>): string {
  return `/process/${process.startTicks}/${process.pid}-${process.command.replace(/[^\w.-]/g, '_').slice(0, 40)}.md`;
}

/** What a details path names, when it names something. */
export function parseDetailsPath(path: string): DetailsSubject | undefined {
  const ns = /^\/namespace\/([a-z]+)-(\d+)\.md$/.exec(path);
  if (ns && (NS_TYPES as readonly string[]).includes(ns[1])) return { kind: 'namespace', type: ns[1] as NsType, ino: Number(ns[2]) };
  const process = /^\/process\/(\d+)\/(\d+)-[\w.-]*\.md$/.exec(path);
  return process ? { kind: 'process', pid: Number(process[2]), startTicks: Number(process[1]) } : undefined;
}

/** Our names for a namespace: "net:[4026532315]", or its inode alone where the type is said already. */
export type NamespaceLinkText = `${NsType}:[${number}]` | `${number}`;
/** Our names for a process: "PID 1234", or the bare number where the line says it is a PID. */
export type ProcessLinkText = `PID ${number}` | `${number}`;

/**
 * A link from the document at `fromPath` to a namespace's document, e.g.
 * `[user:[4026531837]](../namespace/user-4026531837.md)`.
 */
export function namespaceLink(ns: Pick<Namespace, 'type' | 'id'>, fromPath: string, text: NamespaceLinkText = `${ns.type}:[${ns.id.ino}]`): string {
  return `[${text}](${relativeTo(fromPath, namespaceDetailsPath(ns))})`;
}

/** A link from the document at `fromPath` to a process' document, its text "PID 1234". */
export function processLink(process: Pick<ProcessInfo, 'pid' | 'startTicks' | 'command'>, fromPath: string, text: ProcessLinkText = `PID ${process.pid}`): string {
  return `[${text}](${relativeTo(fromPath, processDetailsPath(process))})`;
}

/** `to` relative to the folder of the document at `from` (both absolute details paths). */
function relativeTo(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to);
}
