// Inspect Process: a panel with what /proc says about one process (PIDs in each PID namespace,
// IDs, capabilities, seccomp, LSM, cgroup limits, rlimits, sockets, mounts). On a process item it
// inspects that process; on a container group, the container's main process; from the palette it
// asks for a process. Tests and other code may pass a PID. Returns the panel.
import * as vscode from 'vscode';
import { mainPidOf } from '../../../core/inspect/containerOfProcess';
import { inspectProcess, ProcessGoneError } from '../../../core/inspect/inspectProcess';
import { isUint } from '../../../core/messages/messageChecks';
import { containerText } from '../../../core/tree/containerText';
import { hostTextForUi, LABEL_MAX, LINE_MAX } from '../../../core/text/hostText';
import type { DiscoveryResult } from '../../../core/model/result';
import type { CommandContext, CommandFactory } from '../commandContext';

/** The PID an argument names: a PID, a process item, a container group (its main process). */
async function pidFor(ctx: CommandContext, arg: unknown): Promise<number | undefined> {
  if (isUint(arg, 2 ** 31) && arg > 0) return arg;
  if (typeof arg !== 'string') return pickProcess(ctx);
  const node = ctx.view.snapshot?.node(arg);
  if (node?.kind === 'process') return node.process.pid;
  if (node?.kind === 'containerGroup' && node.container) {
    const result = ctx.view.result;
    const pid = result && mainPidOf(result, node.container);
    if (pid === undefined) void vscode.window.showWarningMessage('That container has no process in the last refresh.');
    return pid;
  }
  void vscode.window.showWarningMessage('That item is no longer in the Namespaces view: it vanished in a refresh.');
  return undefined;
}

interface ProcessPick extends vscode.QuickPickItem {
  pid: number;
}

function processPicks(result: DiscoveryResult): ProcessPick[] {
  return [...result.processes.values()]
    .sort((a, b) => a.pid - b.pid)
    .map((p) => ({
      pid: p.pid,
      label: `$(server-process) ${p.pid} ${hostTextForUi(p.command, LABEL_MAX)}`,
      description: [p.container ? hostTextForUi(containerText(p.container), LABEL_MAX) : '', p.pid === process.pid ? 'this extension host' : ''].filter(Boolean).join(' · '),
      detail: hostTextForUi(p.cmdline.join(' '), LINE_MAX) || undefined,
    }));
}

async function pickProcess(ctx: CommandContext): Promise<number | undefined> {
  const result = ctx.view.result ?? (await ctx.view.refresh());
  if (!result) return undefined;
  const pick = await vscode.window.showQuickPick(processPicks(result), {
    title: 'Inspect Process',
    placeHolder: 'Pick a process (PID, command, container)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) ctx.log.debug('Inspect Process: no process picked');
  return pick?.pid;
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
