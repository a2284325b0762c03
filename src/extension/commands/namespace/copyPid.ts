import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';
import { copyToClipboard } from './copyToClipboard';
import { resolveTarget } from './resolveTarget';

/** Copies a process' host PID; for a namespace, the PID of its most senior process. */
export const copyPid: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await resolveTarget(ctx, arg, 'Copy PID');
  if (!target) return undefined;
  const pid = target.kind === 'process' ? target.process.pid : (target.ns.senior ?? target.ns.pids[0]);
  if (pid === undefined) {
    void vscode.window.showInformationMessage('No process is in this namespace: it is held by a bind mount, an fd or a descendant.');
    return undefined;
  }
  return copyToClipboard(ctx, String(pid), 'PID');
};
