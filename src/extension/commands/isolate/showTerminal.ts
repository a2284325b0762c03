import * as vscode from 'vscode';
import { idKey } from '../../../core/model/namespaceId';
import type { CommandFactory } from '../commandContext';
import { hostTextForUi, LINE_MAX } from '../../../core/text/hostText';

/** Brings up the isolated terminal of a session item or of a namespace it made (or a pick); returns the terminal. */
export const showTerminal: CommandFactory = (ctx) => async (arg?: unknown) => {
  const node = typeof arg === 'string' ? ctx.view.snapshot?.node(arg) : undefined;
  const session =
    node?.kind === 'session'
      ? ctx.sessions.sessionOfPid(node.session.pid)
      : node?.kind === 'namespace'
        ? ctx.sessions.sessionOfNamespace(idKey(node.ns.id))
        : await pickSession(ctx.sessions.list());
  if (!session) {
    if (node) void vscode.window.showWarningMessage('The terminal of that session was closed.');
    return undefined;
  }
  session.terminal.show();
  return session.terminal;
};

async function pickSession<T extends { name: string; pid: number }>(sessions: T[]): Promise<T | undefined> {
  if (sessions.length === 0) {
    void vscode.window.showInformationMessage('No isolated terminal is open: "New Isolated Terminal…" opens one.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(sessions.map((s) => ({ label: hostTextForUi(s.name, LINE_MAX), description: `PID ${s.pid}`, session: s })), { title: 'Show Terminal' });
  return pick?.session;
}
