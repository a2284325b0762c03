import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../../core/model/result';
import type { CommandFactory } from '../commandContext';
import { showHelperError } from '../helper/showHelperError';

/**
 * "Show All Namespaces (privileged)", from the limited-view item: discovery from the privileged
 * helper's snapshot, through the same parsers. Returns the result (tests use it).
 */
export const showAllPrivileged: CommandFactory = (ctx) => async (): Promise<DiscoveryResult | undefined> => {
  try {
    return await vscode.window.withProgress(
      { location: { viewId: 'nsInspector.namespaces' }, title: 'Reading all namespaces with the privileged helper' },
      () => ctx.view.setPrivileged(true),
    );
  } catch (error) {
    await showHelperError('Could not show all namespaces', error);
    return undefined;
  }
};
