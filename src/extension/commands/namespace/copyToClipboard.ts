import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

/** Copies, confirms in the status bar, and returns the text (tests read it back). */
export async function copyToClipboard(ctx: CommandContext, text: string, what: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  ctx.log.debug(`copied ${what}: ${text}`);
  vscode.window.setStatusBarMessage(`Copied ${what}: ${text}`, 3000);
  return text;
}
