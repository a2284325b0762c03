import * as vscode from 'vscode';
import { namespaceDetailsUri, processDetailsUri } from '../../views/namespaces/detailsDocuments';
import type { CommandFactory } from '../commandContext';
import { ensureStillExists } from './ensureStillExists';
import { resolveTarget } from './resolveTarget';

/**
 * Opens the details of a namespace or process rendered, in VS Code's Markdown preview of the
 * read-only document (which follows the document as refreshes re-render it); returns the document
 * for tests.
 */
export const showDetails: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await resolveTarget(ctx, arg, 'Show Details');
  if (!target || !ensureStillExists(target)) return undefined;
  const uri = target.kind === 'namespace' ? namespaceDetailsUri(target.ns) : processDetailsUri(target.process);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return doc;
};
