// Which container folder (nsfs-root://PID-STARTTICKS/) a command acts on: the one the Explorer or
// a caller gives, or a pick among the open ones.
import * as vscode from 'vscode';
import { parseRootAuthority, ROOT_SCHEME } from '../../../core/containerFiles/rootUri';

/** A container folder's URI from an Explorer item or a caller's URI string (any path in it kept). */
export function containerUri(arg: unknown): vscode.Uri | undefined {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg, true) : undefined;
  return uri?.scheme === ROOT_SCHEME && parseRootAuthority(uri.authority) ? uri.with({ query: '', fragment: '' }) : undefined;
}

/** The root of the container folder `arg` names (its path dropped). */
export function folderUri(arg: unknown): vscode.Uri | undefined {
  return containerUri(arg)?.with({ path: '/' });
}

/** Asks which open container folder, among those `wanted`; says so when there is none. */
export async function pickFolder(title: string, wanted: (uri: vscode.Uri) => boolean = () => true): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === ROOT_SCHEME && wanted(folder.uri));
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(`${title}: no open container folder to choose from (Open Container Filesystem adds one).`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    folders.map((folder) => ({ label: `$(package) ${folder.name}`, description: folder.uri.toString(), uri: folder.uri })),
    { title, placeHolder: 'Pick a container folder' },
  );
  return pick?.uri;
}
