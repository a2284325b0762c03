// Terminals the extension opens that end at once get a message saying why, with the command and
// its exit status (VS Code itself only says that the terminal process failed to launch, or nothing).
import * as vscode from 'vscode';
import { EARLY_EXIT_MS, earlyExitMessage } from '../../core/exec/earlyExitReason';

interface Watched {
  argv: readonly string[];
  openedAt: number;
}

export class EarlyExits implements vscode.Disposable {
  /** The messages given, newest last (for the extension-host tests). */
  readonly explained: { terminal: vscode.Terminal; message: string }[] = [];
  private readonly watched = new Map<vscode.Terminal, Watched>();
  /** Terminal names the extension asked VS Code to open (profiles open without a Terminal object). */
  private readonly expected = new Map<string, readonly string[]>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.listeners = [
      vscode.window.onDidOpenTerminal((terminal) => {
        const argv = this.expected.get(terminal.name);
        if (argv && !this.watched.has(terminal)) this.watched.set(terminal, { argv, openedAt: Date.now() });
      }),
      vscode.window.onDidCloseTerminal((terminal) => this.closed(terminal)),
    ];
  }

  /** A terminal about to open (by name) or just opened, running argv. */
  expect(name: string, argv: readonly string[], terminal?: vscode.Terminal): void {
    this.expected.set(name, argv);
    if (this.expected.size > 50) this.expected.delete(this.expected.keys().next().value!);
    if (terminal) this.watched.set(terminal, { argv, openedAt: Date.now() });
  }

  private closed(terminal: vscode.Terminal): void {
    const watched = this.watched.get(terminal);
    this.watched.delete(terminal);
    const code = terminal.exitStatus?.code;
    // Closed by the user or an extension: not the program's doing.
    if (terminal.exitStatus?.reason !== undefined && terminal.exitStatus.reason !== vscode.TerminalExitReason.Process) return;
    if (!watched || code === undefined || code === 0 || Date.now() - watched.openedAt > EARLY_EXIT_MS) return;
    const message = earlyExitMessage(terminal.name, watched.argv, code);
    this.log.warn(message);
    this.explained.push({ terminal, message });
    void vscode.window.showErrorMessage(message);
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.watched.clear();
  }
}

let current: EarlyExits | undefined;

/** The watcher activate() made; openArgvTerminal and the profiles report to it. */
export function earlyExits(): EarlyExits | undefined {
  return current;
}

export function watchEarlyExits(log: vscode.LogOutputChannel): EarlyExits {
  current = new EarlyExits(log);
  return current;
}
