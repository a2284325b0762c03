// Find in Container Folder…: VS Code's Search view cannot look into a file system provider's
// files (that needs proposed APIs), so a container folder is searched here: literal text, from
// the folder the Explorer gives (or a container folder's root), with progress and Cancel; the
// matching lines come in a quick pick and the chosen one opens at its match. A caller (a
// keybinding, a test) may give {query, caseSensitive}. Returns what was found and what opened.
import * as vscode from 'vscode';
import { nativeAddon } from '../../../core/discovery/nativeAddon';
import { ProcessRootFiles } from '../../../core/containerFiles/processRootFiles';
import { RootFileError } from '../../../core/containerFiles/rootFileError';
import { parseRootAuthority } from '../../../core/containerFiles/rootUri';
import { searchRootFiles, type RootMatch, type RootSearchResult } from '../../../core/containerFiles/searchRootFiles';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';
import { CANCELLED, withCancellableProgress } from '../../cancellableProgress';
import type { CommandFactory } from '../commandContext';
import { containerUri, pickFolder } from './containerFolderPick';

const TITLE = 'Find in Container Folder';

interface FindOptions {
  query?: unknown;
  caseSensitive?: unknown;
}

export interface FindOutcome {
  result: RootSearchResult;
  /** The URI of the match the user opened, if any. */
  opened?: string;
}

interface MatchItem extends vscode.QuickPickItem {
  match: RootMatch;
}

export const findInContainerFolder: CommandFactory = (ctx) => async (arg?: unknown, options?: unknown): Promise<FindOutcome | undefined> => {
  const given = containerUri(arg);
  if (arg !== undefined && !given) {
    void vscode.window.showWarningMessage(`${TITLE}: that is not a container folder.`);
    return undefined;
  }
  const picked = given ?? (await pickFolder(TITLE));
  if (!picked) return undefined;
  const folder = await searchFolder(picked);
  const { query: givenQuery, caseSensitive } = (options ?? {}) as FindOptions;
  const query =
    typeof givenQuery === 'string'
      ? givenQuery
      : await vscode.window.showInputBox({
          title: TITLE,
          prompt: `Text to find in ${hostTextForUi(folder.path, LINE_MAX)} of ${labelOf(folder)} (literal, case-insensitive)`,
          validateInput: (value) => (value === '' ? 'Type the text to find.' : undefined),
        });
  if (!query) return undefined;

  const pinned = parseRootAuthority(folder.authority)!;
  const files = new ProcessRootFiles(pinned, nativeAddon());
  let result: RootSearchResult | typeof CANCELLED;
  try {
    result = await withCancellableProgress(`Searching ${labelOf(folder)}`, (signal, progress) =>
      searchRootFiles(files, {
        query,
        caseSensitive: caseSensitive === true,
        start: folder.path,
        signal,
        onFile: (count) => count % 200 === 0 && progress.report({ message: `${count} files` }),
      }),
    );
  } catch (error) {
    const words = error instanceof RootFileError && error.kind === 'gone' ? `process ${pinned.pid} has ended, so its files are gone.` : error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`${TITLE}: ${words}`);
    return undefined;
  }
  if (result === CANCELLED) return undefined;
  ctx.log.info(`container files: searched ${result.filesSearched} files in ${folder.toString()}, ${result.matches.length} matching lines`);

  const searched = `${result.filesSearched} files searched${skippedWords(result)}`;
  if (result.matches.length === 0) {
    void vscode.window.showInformationMessage(`No line in ${hostTextForUi(folder.path, LINE_MAX)} of ${labelOf(folder)} holds "${hostTextForUi(query)}" (${searched}).`);
    return { result };
  }
  const items: MatchItem[] = result.matches.map((match) => ({
    // The line is the container's text: escaped, and $(…) is not drawn as an icon.
    label: hostTextForUi(match.preview.trim() || ' ', LINE_MAX),
    description: `${hostTextForUi(match.path, LINE_MAX)}:${match.line}`,
    match,
  }));
  const more = result.truncated ? ' (the first ones: a limit was reached)' : '';
  const chosen = await vscode.window.showQuickPick(items, {
    title: `${result.matches.length} lines with "${hostTextForUi(query)}"${more}: ${searched}`,
    placeHolder: 'Pick a line to open it',
    matchOnDescription: true,
  });
  if (!chosen) return { result };
  const uri = folder.with({ path: chosen.match.path });
  const start = new vscode.Position(chosen.match.line - 1, chosen.match.column);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start.translate(0, chosen.match.length)), preview: true });
  return { result, opened: uri.toString() };
};

/** Where to search: the given folder, or the folder of a given file. */
async function searchFolder(uri: vscode.Uri): Promise<vscode.Uri> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return uri;
  } catch {
    // The search says what is wrong (a gone process, a missing folder).
    return uri;
  }
  const parent = uri.path.replace(/\/[^/]*$/, '') || '/';
  return uri.with({ path: parent });
}

/** The folder's name in the workspace (the container's name and PID), else its authority. */
function labelOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === uri.scheme && candidate.uri.authority === uri.authority);
  return folder ? hostTextForUi(folder.name, LINE_MAX) : `process ${parseRootAuthority(uri.authority)?.pid ?? uri.authority}`;
}

function skippedWords(result: RootSearchResult): string {
  const parts = [
    result.skipped.binary && `${result.skipped.binary} binary`,
    result.skipped.tooLarge && `${result.skipped.tooLarge} too large`,
    result.skipped.unreadable && `${result.skipped.unreadable} unreadable`,
  ].filter(Boolean);
  return parts.length ? `, skipped: ${parts.join(', ')}` : '';
}
