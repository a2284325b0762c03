// What the topology page's messages do: each button runs the same command as the Namespaces
// view and the palette (the page sends a topology key, "dev:ino", which those commands take).
// The switches are exhaustive: a message or action added to topologyMessages.ts without a case
// here is a type error, and one that still arrives unknown is logged and ignored, never taken
// for another.
import * as vscode from 'vscode';
import type { FromTopologyWebview, GlobalAction, InterfaceAction, NamespaceAction } from '../../../core/net/topologyMessages';
import { namespaceNodeId } from '../../../core/tree/nodeIds';
import type { NamespacesView } from '../../views/namespacesView';
import type { TopologyPanel } from '../../views/topology/topologyPanel';
import { COMMAND_IDS } from '../commandIds';

export async function answerTopologyPage(view: NamespacesView, panel: TopologyPanel, message: FromTopologyWebview, log: vscode.LogOutputChannel): Promise<void> {
  switch (message.type) {
    case 'namespaceAction':
      return namespaceAction(view, message.action, message.namespaceKey, log);
    case 'interfaceAction':
      return interfaceAction(message.action, message.namespaceKey, message.ifname, log);
    case 'globalAction':
      return globalAction(panel, message.action, log);
    case 'stopCapture':
      await vscode.commands.executeCommand(COMMAND_IDS.stopCapture, message.captureId);
      return;
    case 'exported': // answers requestExport, which listens itself
    case 'rendered': // the page's render report (the onMessage event carries it to tests)
      return;
    default:
      return ignored(log, 'message', message);
  }
}

async function namespaceAction(view: NamespacesView, action: NamespaceAction, key: string, log: vscode.LogOutputChannel): Promise<void> {
  const [dev, ino] = key.split(':').map(Number);
  // Open Shell and Show ID Maps act on a Namespaces tree item: the namespace's node id.
  const nodeId = namespaceNodeId({ dev, ino });
  switch (action) {
    case 'openShell':
      await view.refresh();
      await vscode.commands.executeCommand(COMMAND_IDS.openShell, nodeId, { types: ['net'] });
      return;
    case 'showInTree':
      await vscode.commands.executeCommand('nsInspector.namespaces.focus');
      await view.refresh();
      if ((await view.revealNamespaces([{ dev, ino }])) === 0) {
        void vscode.window.showInformationMessage('The Namespaces view does not show that namespace (filter or shown types).');
      }
      return;
    case 'showIdMaps':
      await view.refresh();
      await vscode.commands.executeCommand(COMMAND_IDS.showIdMaps, nodeId);
      return;
    case 'connectFrom':
      await vscode.commands.executeCommand(COMMAND_IDS.connectVeth, { a: key });
      return;
    case 'deleteNamespace':
      await vscode.commands.executeCommand(COMMAND_IDS.deleteNetns, key);
      return;
    default:
      return ignored(log, 'namespace action', action);
  }
}

async function interfaceAction(action: InterfaceAction, key: string, ifName: string, log: vscode.LogOutputChannel): Promise<void> {
  switch (action) {
    case 'linkUp':
      await vscode.commands.executeCommand(COMMAND_IDS.linkUp, key, ifName);
      return;
    case 'linkDown':
      await vscode.commands.executeCommand(COMMAND_IDS.linkDown, key, ifName);
      return;
    case 'capture':
      await vscode.commands.executeCommand(COMMAND_IDS.captureInterface, key, ifName);
      return;
    default:
      return ignored(log, 'interface action', action);
  }
}

async function globalAction(panel: TopologyPanel, action: GlobalAction, log: vscode.LogOutputChannel): Promise<void> {
  switch (action) {
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
      await vscode.commands.executeCommand(COMMAND_IDS.exportTopologySvg);
      return;
    case 'exportPng':
      await vscode.commands.executeCommand(COMMAND_IDS.exportTopologyPng);
      return;
    default:
      return ignored(log, 'global action', action);
  }
}

/** Past an exhaustive switch: only a page newer than this code (or a bug) gets here. */
function ignored(log: vscode.LogOutputChannel, what: string, value: never): void {
  log.warn(`topology: ignored an unknown ${what} from the page: ${JSON.stringify(value)?.slice(0, 200)}`);
}
