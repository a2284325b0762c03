import { userShell } from '../../terminals/argvTerminal';
import type { CommandFactory } from '../commandContext';
import { openJoinTerminal } from './openJoinTerminal';
import { joinOptions, resolveJoin } from './nsenterTarget';

/**
 * Opens a shell inside the namespaces of a process or namespace item (or a palette pick): all of
 * them, a chosen subset, or "host tools". Returns {terminal, argv}, or undefined.
 */
export const openShell: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  const join = await resolveJoin(ctx, arg, joinOptions(options), 'Open Shell in Namespaces');
  return join && openJoinTerminal(ctx, join, [userShell()], 'Shell');
};
