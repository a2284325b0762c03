// The password for `sudo -S`, typed into an integrated terminal the extension owns: it shows the
// exact command that will run as root, reads the password without echo, and closes. The
// password goes to sudo's stdin and is not kept.
import * as vscode from 'vscode';
import { userInfo } from 'node:os';

export function askSudoPassword(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number | void>();
    let typed = '';
    let settled = false;
    const finish = (value: string | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      close.fire();
      write.dispose();
      close.dispose();
    };
    const pty: vscode.Pseudoterminal = {
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        write.fire(`Namespace Inspector needs root for:\r\n  ${command}\r\n\r\n[sudo] password for ${userInfo().username}: `);
      },
      close: () => finish(undefined),
      handleInput: (data) => {
        for (const char of data) {
          if (char === '\r' || char === '\n') return finish(typed);
          if (char === '\x03' || char === '\x1b') return finish(undefined);
          if (char === '\x7f' || char === '\b') typed = typed.slice(0, -1);
          else if (char >= ' ') typed += char;
        }
      },
    };
    const terminal = vscode.window.createTerminal({ name: 'sudo: Namespace Inspector', pty, iconPath: new vscode.ThemeIcon('lock') });
    terminal.show();
  });
}
