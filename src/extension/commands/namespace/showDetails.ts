import * as vscode from 'vscode';
import { namespaceDetailsUri, processDetailsUri } from '../../views/namespaces/detailsDocuments';
import type { CommandFactory } from '../commandContext';
import { ensureStillExists } from './ensureStillExists';
import { resolveTarget } from './resolveTarget';

/** Opens the read-only details document of a namespace or process; returns it for tests. */
export const showDetails: CommandFactory = (ctx) => async (arg?: unknown) => {
  const target = await resolveTarget(ctx, arg, 'Show Details');
  if (!target || !ensureStillExists(target)) return undefined;
  const uri = target.kind === 'namespace' ? namespaceDetailsUri(target.ns) : processDetailsUri(target.process);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
};
