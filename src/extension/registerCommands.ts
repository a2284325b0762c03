// The one place that maps command ids to handlers. The `satisfies` clause makes a command id
// without a handler a type error.
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from './commands/commandIds';
import type { CommandContext, CommandFactory } from './commands/commandContext';
import { showSummary } from './commands/discovery/showSummary';
import { showLog } from './commands/log/showLog';

const HANDLERS = {
  [COMMAND_IDS.showSummary]: showSummary,
  [COMMAND_IDS.showLog]: showLog,
} satisfies Record<CommandId, CommandFactory>;

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
