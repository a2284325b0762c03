// Open Container Filesystem: the root of a process (a container's main process) as a read-only
// workspace folder on the nsfs-root scheme, so its files open in editors, search and diff work
// without a shell in the image. Returns the folder's URI (tests read it).
import * as vscode from 'vscode';
import { processStillRuns } from '../../../core/exec/namespaceEntry';
import { rootAuthority, ROOT_SCHEME } from '../../../core/containerFiles/rootUri';
import { containerName } from '../../../core/model/container';
import { hostText, LINE_MAX } from '../../../core/text/hostText';
import type { CommandFactory } from '../commandContext';
import { debugTarget } from './debugTarget';

export const openContainerFilesystem: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await debugTarget(ctx, arg, 'Open Container Filesystem');
  if (!target) return undefined;
  if (!processStillRuns(target)) {
    void vscode.window.showErrorMessage(`Process ${target.pid} has ended: there is no root to open.`);
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: ROOT_SCHEME, authority: rootAuthority({ pid: target.pid, startTicks: target.startTicks }), path: '/' });
  try {
    await vscode.workspace.fs.stat(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot open the files of process ${target.pid}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const existing = vscode.workspace.workspaceFolders?.find((folder) => folder.uri.toString() === uri.toString());
  if (!existing) {
    const who = target.container ? containerName(target.container) : target.command;
    // The name is host text: escaped; the Explorer shows it as plain text.
    const name = `${hostText(who, LINE_MAX)} (PID ${target.pid}, read-only)`;
    const added = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        listener.dispose();
        resolve();
      });
    });
    if (!vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri, name })) {
      void vscode.window.showErrorMessage('VS Code did not add the folder (a workspace change is under way): try again.');
      return undefined;
    }
    await added;
    ctx.log.info(`container files: added ${uri.toString()} for ${hostText(who, LINE_MAX)}`);
  }
  await vscode.commands.executeCommand('workbench.view.explorer');
  return uri.toString();
};
