// A read-only document showing what "Install Privileged Helper" will write, before it writes it.
// The content provider is registered on first use and lives as long as the extension host.
import * as vscode from 'vscode';

const SCHEME = 'nsinspector-install';
const texts = new Map<string, string>();
let provider: vscode.Disposable | undefined;

export async function showInstallPreview(text: string): Promise<vscode.TextEditor> {
  provider ??= vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: (uri) => texts.get(uri.path) ?? '' });
  const path = `/Install Privileged Helper ${texts.size + 1}.txt`;
  texts.set(path, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path }));
  return vscode.window.showTextDocument(document, { preview: false });
}
