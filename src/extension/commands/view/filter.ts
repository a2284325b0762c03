import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';

/**
 * Asks for a filter text (tests and keybindings may pass it) and narrows the view to it; an
 * empty text clears the filter, Escape changes nothing.
 */
export const filter: CommandFactory = (ctx) => async (text?: unknown) => {
  const value =
    typeof text === 'string'
      ? text
      : await vscode.window.showInputBox({
          title: 'Filter Namespaces',
          prompt: 'Command name, PID, namespace inode, or container id or name. Empty to show everything.',
          placeHolder: 'e.g. sleep, 4711, 4026531840, 3f2a1b9c',
          value: ctx.view.provider.treeOptions.filter?.text ?? '',
        });
  if (value === undefined) return;
  ctx.view.setFilter(value);
};
