// Stop Capture: ends a running capture (the one given by id, the only one, or a picked one) and
// resolves when its file is complete.
import * as vscode from 'vscode';
import type { CommandFactory } from '../commandContext';

export const stopCapture: CommandFactory = (ctx) => async (id?: unknown) => {
  const running = ctx.topology.captures.list();
  const chosen =
    typeof id === 'string'
      ? id
      : running.length === 1
        ? running[0].id
        : (await vscode.window.showQuickPick(running.map((c) => ({ label: c.ifname, description: c.file, id: c.id })), { title: 'Stop Capture' }))?.id;
  if (chosen === undefined) {
    if (running.length === 0) void vscode.window.showInformationMessage('No capture is running.');
    return undefined;
  }
  return ctx.topology.captures.stop(chosen);
};
