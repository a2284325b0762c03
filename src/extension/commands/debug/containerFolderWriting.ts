// Allow Writing in Container Folder… / Make Container Folder Read-Only: a container folder
// (nsfs-root://PID-STARTTICKS/) is read-only until the user allows writing in it, after a modal
// that names the process and its container and says that saving writes into the running
// container. Per folder, for this window only (never persisted). The folder comes from the
// Explorer (its URI), a caller (a URI string), or a pick among the open container folders; a
// caller (a keybinding, a test) may answer the modal with {confirm: 'allow' | 'cancel'}.
import * as vscode from 'vscode';
import { parseRootAuthority } from '../../../core/containerFiles/rootUri';
import { containerName } from '../../../core/model/container';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import type { CommandContext, CommandFactory } from '../commandContext';
import { folderUri, pickFolder } from './containerFolderPick';

const ALLOW = 'Allow Writing';

function givenConfirm(options: unknown): string | undefined {
  const confirm = (options as { confirm?: unknown } | undefined)?.confirm;
  return confirm === 'allow' ? ALLOW : confirm === 'cancel' ? '' : undefined;
}

/** "process 1234 (nginx) in container web", from the last discovery, escaped. */
function describeProcess(ctx: CommandContext, pid: number): string {
  const process = ctx.view.result?.processes.get(pid);
  if (!process) return `process ${pid}`;
  const container = process.container ? ` in container ${hostTextForUi(containerName(process.container), LINE_MAX)}` : ' (not in a known container)';
  return `process ${pid} (${hostTextForUi(process.command, LINE_MAX)})${container}`;
}

/** Returns the folder's URI once writing is allowed, undefined when cancelled. */
export const allowContainerFolderWriting: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown) => {
  const title = 'Allow Writing in Container Folder';
  const uri = folderUri(arg) ?? (arg === undefined ? await pickFolder(title, (candidate) => !ctx.containerFolders.isAllowed(candidate.authority)) : undefined);
  if (!uri) {
    if (arg !== undefined) void vscode.window.showWarningMessage(`${title}: that is not a container folder.`);
    return undefined;
  }
  const pinned = parseRootAuthority(uri.authority)!;
  if (ctx.containerFolders.isAllowed(uri.authority)) return uri.toString();
  const who = describeProcess(ctx, pinned.pid);
  const answer =
    givenConfirm(options) ??
    (await vscode.window.showWarningMessage(
      `Allow writing in the files of ${who}?`,
      {
        modal: true,
        detail: `Saving a file in this folder writes it into the running container's own filesystem at once (there is no undo, and the process may read it right away). Allowed for this folder and this window only, until "Make Container Folder Read-Only" or a reload.`,
      },
      ALLOW,
    ));
  if (answer !== ALLOW) return undefined;
  ctx.containerFolders.allow(uri.authority);
  ctx.log.info(`container files: writing allowed in ${uri.toString()} (${who})`);
  return uri.toString();
};

/** Returns the folder's URI once it is read-only again. */
export const makeContainerFolderReadOnly: CommandFactory = (ctx) => async (arg?: unknown) => {
  const uri = folderUri(arg) ?? (arg === undefined ? await pickFolder('Make Container Folder Read-Only', (candidate) => ctx.containerFolders.isAllowed(candidate.authority)) : undefined);
  if (!uri) return undefined;
  ctx.containerFolders.makeReadOnly(uri.authority);
  ctx.log.info(`container files: ${uri.toString()} is read-only again`);
  return uri.toString();
};
