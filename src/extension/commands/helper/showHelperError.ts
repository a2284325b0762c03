// A failed privileged step, said so the user can act: a missing, tampered or stale helper offers
// reinstalling; anything else offers the log, where the audit line has the details.
import * as vscode from 'vscode';
import { HelperArgumentError } from '../../../core/helper/helperRules';
import { HelperError } from '../../helper/privilegedHelper';
import { COMMAND_IDS } from '../commandIds';

const INSTALL = 'Install Privileged Helper';
const LOG = 'Show Log';

/** Shows the message without waiting for it to be answered: the command that failed returns at once. */
export async function showHelperError(what: string, error: unknown): Promise<void> {
  const message = `${what}: ${(error as Error).message}`;
  if (error instanceof HelperArgumentError) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const trust = error instanceof HelperError ? error.trust : undefined;
  const trustProblem = trust !== undefined;
  const offer = trust?.reason === 'missing' ? ' Install it?' : ' Install it again?';
  void vscode.window.showErrorMessage(trustProblem ? `${message}${offer}` : message, ...(trustProblem ? [INSTALL, LOG] : [LOG])).then((choice) => {
    if (choice === INSTALL) void vscode.commands.executeCommand(COMMAND_IDS.installHelper);
    if (choice === LOG) void vscode.commands.executeCommand(COMMAND_IDS.showLog);
  });
}
