import * as vscode from 'vscode';
import { pickShellInRoot } from '../../../core/exec/shellInRoot';
import { processNamespaces } from '../../../core/exec/processNamespaces';
import { NS_TYPES } from '../../../core/model/nsType';
import { userShell } from '../../terminals/argvTerminal';
import type { CommandContext, CommandFactory } from '../commandContext';
import { openJoinTerminal, type JoinTerminal } from './openJoinTerminal';
import { joinOptions, resolveJoin, type JoinOptions, type ResolvedJoin } from './nsenterTarget';

const HOST_TOOLS_BUTTON = 'Open Host-Tools Shell';

/**
 * Opens a shell inside the namespaces of a process or namespace item (or a palette pick): all of
 * them, a chosen subset, or "host tools". In the target's mount namespace the shell is the
 * target's own (its files are all there is); when it has none, says so and offers the host-tools
 * shell. Returns {terminal, argv}, or undefined.
 */
export const openShell: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  const given = joinOptions(options);
  const join = await resolveJoin(ctx, arg, given, 'Open Shell in Namespaces');
  if (!join) return undefined;
  const shell = shellFor(join);
  if (typeof shell === 'string') return openJoinTerminal(ctx, join, [shell], 'Shell');
  return offerHostTools(ctx, arg, given, join, shell.tried);
};

/** The shell to run: the user's own outside the target's mount namespace, else the target root's; what was tried when it has none. */
function shellFor(join: ResolvedJoin): string | { tried: string[] } {
  const target = join.target;
  const joinsMount = target.kind === 'process' && (join.types ?? NS_TYPES).includes('mnt') && target.namespaces.mnt !== processNamespaces('self').mnt;
  if (target.kind !== 'process' || !joinsMount) return userShell();
  const pick = pickShellInRoot(`/proc/${target.pid}/root`, [userShell()]);
  if (pick.kind === 'found') return pick.shell;
  // Not readable from here (another user's process, joined through sudo): /bin/sh is the likeliest.
  if (pick.kind === 'unreadable') return '/bin/sh';
  return { tried: pick.tried };
}

async function offerHostTools(ctx: CommandContext, arg: unknown, given: JoinOptions | undefined, join: ResolvedJoin, tried: readonly string[]): Promise<JoinTerminal | undefined> {
  const pid = join.target.kind === 'process' ? join.target.pid : '?';
  const message = `Process ${pid} has no shell in its files (looked for ${tried.join(', ')}): its image ships none. The host-tools shell joins its network, PID, UTS and IPC namespaces with the host's programs instead.`;
  ctx.log.info(message);
  const answer = given?.noShellAnswer ?? (await vscode.window.showWarningMessage(message, HOST_TOOLS_BUTTON));
  if (answer !== HOST_TOOLS_BUTTON) return undefined;
  const hostTools = await resolveJoin(ctx, arg, { ...given, hostTools: true, sudo: join.sudo }, 'Open Shell in Namespaces');
  return hostTools && openJoinTerminal(ctx, hostTools, [userShell()], 'Shell');
}
