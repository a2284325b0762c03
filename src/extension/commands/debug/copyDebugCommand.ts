// Copy Strace / gdb / Capture Command Line: the same argv as the terminal (capture: tcpdump on
// every interface in the process's network namespace), quoted for a shell, for pasting.
import { captureCommandArgv, gdbArgv, straceArgv } from '../../../core/debugTools/debugArgv';
import { shellJoin } from '../../../core/exec/shellQuote';
import type { CommandFactory } from '../commandContext';
import { copyToClipboard } from '../namespace/copyToClipboard';
import { processTarget } from '../process/processTarget';

const BUILDERS = {
  strace: { title: 'Copy strace Command Line', argv: (pid: number) => straceArgv(pid) },
  gdb: { title: 'Copy gdb Command Line', argv: (pid: number) => gdbArgv(pid) },
  capture: { title: 'Copy Capture Command Line', argv: (pid: number) => captureCommandArgv(pid, `capture-${pid}.pcap`) },
} as const;

export const copyDebugCommand =
  (tool: keyof typeof BUILDERS): CommandFactory =>
  (ctx) =>
  async (arg?: unknown) => {
    const target = await processTarget(ctx, arg, BUILDERS[tool].title);
    return target && copyToClipboard(ctx, shellJoin(BUILDERS[tool].argv(target.pid)), `${tool} command`);
  };
