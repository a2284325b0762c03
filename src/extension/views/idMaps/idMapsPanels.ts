// The open ID-maps panels, one per user namespace (showing one again reveals it), and their
// restore after a window reload.
import * as vscode from 'vscode';
import { idKey, type NamespaceId } from '../../../core/model/namespaceId';
import { checkIdMapsState, ID_MAPS_VIEW_TYPE } from '../../../core/idmaps/idMapsMessages';
import { Disposable } from '../../disposable';
import { registerPanelSerializer } from '../../webviews/panelSerializer';
import type { NamespacesView } from '../namespacesView';
import { IdMapsPanel } from './idMapsPanel';

export class IdMapsPanels extends Disposable {
  private readonly panels = new Map<string, IdMapsPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(registerPanelSerializer(ID_MAPS_VIEW_TYPE, checkIdMapsState, (panel, state) => void this.adopt(panel, state), log));
    this._register({ dispose: () => [...this.panels.values()].forEach((p) => p.panel.dispose()) });
  }

  get open(): IdMapsPanel[] {
    return [...this.panels.values()];
  }

  show(target: NamespaceId): IdMapsPanel {
    const existing = this.panels.get(idKey(target));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(ID_MAPS_VIEW_TYPE, `ID Maps: user ${target.ino}`, vscode.ViewColumn.Active, {});
    return this.adopt(panel, target);
  }

  private adopt(panel: vscode.WebviewPanel, target: NamespaceId): IdMapsPanel {
    const idMaps = new IdMapsPanel(panel, { dev: target.dev, ino: target.ino }, this.extensionUri, this.view, this.log);
    const key = idKey(target);
    this.panels.get(key)?.panel.dispose();
    this.panels.set(key, idMaps);
    idMaps.onDidDispose(() => this.panels.get(key) === idMaps && this.panels.delete(key));
    return idMaps;
  }
}
