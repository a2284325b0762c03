// A failed privileged step, said so the user can act: a missing, tampered or stale helper offers
// reinstalling; a refusal by the helper's policy names the rule and what an admin changes;
// anything else offers the log, where the audit line has the details.
import * as vscode from 'vscode';
import { HELPER_EXIT } from '../../../core/helper/exitCodes';
import { HelperArgumentError } from '../../../core/helper/helperRules';
import { parsePolicyRefusal, policyRefusalMessage } from '../../../core/helper/policyRefusal';
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
  const refusal = error instanceof HelperError && error.exitCode === HELPER_EXIT.policyRefused ? parsePolicyRefusal(error.stderr) : undefined;
  if (refusal) {
    void vscode.window.showErrorMessage(policyRefusalMessage(what, refusal), LOG).then((choice) => {
      if (choice === LOG) void vscode.commands.executeCommand(COMMAND_IDS.showLog);
    });
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
