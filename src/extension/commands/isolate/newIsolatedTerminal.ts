import * as vscode from 'vscode';
import type { PrivilegeRoute } from '../../../core/exec/unshareArgv';
import { openArgvTerminal, userShell } from '../../terminals/argvTerminal';
import type { IsolatedSession } from '../../terminals/isolatedSessions';
import { isolatedTerminalSpec, resolveUnshare } from '../../terminals/isolatedTerminalSpec';
import type { CommandFactory } from '../commandContext';
import { askHostname, pickIsolationTypes } from './pickIsolation';

/** What a caller (a test, a keybinding) may pass instead of answering the pickers. */
export interface NewIsolatedTerminalArgs {
  types?: string[];
  /** Absent: asked when UTS is chosen; '' keeps the current hostname. */
  hostname?: string;
  privilege?: PrivilegeRoute;
  mapUser?: 'root' | 'current';
}

/**
 * Opens a terminal whose shell runs in new namespaces (unshare), tracked as a session in the
 * Namespaces view. Returns the session, or undefined when refused or cancelled.
 */
export const newIsolatedTerminal: CommandFactory = (ctx) => async (arg?: unknown) => {
  const args = (typeof arg === 'object' && arg !== null ? arg : {}) as NewIsolatedTerminalArgs;
  const types = args.types ?? (await pickIsolationTypes('New Isolated Terminal'));
  if (!types) return undefined;
  let hostname = 'hostname' in args ? args.hostname : undefined;
  if (!('hostname' in args) && types.includes('uts') && !('types' in args)) {
    hostname = await askHostname();
    if (hostname === undefined) return undefined;
  }
  const choice = { types, hostname: hostname || undefined, privilege: args.privilege, mapUser: args.mapUser, command: [userShell()] };
  const result = await resolveUnshare(ctx.identity, choice);
  if (!result) return undefined;
  const terminal = openArgvTerminal(ctx.log, isolatedTerminalSpec(choice, result));
  const session: IsolatedSession | undefined = terminal && (await ctx.sessions.add(terminal));
  if (terminal && !session) void vscode.window.showErrorMessage(`The isolated terminal ended at once: see its output for why.`);
  return session;
};
