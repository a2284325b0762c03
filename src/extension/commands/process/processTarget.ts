// The process a command acts on (the debug tools, Inspect Process), by its host PID: a process
// item, a container group's main process (the one whose parent is outside the container, oldest
// first), or a palette pick.
import * as vscode from 'vscode';
import { containerMainProcess } from '../../../core/debugTools/containerMainProcess';
import { containerName } from '../../../core/model/container';
import type { ProcessInfo } from '../../../core/model/process';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import type { CommandContext } from '../commandContext';
import { warnItemVanished } from '../warnItemVanished';

export async function processTarget(ctx: CommandContext, arg: unknown, action: string): Promise<ProcessInfo | undefined> {
  // A PID the shown result lacks (a process newer than the last refresh) gets a discovery now.
  if (typeof arg === 'number') return ctx.view.result?.processes.get(arg) ?? (await ctx.view.refresh())?.processes.get(arg);
  if (typeof arg !== 'string') return pickProcess(ctx, action);
  const node = ctx.view.snapshot?.node(arg);
  if (node?.kind === 'process') return node.process;
  if (node?.kind === 'containerGroup' && node.container) {
    const main = ctx.view.result && containerMainProcess(ctx.view.result.processes.values(), node.container.engine, node.container.id);
    if (main) return main;
    void vscode.window.showWarningMessage(`Container ${hostTextForUi(containerName(node.container))} has no process to act on.`);
    return undefined;
  }
  return warnItemVanished();
}

interface ProcessPick extends vscode.QuickPickItem {
  process: ProcessInfo;
}

async function pickProcess(ctx: CommandContext, action: string): Promise<ProcessInfo | undefined> {
  const result = await ctx.view.currentResult();
  if (!result) return undefined;
  const processes = [...result.processes.values()].filter((p) => p.cmdline.length > 0);
  // Containers' processes first: that is what these commands are for.
  processes.sort((a, b) => Number(!a.container) - Number(!b.container) || a.pid - b.pid);
  const picks: ProcessPick[] = processes.map((process) => ({
    process,
    label: `$(${process.container ? 'package' : 'server-process'}) ${process.pid} ${hostTextForUi(process.command, LINE_MAX)}`,
    description: [`PID ${process.pid}`, process.nspid.length > 1 ? `${process.nspid.at(-1)} inside` : '', process.container ? hostTextForUi(containerName(process.container), LINE_MAX) : 'host'].filter(Boolean).join(' · '),
  }));
  const pick = await vscode.window.showQuickPick(picks, { title: action, placeHolder: 'Pick a process (command, PID, container)', matchOnDescription: true });
  return pick?.process;
}
