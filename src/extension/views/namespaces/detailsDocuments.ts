// Read-only "Show Details" documents under the nsinspector: scheme. A document's path names what
// it shows (a namespace by type and inode, a process by PID and start time: detailsLinks.ts) and
// it is rendered from the latest discovery result, so open documents follow refreshes and say so
// when their subject is gone. Links between them are followed in VS Code's Markdown preview.
import * as vscode from 'vscode';
import { idKey } from '../../../core/model/namespaceId';
import type { Namespace } from '../../../core/model/namespace';
import type { ProcessInfo } from '../../../core/model/process';
import type { DiscoveryResult } from '../../../core/model/result';
import { namespaceDetails, processDetails, type DetailsContext } from '../../../core/tree/detailsText';
import { readBootTime } from '../../../core/parsers/bootTime';
import { readNamespaceInterfaces } from '../../../core/net/readNamespaceInterfaces';
import { peerNamespaces } from '../../../core/net/peerNamespaces';
import { nativeAddon } from '../../../core/discovery/nativeAddon';
import type { NetInterface } from '../../../core/net/topology';
import { namespaceDetailsPath, parseDetailsPath, processDetailsPath } from '../../../core/tree/detailsLinks';

export const DETAILS_SCHEME = 'nsinspector';

export function namespaceDetailsUri(ns: Namespace): vscode.Uri {
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: namespaceDetailsPath(ns) });
}

export function processDetailsUri(process: ProcessInfo): vscode.Uri {
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: processDetailsPath(process) });
}

/** The last Show Namespace Summary, as a document to read and copy. */
export const SUMMARY_URI = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: '/summary.md' });

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private summary = '# Namespace summary\n\nRun **Show Namespace Summary** to count the namespaces.\n';

  /** Keeps the latest summary (Markdown) for SUMMARY_URI and re-renders it where it is open. */
  setSummary(markdown: string): void {
    this.summary = markdown;
    this.changed.fire(SUMMARY_URI);
  }

  constructor(private readonly latest: () => DiscoveryResult | undefined) {}

  /** After a refresh: re-render the details documents that are open. */
  refreshOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === DETAILS_SCHEME && !doc.isClosed) this.changed.fire(doc.uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.path === SUMMARY_URI.path) return this.summary;
    const result = this.latest();
    if (!result) return 'Namespace Inspector has not discovered anything yet.\n';
    const subject = parseDetailsPath(uri.path);
    if (!subject) return `# Not found\n\nNamespace Inspector has no details document at this address.\n`;
    const context: DetailsContext = { bootTimeSec: readBootTime(), nowMs: Date.now(), readerPid: process.pid };
    if (subject.kind === 'namespace') {
      const ns = result.namespaces.get(idKey({ dev: result.nsfsDev, ino: subject.ino }));
      if (ns?.type !== subject.type) return gone(`The namespace ${subject.type}:[${subject.ino}]`);
      // Read here, for this one namespace, while its document is open: discovery never runs `ip`.
      if (ns.type === 'net') {
        context.interfaces = await readNamespaceInterfaces(ns);
        if (Array.isArray(context.interfaces)) context.peers = peersOf(ns, context.interfaces, result);
      }
      return namespaceDetails(ns, result, context);
    }
    const shown = result.processes.get(subject.pid);
    return shown?.startTicks === subject.startTicks ? processDetails(shown, result, context) : gone(`The process with PID ${subject.pid}`);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The namespaces of veth peers elsewhere; none when the addon cannot be loaded or asked. */
function peersOf(ns: Namespace, interfaces: NetInterface[], result: DiscoveryResult): Map<number, Namespace> | undefined {
  try {
    return peerNamespaces(ns, interfaces, result, nativeAddon());
  } catch {
    return undefined;
  }
}

function gone(what: string): string {
  return `# Gone\n\n${what} no longer exists: it was not found by the latest refresh.\n`;
}

