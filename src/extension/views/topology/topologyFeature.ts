// The network topology feature: the panel, the actions and the captures, and what the page's
// messages do. Commands reach it through CommandContext.topology.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FromTopologyWebview } from '../../../core/net/topologyMessages';
import type { NamespaceId } from '../../../core/model/namespaceId';
import { Disposable } from '../../disposable';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import { COMMAND_IDS } from '../../commands/commandIds';
import type { PrivilegedHelper } from '../../helper/privilegedHelper';
import type { IsolatedSessions } from '../../terminals/isolatedSessions';
import type { NamespacesView } from '../namespacesView';
import { collectForView } from './collectForView';
import { PcapCaptures } from './pcapCaptures';
import { TopologyActions } from './topologyActions';
import { TopologyPanels, type TopologyPanel } from './topologyPanel';

export class TopologyFeature extends Disposable {
  readonly panels: TopologyPanels;
  readonly captures: PcapCaptures;
  readonly actions: TopologyActions;
  private nextRequest = 1;

  constructor(
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    sessions: IsolatedSessions,
    helper: PrivilegedHelper,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.panels = this._register(new TopologyPanels(extensionUri, view, sessions, helper, log));
    this.captures = this._register(new PcapCaptures(helper, log));
    this.actions = new TopologyActions(helper, this.panels, this.captures, log, () => view.refresh());
    this.actions.collectWithoutPanel = () => collectForView(view, sessions, helper);
    this._register(this.captures.onDidChange((list) => this.panels.current?.postCaptures(list)));
    this._register(
      this.panels.onDidCreate((panel) => {
        panel.postCaptures(this.captures.list());
        panel.onMessage((message) => void this.handle(panel, message).catch((error: unknown) => log.error(`topology: ${String(error)}`)));
      }),
    );
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
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: `Export Network Topology as ${format.toUpperCase()}`,
        defaultUri: folder && vscode.Uri.joinPath(folder, `network-topology.${format}`),
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      }));
    if (!uri) return undefined;
    fs.writeFileSync(uri.fsPath, format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64'));
    this.log.info(`topology: exported ${format} to ${uri.fsPath}`);
    void confirmExport(uri);
    return uri.fsPath;
  }

  private async handle(panel: TopologyPanel, message: FromTopologyWebview): Promise<void> {
    switch (message.type) {
      case 'namespaceAction': {
        const nodeId = `ns:${message.namespaceKey}`;
        const [dev, ino] = message.namespaceKey.split(':').map(Number);
        const id: NamespaceId = { dev, ino };
        switch (message.action) {
          case 'openShell':
            await this.view.refresh();
            await vscode.commands.executeCommand(COMMAND_IDS.openShell, nodeId, { types: ['net'] });
            return;
          case 'showInTree':
            await vscode.commands.executeCommand('nsInspector.namespaces.focus');
            await this.view.refresh();
            if ((await this.view.revealNamespaces([id])) === 0) {
              void vscode.window.showInformationMessage('The Namespaces view does not show that namespace (filter or shown types).');
            }
            return;
          case 'showIdMaps':
            await this.view.refresh();
            await vscode.commands.executeCommand(COMMAND_IDS.showIdMaps, nodeId);
            return;
          // The page's buttons run the same commands as the Namespaces view and the palette.
          case 'connectFrom':
            await vscode.commands.executeCommand(COMMAND_IDS.connectVeth, { a: message.namespaceKey });
            return;
          case 'deleteNamespace':
            await vscode.commands.executeCommand(COMMAND_IDS.deleteNetns, message.namespaceKey);
            return;
        }
        return;
      }
      case 'interfaceAction':
        if (message.action === 'capture') await this.actions.capture(message.namespaceKey, message.ifname);
        else await vscode.commands.executeCommand(message.action === 'linkUp' ? COMMAND_IDS.linkUp : COMMAND_IDS.linkDown, message.namespaceKey, message.ifname);
        return;
      case 'globalAction':
        switch (message.action) {
          case 'refresh':
            await panel.update();
            return;
          case 'createNamespace':
            await vscode.commands.executeCommand(COMMAND_IDS.createNetns);
            return;
          case 'connect':
            await vscode.commands.executeCommand(COMMAND_IDS.connectVeth);
            return;
          case 'exportSvg':
          case 'exportPng':
            await this.exportPicture(message.action === 'exportSvg' ? 'svg' : 'png');
            return;
        }
        return;
      case 'stopCapture':
        await this.captures.stop(message.captureId);
        return;
      case 'exported':
      case 'rendered':
        return;
    }
  }
}

/** Says where the picture went, with the ways to look at it. */
async function confirmExport(uri: vscode.Uri): Promise<void> {
  // Reveal in the OS needs a desktop on this machine; in a browser or remote window the Explorer
  // can reveal a file of the workspace.
  const local = vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  const reveal = local ? 'Reveal in File Manager' : inWorkspace ? 'Reveal in Explorer' : undefined;
  const choice = await vscode.window.showInformationMessage(`Exported the network topology to ${hostTextForUi(uri.fsPath, LINE_MAX)}.`, 'Open', ...(reveal ? [reveal] : []));
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', uri);
  else if (choice === reveal) await vscode.commands.executeCommand(local ? 'revealFileInOS' : 'revealInExplorer', uri);
}
