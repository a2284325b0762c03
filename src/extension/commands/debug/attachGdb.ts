// Attach gdb: gdb -p HOSTPID with the process's root as sysroot, in a terminal.
import { gdbArgv } from '../../../core/debugTools/debugArgv';
import { openArgvTerminal } from '../../terminals/argvTerminal';
import type { CommandFactory } from '../commandContext';
import { debugTarget } from './debugTarget';
import { mayTrace } from './ptraceGate';

export const attachGdb: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await debugTarget(ctx, arg, 'Attach gdb');
  if (!target || !mayTrace(ctx, 'gdb', target.pid)) return undefined;
  const argv = gdbArgv(target.pid);
  const terminal = openArgvTerminal(ctx.log, { name: `gdb ${target.command} (${target.pid})`, icon: 'debug', argv });
  return terminal && { terminal, argv };
};
