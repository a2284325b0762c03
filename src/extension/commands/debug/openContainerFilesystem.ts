// Open Container Filesystem: the root of a process (a container's main process) as a read-only
// workspace folder on the nsfs-root scheme, so its files open in editors, search and diff work
// without a shell in the image. In a multi-root workspace the folder is added at once; otherwise
// adding one makes VS Code turn the window into an untitled workspace and reload it (its
// extensions restart), so the user chooses that or a new window. Returns the folder's URI.
import * as vscode from 'vscode';
import { processStillRuns } from '../../../core/exec/namespaceEntry';
import { rootAuthority, ROOT_SCHEME } from '../../../core/containerFiles/rootUri';
import { containerName } from '../../../core/model/container';
import { hostText, LINE_MAX } from '../../../core/text/hostText';
import type { CommandFactory } from '../commandContext';
import { processTarget } from '../process/processTarget';

const ADD = 'Add to Workspace (reloads this window)';
const NEW_WINDOW = 'Open in New Window';

/** Where the folder goes, given by a caller (keybinding, test) or asked: {where: 'workspace' | 'newWindow'}. */
function givenWhere(options: unknown): string | undefined {
  const where = (options as { where?: unknown } | undefined)?.where;
  return where === 'workspace' ? ADD : where === 'newWindow' ? NEW_WINDOW : where === 'cancel' ? '' : undefined;
}

export const openContainerFilesystem: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  const target = await processTarget(ctx, arg, 'Open Container Filesystem');
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
  const inWorkspace = vscode.workspace.workspaceFile !== undefined;
  if (!existing && !inWorkspace) {
    const answer = givenWhere(options) ?? (await vscode.window.showInformationMessage(`Open the files of process ${target.pid}: adding a folder to this window turns it into an untitled workspace, which VS Code reloads.`, ADD, NEW_WINDOW));
    if (answer === NEW_WINDOW) {
      await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
      return uri.toString();
    }
    if (answer !== ADD) return undefined;
  }
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
