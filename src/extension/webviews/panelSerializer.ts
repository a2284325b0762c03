// Reusable webview plumbing: restores panels of one view type after a window reload. The webview
// keeps its state with vscode.setState(); VS Code hands it back here, and `restore` gets it only
// when `validateState` accepts it (it came from the page, so it is checked like any message). A
// panel whose state is not valid is closed.
import * as vscode from 'vscode';

export function registerPanelSerializer<State>(
  viewType: string,
  validateState: (state: unknown) => State | undefined,
  restore: (panel: vscode.WebviewPanel, state: State) => void | Promise<void>,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      const valid = validateState(state);
      if (valid === undefined) {
        log.warn(`${viewType}: not restoring a panel with invalid state ${JSON.stringify(state)?.slice(0, 200)}`);
        panel.dispose();
        return;
      }
      await restore(panel, valid);
    },
  });
}
