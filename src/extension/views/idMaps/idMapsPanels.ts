// The open ID-maps panels, one per user namespace, restored after a window reload.
import type * as vscode from 'vscode';
import { idKey, type NamespaceId } from '../../../core/model/namespaceId';
import { checkIdMapsState, ID_MAPS_VIEW_TYPE } from '../../../core/idmaps/idMapsMessages';
import { PanelSet } from '../../webviews/panelSet';
import type { NamespacesView } from '../namespacesView';
import { IdMapsPanel } from './idMapsPanel';

export class IdMapsPanels extends PanelSet<NamespaceId, IdMapsPanel> {
  constructor(extensionUri: vscode.Uri, view: NamespacesView, log: vscode.LogOutputChannel) {
    super(
      {
        viewType: ID_MAPS_VIEW_TYPE,
        validateState: checkIdMapsState,
        key: idKey,
        title: (target) => `ID Maps: user ${target.ino}`,
        create: (panel, target) => new IdMapsPanel(panel, { dev: target.dev, ino: target.ino }, extensionUri, view, log),
      },
      log,
    );
  }
}
