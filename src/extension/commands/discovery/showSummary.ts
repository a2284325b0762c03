import * as vscode from 'vscode';
import { discover } from '../../../core/discovery/discover';
import type { CommandFactory } from '../commandContext';
import { countByType, summaryMarkdown, summaryText, type CountsByType } from './summarize';
import { SUMMARY_URI } from '../../views/namespaces/detailsDocuments';

/**
 * Runs a discovery with a cancellable progress notification and shows the namespace counts per
 * type: in a notification, whose "Show Details" opens them as a document (a table, when, warnings)
 * to read and copy. Returns the counts (undefined when cancelled or failed) so tests can check them.
 */
export const showSummary: CommandFactory = (ctx) => async (): Promise<CountsByType | undefined> => {
  const title = 'Namespace Inspector: discovering namespaces';
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return discover({ signal: abort.signal });
      },
    );
    const counts = countByType(result.namespaces.values());
    const text = summaryText(counts, result.processes.size);
    ctx.log.info(`summary: ${text}`);
    for (const warning of result.warnings) ctx.log.warn(warning);
    ctx.view.details.setSummary(summaryMarkdown(counts, result.processes.size, new Date(), result.warnings));
    void vscode.window.showInformationMessage(text, 'Show Details').then(async (choice) => {
      if (choice) await vscode.commands.executeCommand('markdown.showPreview', SUMMARY_URI);
    });
    return counts;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return undefined;
    ctx.log.error('discovery failed', error);
    void vscode.window.showErrorMessage(`Namespace discovery failed: ${(error as Error).message}`, 'Show Log').then((choice) => {
      if (choice) ctx.log.show(true);
    });
    return undefined;
  }
};
