// The Namespaces view. A placeholder until the sidebar issue fills it: an empty tree, so VS Code
// shows the viewsWelcome text from package.json.
import * as vscode from 'vscode';

export const NAMESPACES_VIEW_ID = 'nsInspector.namespaces';

class EmptyTree implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}

export function registerNamespacesView(): vscode.Disposable {
  return vscode.window.createTreeView(NAMESPACES_VIEW_ID, { treeDataProvider: new EmptyTree() });
}
