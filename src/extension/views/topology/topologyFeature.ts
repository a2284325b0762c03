// The network topology feature: the panel and the captures; the page's messages run the network
// commands (answerTopologyPage). Commands reach it through CommandContext.topology.
import * as vscode from 'vscode';
import type { Topology } from '../../../core/net/topology';
import { Disposable } from '../../disposable';
import { answerTopologyPage } from '../../commands/topology/answerTopologyPage';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import type { PrivilegedHelper } from '../../helper/privilegedHelper';
import type { IsolatedSessions } from '../../terminals/isolatedSessions';
import type { NamespacesView } from '../namespacesView';
import { collectForView } from './collectForView';
import { PcapCaptures } from './pcapCaptures';
import { TopologyPanels } from './topologyPanel';

export class TopologyFeature extends Disposable {
  readonly panels: TopologyPanels;
  readonly captures: PcapCaptures;
  private nextRequest = 1;

  constructor(
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly sessions: IsolatedSessions,
    private readonly helper: PrivilegedHelper,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.panels = this._register(new TopologyPanels(extensionUri, view, sessions, helper, log));
    this.captures = this._register(new PcapCaptures(helper, log));
    this._register(this.captures.onDidChange((list) => this.panels.current?.postCaptures(list)));
    this._register(
      this.panels.onDidCreate((panel) => {
        panel.postCaptures(this.captures.list());
        panel.onMessage((message) => void answerTopologyPage(view, panel, message, log).catch((error: unknown) => log.error(`topology: ${String(error)}`)));
      }),
    );
  }

  /** The newest model: the open panel's, else a fresh one (without opening the panel). */
  async latest(): Promise<Topology | undefined> {
    const panel = this.panels.current;
    return (panel && (await panel.update())) ?? (await collectForView(this.view, this.sessions, this.helper));
  }

  /** Asks the page for its picture; resolves with SVG text or PNG bytes (base64). */
  requestExport(format: 'svg' | 'png', timeoutMs = 15_000): Promise<string> {
    const panel = this.panels.current;
    if (!panel) return Promise.reject(new Error('The Network Topology panel is not open.'));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error('The topology picture did not answer (is the panel drawn?).'));
      }, timeoutMs);
      const listener = panel.onMessage((message) => {
        if (message.type !== 'exported' || message.requestId !== requestId) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(message.data);
      });
      panel.channel.post({ type: 'exportRequest', requestId, format });
    });
  }

  /** Export to `target`, or to a file the user picks; returns the path written. */
  async exportPicture(format: 'svg' | 'png', target?: vscode.Uri): Promise<string | undefined> {
    if (!this.panels.current) this.panels.show();
    const data = await this.requestExport(format);
    // A folder on this machine: a container folder (nsfs-root) may come first in a workspace.
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: `Export Network Topology as ${format.toUpperCase()}`,
        defaultUri: folder && vscode.Uri.joinPath(folder, `network-topology.${format}`),
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      }));
    if (!uri) return undefined;
    // Through VS Code's file system, never uri.fsPath: a place picked in a container folder is a
    // path inside that container (whose provider may refuse), not the same path on the host.
    await vscode.workspace.fs.writeFile(uri, format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64'));
    const written = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    this.log.info(`topology: exported ${format} to ${written}`);
    void confirmExport(uri, written);
    return written;
  }
}

/** Says where the picture went, with the ways to look at it. */
async function confirmExport(uri: vscode.Uri, written: string): Promise<void> {
  // Reveal in the OS needs a desktop on this machine; in a browser or remote window the Explorer
  // can reveal a file of the workspace.
  const local = vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  const reveal = local ? 'Reveal in File Manager' : inWorkspace ? 'Reveal in Explorer' : undefined;
  const choice = await vscode.window.showInformationMessage(`Exported the network topology to ${hostTextForUi(written, LINE_MAX)}.`, 'Open', ...(reveal ? [reveal] : []));
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', uri);
  else if (choice === reveal) await vscode.commands.executeCommand(local ? 'revealFileInOS' : 'revealInExplorer', uri);
}
