// The runner's log (core/exec/runLog.ts) on the Namespace Inspector output channel: one debug
// line per program run (Output: Namespace Inspector, log level Debug shows them). Each line is
// also an event, so a reader in the extension host (the tests) need not scrape the channel.
import * as vscode from 'vscode';
import { setRunLogger, type RunLogger } from '../core/exec/runLog';
import { Disposable } from './disposable';

export class RunLogChannel extends Disposable implements RunLogger {
  private readonly logged = this._register(new vscode.EventEmitter<string>());
  /** A run was logged: the line written to the channel. */
  readonly onDidLog = this.logged.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    setRunLogger(this);
    this._register({ dispose: () => setRunLogger(undefined) });
  }

  debug(line: string): void {
    this.log.debug(line);
    this.logged.fire(line);
  }
}
