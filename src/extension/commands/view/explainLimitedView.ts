import * as vscode from 'vscode';
import { limitedViewText } from '../../../core/tree/presentation';
import type { CommandFactory } from '../commandContext';
import { COMMAND_IDS } from '../commandIds';

const SHOW_ALL = 'Show All Namespaces (privileged)';
const INSTALL = 'Install Privileged Helper';

/** What the "Limited view" item does when clicked: says what is missing and offers the privileged view. */
export const explainLimitedView: CommandFactory = (ctx) => async () => {
  const skipped = ctx.view.result?.skipped.processes ?? 0;
  const installed = ctx.helper.helperPath().trust.ok;
  const choice = await vscode.window.showInformationMessage(limitedViewText(skipped), ...(installed ? [SHOW_ALL] : [INSTALL, SHOW_ALL]));
  if (choice === SHOW_ALL) await vscode.commands.executeCommand(COMMAND_IDS.showAllPrivileged);
  if (choice === INSTALL) await vscode.commands.executeCommand(COMMAND_IDS.installHelper);
};
