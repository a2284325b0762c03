// Inspect Process: a panel with what /proc says about one process (PIDs in each PID namespace,
// IDs, capabilities, seccomp, LSM, cgroup limits, rlimits, sockets, mounts). On a process item it
// inspects that process; on a container group, the container's main process; from the palette it
// asks for a process. Tests and other code may pass a PID. Returns the panel.
import * as vscode from 'vscode';
import { inspectProcess, ProcessGoneError } from '../../../core/inspect/inspectProcess';
import { isUint } from '../../../core/messages/messageChecks';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import type { CommandContext, CommandFactory } from '../commandContext';
import { processTarget } from './processTarget';

/** The PID an argument names: a PID, else what processTarget finds (an item, a container's main process, a pick). */
async function pidFor(ctx: CommandContext, arg: unknown): Promise<number | undefined> {
  if (isUint(arg, 2 ** 31) && arg > 0) return arg;
  return (await processTarget(ctx, arg, 'Inspect Process'))?.pid;
}

export const inspectProcessCommand: CommandFactory = (ctx) => async (arg?: unknown) => {
  const pid = await pidFor(ctx, arg);
  if (pid === undefined) return undefined;
  let startTicks: number;
  try {
    // Read once here: a PID that is gone gets a message, not an empty panel.
    startTicks = inspectProcess(pid).startTicks;
  } catch (error) {
    const message = error instanceof ProcessGoneError ? error.message : `Cannot inspect process ${pid}: ${(error as Error).message}`;
    ctx.log.warn(`Inspect Process: ${message}`);
    void vscode.window.showErrorMessage(hostTextForUi(message, LINE_MAX));
    return undefined;
  }
  return ctx.inspect.show({ pid, startTicks });
};
