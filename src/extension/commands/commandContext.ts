import type * as vscode from 'vscode';

/** What command handlers share: the long-lived services created in activate(). */
export interface CommandContext {
  readonly log: vscode.LogOutputChannel;
}

/** Builds the handler VS Code calls for one command. */
export type CommandFactory = (ctx: CommandContext) => (...args: unknown[]) => unknown;
