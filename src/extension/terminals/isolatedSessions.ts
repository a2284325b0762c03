// Isolated terminals and the namespaces they made: the Namespaces view labels a session's
// namespaces with the terminal's name and "Show Terminal" brings it up; closing the terminal ends
// the session. A terminal is recognised by its name prefix and an unshare/sudo shellPath, so the
// ones opened from the terminal profiles ("+" menu) are sessions too.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../core/model/result';
import { sessionNamespaceKeys } from '../../core/isolate/sessionNamespaces';
import { processNamespaces } from '../../core/exec/processNamespaces';
import type { NsType } from '../../core/model/nsType';
import type { SessionRef } from '../../core/tree/treeNode';
import { Disposable } from '../disposable';

export const ISOLATED_NAME_PREFIX = 'Isolated: ';
/** The codicon of isolated terminals and of their sessions in the tree. */
export const ISOLATED_TERMINAL_ICON = 'shield';

export interface IsolatedSession {
  readonly terminal: vscode.Terminal;
  readonly name: string;
  /** The process the terminal started (unshare or sudo); its descendants are the session. */
  readonly pid: number;
}

export class IsolatedSessions extends Disposable {
  private readonly sessions = new Map<vscode.Terminal, IsolatedSession>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** A session started or ended. */
  readonly onDidChange = this.changed.event;
  /** Namespace key → session, as of the last sessionRefs() call. */
  private byNamespace = new Map<string, IsolatedSession>();

  constructor() {
    super();
    this._register(vscode.window.onDidOpenTerminal((terminal) => isIsolatedTerminal(terminal) && void this.add(terminal)));
    this._register(
      vscode.window.onDidCloseTerminal((terminal) => {
        if (this.sessions.delete(terminal)) this.changed.fire();
      }),
    );
    for (const terminal of vscode.window.terminals) if (isIsolatedTerminal(terminal)) void this.add(terminal);
  }

  /** Tracks a terminal as a session once its process is known; the same session when added twice. */
  async add(terminal: vscode.Terminal): Promise<IsolatedSession | undefined> {
    const known = this.sessions.get(terminal);
    if (known) return known;
    const pid = await terminal.processId;
    if (pid === undefined || terminal.exitStatus) return undefined;
    const session = this.sessions.get(terminal) ?? { terminal, name: terminal.name, pid };
    if (!this.sessions.has(terminal)) {
      this.sessions.set(terminal, session);
      // A refresh before unshare has made its namespaces would show the session empty.
      await untilUnshared(pid);
      this.changed.fire();
    }
    return session;
  }

  list(): IsolatedSession[] {
    return [...this.sessions.values()];
  }

  /** Every live session with the namespaces it made in this result (for the tree). */
  sessionRefs(result: DiscoveryResult): SessionRef[] {
    const own = result.processes.get(process.pid)?.namespaces ?? {};
    this.byNamespace = new Map();
    return this.list().map((session) => {
      const namespaceKeys = sessionNamespaceKeys(result, session.pid, own);
      for (const key of namespaceKeys) if (!this.byNamespace.has(key)) this.byNamespace.set(key, session);
      const icon = (session.terminal.creationOptions as vscode.TerminalOptions).iconPath;
      return { pid: session.pid, name: session.name, icon: icon instanceof vscode.ThemeIcon ? icon.id : undefined, namespaceKeys };
    });
  }

  /** Namespace key → the name of the session that made it (the topology's box labels). */
  namespaceNames(result: DiscoveryResult): Map<string, string> {
    const names = new Map<string, string>();
    for (const ref of this.sessionRefs(result)) for (const key of ref.namespaceKeys) if (!names.has(key)) names.set(key, ref.name);
    return names;
  }

  sessionOfNamespace(key: string): IsolatedSession | undefined {
    return this.byNamespace.get(key);
  }

  sessionOfPid(pid: number): IsolatedSession | undefined {
    return this.list().find((session) => session.pid === pid);
  }
}

async function untilUnshared(pid: number, timeoutMs = 2000): Promise<void> {
  const own = processNamespaces('self');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const now = processNamespaces(pid);
    if (Object.keys(now).length === 0 || Object.entries(now).some(([type, ino]) => own[type as NsType] !== ino) || hasChildren(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function hasChildren(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== '';
  } catch {
    return false;
  }
}

function isIsolatedTerminal(terminal: vscode.Terminal): boolean {
  const options = terminal.creationOptions as vscode.TerminalOptions;
  const program = options.shellPath ? basename(options.shellPath) : '';
  return terminal.name.startsWith(ISOLATED_NAME_PREFIX) && (program === 'unshare' || program === 'sudo');
}
