// A finished capture: opened in Wireshark when it is on PATH (looked up now, so the PATH VS Code
// runs with decides; its own window, argv only: the pcap path is one argument, whatever it holds),
// else revealed in the Explorer with an offer to show it in the OS file manager.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findOnPath } from '../../../core/exec/findExecutable';
import { runLogger, runStartLine } from '../../../core/exec/runLog';

/** Where a finished capture was handed to the user. */
export type CaptureHandOver = 'wireshark' | 'revealed';

export function openCapture(log: vscode.LogOutputChannel, file: string, bytes: number): CaptureHandOver {
  const wireshark = findOnPath('wireshark');
  if (wireshark) {
    const argv = [wireshark, '-r', file];
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' });
    runLogger()?.debug(runStartLine(argv, child.pid));
    child.on('error', (error) => log.warn(`wireshark -r ${file}: ${error.message}`));
    child.unref();
    log.info(`capture: opened ${file} in ${wireshark}`);
    void vscode.window.showInformationMessage(`Capture saved: ${path.basename(file)} (${bytes} bytes), opened in Wireshark.`);
    return 'wireshark';
  }
  log.info(`capture: no wireshark on PATH, ${file} revealed in the Explorer`);
  void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file)).then(undefined, () => undefined);
  void vscode.window.showInformationMessage(`Capture saved: ${path.basename(file)} (${bytes} bytes).`, 'Reveal in File Manager').then((choice) => {
    if (choice) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(file));
  });
  return 'revealed';
}
