// A failed privileged step, said so the user can act: a missing, tampered or stale helper offers
// reinstalling; anything else offers the log, where the audit line has the details.
import * as vscode from 'vscode';
import { HelperArgumentError } from '../../../core/helper/helperRules';
import { HelperError } from '../../helper/privilegedHelper';
import { COMMAND_IDS } from '../commandIds';

const INSTALL = 'Install Privileged Helper';
const LOG = 'Show Log';

export async function showHelperError(what: string, error: unknown): Promise<void> {
  const message = `${what}: ${(error as Error).message}`;
  if (error instanceof HelperArgumentError) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const trustProblem = error instanceof HelperError && error.trust !== undefined;
  const choice = await vscode.window.showErrorMessage(trustProblem ? `${message} Install it again?` : message, ...(trustProblem ? [INSTALL, LOG] : [LOG]));
  if (choice === INSTALL) await vscode.commands.executeCommand(COMMAND_IDS.installHelper);
  if (choice === LOG) await vscode.commands.executeCommand(COMMAND_IDS.showLog);
}
