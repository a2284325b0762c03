// The view shows the last refresh; acting on an item checks that its namespace or process still
// exists now, and says so clearly (with a Refresh button) when it does not.
import * as vscode from 'vscode';
import { findNamespaceEntry, processStillRuns } from '../../../core/exec/namespaceEntry';
import type { NamespaceEntry } from '../../../core/exec/nsenterArgv';
import { nsRef } from '../../../core/tree/nsRefText';
import { COMMAND_IDS } from '../commandIds';
import { hostTextForUi } from '../../../core/text/hostText';
import type { Target } from './resolveTarget';

/** A way into the target now, or undefined (after telling the user) when it is gone. */
export function ensureStillExists(target: Target): NamespaceEntry | undefined {
  if (target.kind === 'process') {
    if (processStillRuns(target.process)) return { kind: 'process', pid: target.process.pid };
    reportGone(`Process ${target.process.pid} (${hostTextForUi(target.process.command)}) has exited since the view was refreshed.`);
    return undefined;
  }
  const entry = findNamespaceEntry(target.ns);
  if (entry) return entry;
  const label = target.ns.label ? ` (${hostTextForUi(target.ns.label)})` : '';
  reportGone(`Namespace ${nsRef(target.ns)}${label} no longer exists: what held it went away since the view was refreshed.`);
  return undefined;
}

function reportGone(message: string): void {
  void vscode.window.showWarningMessage(message, 'Refresh').then((choice) => {
    if (choice) void vscode.commands.executeCommand(COMMAND_IDS.refresh);
  });
}
