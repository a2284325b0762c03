import * as vscode from 'vscode';

/** A command invoked on a tree item whose node id the view no longer shows (it went in a refresh). */
export function warnItemVanished(): undefined {
  void vscode.window.showWarningMessage('That item is no longer in the Namespaces view: it vanished in a refresh.');
  return undefined;
}
