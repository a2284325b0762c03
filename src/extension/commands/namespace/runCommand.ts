import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';
import { openJoinTerminal } from './openJoinTerminal';
import { joinOptions, resolveJoin, type JoinOptions } from './nsenterTarget';

/**
 * Runs a command line the user types inside the namespaces of an item, in a terminal. Their own
 * line goes to `sh -c` inside: that is what they asked for; nothing else is spliced into it.
 */
export const runCommand: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  const given = joinOptions(options) as (JoinOptions & { commandLine?: string }) | undefined;
  const join = await resolveJoin(ctx, arg, given, 'Run Command in Namespace');
  if (!join) return undefined;
  const line =
    given?.commandLine ??
    (await vscode.window.showInputBox({
      title: `Run Command in ${join.title}`,
      prompt: 'A command line, run by sh inside the namespaces',
      placeHolder: 'ip -br addr; ss -tlnp',
      validateInput: (value) => (value.trim() ? undefined : 'Type a command line.'),
    }));
  if (!line?.trim()) return undefined;
  // The terminal stays open after the line ran, so its output can be read.
  return openJoinTerminal(ctx, join, ['sh', '-c', line], 'Run', undefined, true);
};
