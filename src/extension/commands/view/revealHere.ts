import * as vscode from 'vscode';
import type { NamespaceId } from '../../../core/model/namespaceId';
import { NS_TYPES } from '../../../core/model/nsType';
import type { CommandFactory } from '../commandContext';

/**
 * "You are here": reveals the namespaces the VS Code extension host runs in (its own process)
 * and selects the first. Returns how many the view shows.
 */
export const revealHere: CommandFactory = (ctx) => async () => {
  const result = await ctx.view.currentResult();
  const self = result?.processes.get(process.pid);
  if (!result || !self) {
    void vscode.window.showWarningMessage('The extension host was not found by the last discovery: refresh the Namespaces view and try again.');
    return 0;
  }
  const ids: NamespaceId[] = NS_TYPES.flatMap((type) => (self.namespaces[type] === undefined ? [] : [{ dev: result.nsfsDev, ino: self.namespaces[type] }]));
  const shown = await ctx.view.revealNamespaces(ids);
  if (shown === 0) {
    void vscode.window.showInformationMessage('The current filter, grouping or shown types hide the namespaces VS Code runs in.', 'Clear Filter').then((choice) => {
      if (choice) void ctx.view.setFilter(undefined);
    });
  }
  return shown;
};
