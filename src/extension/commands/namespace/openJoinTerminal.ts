// Opens a terminal running a command inside the namespaces a ResolvedJoin names (nsenter argv,
// through sudo when chosen). Returns the terminal and its argv, for tests.
import * as vscode from 'vscode';
import { nsenterCommandArgv } from '../../../core/exec/nsenterArgv';
import { processNamespaces } from '../../../core/exec/processNamespaces';
import { openArgvTerminal } from '../../terminals/argvTerminal';
import type { CommandContext } from '../commandContext';
import type { ResolvedJoin } from './nsenterTarget';

export interface JoinTerminal {
  terminal: vscode.Terminal;
  argv: string[];
}

export function openJoinTerminal(ctx: CommandContext, join: ResolvedJoin, command: readonly string[], name: string, cwd?: string): JoinTerminal | undefined {
  const result = nsenterCommandArgv({ target: join.target, types: join.types, own: processNamespaces('self'), preserveCredentials: join.preserveCredentials, command });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const argv = join.sudo ? ['sudo', '--', ...result.argv] : result.argv;
  const terminal = openArgvTerminal(ctx.log, { name: `${name}: ${join.title} (${result.joined.join(', ')})`, icon: 'plug', argv, cwd });
  return terminal && { terminal, argv };
}
