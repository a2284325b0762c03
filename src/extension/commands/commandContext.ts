import type * as vscode from 'vscode';
import type { NamespacesView } from '../views/namespacesView';

/** What command handlers share: the long-lived services created in activate(). */
export interface CommandContext {
  readonly log: vscode.LogOutputChannel;
  readonly view: NamespacesView;
}

/** Builds the handler VS Code calls for one command. */
export type CommandFactory = (ctx: CommandContext) => (...args: unknown[]) => unknown;
