// Opens an integrated terminal that runs one argv: shellPath is the program, shellArgs the rest,
// so nothing is ever joined into a string a shell would parse.
import * as vscode from 'vscode';
import { findExecutable } from '../../core/exec/findExecutable';
import { holdOpenArgv } from '../../core/exec/holdOpen';
import { shellJoin } from '../../core/exec/shellQuote';
import { hostText, hostTextForUi, LINE_MAX } from '../../core/text/hostText';
import { earlyExits } from './earlyExits';

export interface ArgvTerminalSpec {
  name: string;
  icon: string;
  argv: readonly string[];
  cwd?: string;
  /** Keep the terminal open after the program ends, until Enter (holdOpen.ts). */
  holdOpen?: boolean;
}

/** The options for createTerminal or a TerminalProfile; undefined (after saying why) if the program is missing. */
export function argvTerminalOptions(spec: ArgvTerminalSpec): vscode.TerminalOptions | undefined {
  const program = findExecutable(spec.argv[0]);
  if (!program) {
    void vscode.window.showErrorMessage(`"${spec.argv[0]}" is not installed or not on PATH: install it (util-linux has unshare and nsenter) and try again.`);
    return undefined;
  }
  const argv = spec.holdOpen ? holdOpenArgv(spec.argv) : spec.argv;
  if (!argv) {
    void vscode.window.showErrorMessage('nsinspect-hold-open is missing from the extension: reinstall it.');
    return undefined;
  }
  const name = hostTextForUi(spec.name, LINE_MAX);
  earlyExits()?.expect(name, spec.argv);
  return { name, iconPath: new vscode.ThemeIcon(spec.icon), shellPath: argv === spec.argv ? program : (findExecutable(argv[0]) ?? argv[0]), shellArgs: argv.slice(1), cwd: spec.cwd };
}

export function openArgvTerminal(log: vscode.LogOutputChannel, spec: ArgvTerminalSpec): vscode.Terminal | undefined {
  const options = argvTerminalOptions(spec);
  if (!options) return undefined;
  log.debug(`terminal "${hostText(spec.name, LINE_MAX)}": ${shellJoin(spec.argv)}`);
  const terminal = vscode.window.createTerminal(options);
  earlyExits()?.expect(options.name ?? spec.name, spec.argv, terminal);
  terminal.show();
  return terminal;
}

/** The user's shell, for a terminal that should feel like their usual one. */
export function userShell(): string {
  return vscode.env.shell || process.env.SHELL || '/bin/sh';
}
