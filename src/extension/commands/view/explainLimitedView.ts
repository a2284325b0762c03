import * as vscode from 'vscode';
import { limitedViewText } from '../../../core/tree/presentation';
import type { CommandFactory } from '../commandContext';
import { COMMAND_IDS } from '../commandIds';

const SHOW_ALL = 'Show All Namespaces (privileged)';
const INSTALL = 'Install Privileged Helper';

/** What the "Limited view" item does when clicked: says what is missing and offers the privileged view. */
export const explainLimitedView: CommandFactory = (ctx) => () => {
  const skipped = ctx.view.result?.skipped.processes ?? 0;
  const installed = ctx.helper.helperPath().trust.ok;
  // Not awaited: the click returns at once, the buttons act when (if) pressed.
  void vscode.window.showInformationMessage(limitedViewText(skipped), ...(installed ? [SHOW_ALL] : [INSTALL, SHOW_ALL])).then((choice) => {
    if (choice === SHOW_ALL) void vscode.commands.executeCommand(COMMAND_IDS.showAllPrivileged);
    if (choice === INSTALL) void vscode.commands.executeCommand(COMMAND_IDS.installHelper);
  });
};
