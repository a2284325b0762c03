import * as vscode from 'vscode';
import { discover } from '../../../core/discovery/discover';
import type { CommandFactory } from '../commandContext';
import { countByType, summaryText, type CountsByType } from './summarize';

/**
 * Runs a discovery with a cancellable progress notification and shows the namespace counts per
 * type. Returns the counts (undefined when cancelled or failed) so tests can check them.
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
    void vscode.window.showInformationMessage(text);
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
