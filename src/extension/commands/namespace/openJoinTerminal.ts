// Opens a terminal running a command inside the namespaces a ResolvedJoin names (nsenter argv,
// or nsinspect-enter when the shell takes on the target's privileges; through sudo when chosen).
// Returns the terminal and its argv, for tests.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { nsenterCommandArgv, type NsenterCommandRequest, type NsenterResult } from '../../../core/exec/nsenterArgv';
import { enterDroppedArgv } from '../../../core/exec/enterArgv';
import { enterProgram } from '../../../core/exec/enterProgram';
import { dropToTarget } from '../../../core/exec/dropCredentials';
import { processIdMaps } from '../../../core/exec/joinFacts';
import { parseCredentials } from '../../../core/parsers/credentials';
import { processNamespaces } from '../../../core/exec/processNamespaces';
import { NS_TYPES } from '../../../core/model/nsType';
import { openArgvTerminal } from '../../terminals/argvTerminal';
import type { CommandContext } from '../commandContext';
import type { ResolvedJoin } from './nsenterTarget';

export interface JoinTerminal {
  terminal: vscode.Terminal;
  argv: string[];
}

export function openJoinTerminal(ctx: CommandContext, join: ResolvedJoin, command: readonly string[], name: string, cwd?: string, holdOpen = false): JoinTerminal | undefined {
  const request: NsenterCommandRequest = { target: join.target, types: join.types, own: processNamespaces('self'), preserveCredentials: join.preserveCredentials, privateProc: true, command };
  const result = join.dropPrivileges ? droppedArgv(request) : nsenterCommandArgv(request);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const argv = join.sudo ? ['sudo', '--', ...result.argv] : result.argv;
  const terminal = openArgvTerminal(ctx.log, { name: `${name}: ${join.title} (${result.joined.join(', ')})`, icon: 'plug', argv, cwd, holdOpen });
  return terminal && { terminal, argv };
}

/** The argv that takes on the target's credentials, read now from its /proc/PID/status. */
function droppedArgv(request: NsenterCommandRequest): NsenterResult {
  const target = request.target;
  if (target.kind !== 'process') return { ok: false, message: 'Privileges can only be taken from a process.' };
  const program = enterProgram();
  if (!program) return { ok: false, message: 'nsinspect-enter is missing from the extension: run "npm run build:native" (or reinstall the extension). Without it a shell would get every host privilege.' };
  let creds;
  try {
    creds = parseCredentials(readFileSync(`/proc/${target.pid}/status`, 'utf8'));
  } catch {
    creds = null;
  }
  if (!creds) return { ok: false, message: `Cannot read the privileges of process ${target.pid} (it may have exited): no shell is opened with more than it has.` };
  const joinsUser = (request.types ?? NS_TYPES).includes('user') && target.namespaces.user !== undefined && target.namespaces.user !== request.own.user;
  return enterDroppedArgv(program, request, dropToTarget(creds, joinsUser ? processIdMaps(target.pid) : undefined));
}
