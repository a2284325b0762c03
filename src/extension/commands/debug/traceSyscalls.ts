// Trace Syscalls: strace -f -p HOSTPID in a terminal, after checking the kernel will allow it.
import { straceArgv } from '../../../core/debugTools/debugArgv';
import { openArgvTerminal } from '../../terminals/argvTerminal';
import type { CommandFactory } from '../commandContext';
import { debugTarget } from './debugTarget';
import { mayTrace } from './ptraceGate';

export const traceSyscalls: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await debugTarget(ctx, arg, 'Trace Syscalls');
  if (!target || !mayTrace(ctx, 'strace', target.pid)) return undefined;
  const argv = straceArgv(target.pid);
  const terminal = openArgvTerminal(ctx.log, { name: `strace ${target.command} (${target.pid})`, icon: 'pulse', argv });
  return terminal && { terminal, argv };
};
