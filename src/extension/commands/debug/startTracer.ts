// Trace Syscalls (strace -f -p HOSTPID) and Attach gdb (gdb -p HOSTPID, the process's root as
// sysroot) in a terminal, after checking the tool is there and the kernel will allow it.
import { gdbArgv, straceArgv } from '../../../core/debugTools/debugArgv';
import { openArgvTerminal } from '../../terminals/argvTerminal';
import type { CommandFactory } from '../commandContext';
import { processTarget } from '../process/processTarget';
import { mayTrace } from './ptraceGate';

const TRACERS = {
  strace: { title: 'Trace Syscalls', icon: 'pulse', argv: (pid: number) => straceArgv(pid) },
  gdb: { title: 'Attach gdb', icon: 'debug', argv: (pid: number) => gdbArgv(pid) },
} as const;

export const startTracer =
  (tool: keyof typeof TRACERS): CommandFactory =>
  (ctx) =>
  async (arg?: unknown) => {
    const target = await processTarget(ctx, arg, TRACERS[tool].title);
    if (!target || !mayTrace(ctx, tool, target.pid)) return undefined;
    const argv = TRACERS[tool].argv(target.pid);
    const terminal = openArgvTerminal(ctx.log, { name: `${tool} ${target.command} (${target.pid})`, icon: TRACERS[tool].icon, argv });
    return terminal && { terminal, argv };
  };
