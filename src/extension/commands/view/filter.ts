import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';

/**
 * Asks for a filter text and narrows the view to it; an empty text clears the filter, Escape
 * changes nothing. Tests and keybindings may pass `{ text }`: an object, because VS Code passes the
 * focused tree element (a node id string) to title-bar actions.
 */
export const filter: CommandFactory = (ctx) => async (arg?: unknown) => {
  const given = (arg as { text?: unknown } | undefined)?.text;
  const value =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: 'Filter Namespaces',
          prompt: 'Command name, PID, namespace inode, or container id or name. Empty to show everything.',
          placeHolder: 'e.g. sleep, 4711, 4026531840, 3f2a1b9c',
          value: ctx.view.provider.treeOptions.filter?.text ?? '',
        });
  if (value === undefined) return;
  await ctx.view.setFilter(value);
};
