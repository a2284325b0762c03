// A finished capture: opened in Wireshark when it is installed (its own window, argv only),
// else revealed in the Explorer with an offer to show it in the OS file manager.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findExecutable } from '../../../core/exec/findExecutable';

export function openCapture(log: vscode.LogOutputChannel, file: string, bytes: number): 'wireshark' | 'revealed' {
  const wireshark = findExecutable('wireshark');
  if (wireshark) {
    const child = spawn(wireshark, ['-r', file], { detached: true, stdio: 'ignore' });
    child.on('error', (error) => log.warn(`wireshark -r ${file}: ${error.message}`));
    child.unref();
    log.info(`capture: opened ${file} in ${wireshark}`);
    void vscode.window.showInformationMessage(`Capture saved: ${path.basename(file)} (${bytes} bytes), opened in Wireshark.`);
    return 'wireshark';
  }
  void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file)).then(undefined, () => undefined);
  void vscode.window.showInformationMessage(`Capture saved: ${path.basename(file)} (${bytes} bytes).`, 'Reveal in File Manager').then((choice) => {
    if (choice) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(file));
  });
  return 'revealed';
}
