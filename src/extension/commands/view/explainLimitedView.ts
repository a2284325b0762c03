import * as vscode from 'vscode';
import { limitedViewText } from '../../../core/tree/presentation';
import type { CommandFactory } from '../commandContext';

/** What the "Limited view" item does when clicked: says what is missing and how to see it. */
export const explainLimitedView: CommandFactory = (ctx) => () => {
  const skipped = ctx.view.result?.skipped.processes ?? 0;
  void vscode.window.showInformationMessage(limitedViewText(skipped));
};
