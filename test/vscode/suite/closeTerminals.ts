// Closing the terminals a test file opened and waiting until they are really gone: their
// processes exited and their sessions ended (each ending refreshes the view), so the next test
// file starts from a quiet view instead of refreshes landing in the middle of its steps.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { waitFor } from '../../integration/support/namespaces';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';

export async function closeTerminals(api: NamespaceInspectorApi | undefined, terminals: readonly vscode.Terminal[]): Promise<void> {
  const pids = await Promise.all(terminals.map((terminal) => terminal.processId));
  for (const terminal of terminals) terminal.dispose();
  await waitFor('the terminals to close', () => (terminals.some((t) => vscode.window.terminals.includes(t)) ? undefined : true), 15_000);
  await waitFor('their processes to exit', () => (pids.some((pid) => pid !== undefined && running(pid)) ? undefined : true), 15_000);
  if (!api) return;
  await waitFor('their sessions to end', () => (api.sessions.list().some((s) => terminals.includes(s.terminal)) ? undefined : true), 15_000);
  await vscode.commands.executeCommand('nsInspector.view.refresh');
}

function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
