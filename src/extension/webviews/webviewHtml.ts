// Reusable webview plumbing (any panel or view): the HTML shell of a webview. Scripts and styles
// come only from media/ (through asWebviewUri), under a CSP of default-src 'none' with a fresh
// nonce per page; no inline handlers, no inline styles. Codicons are in media/codicons/.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  title: string;
  /** Bundles under media/, e.g. "webview/idMaps.js" (scripts/build.mjs writes them). */
  scripts: string[];
  /** Stylesheets under media/, e.g. "webview/idMaps.css". */
  styles: string[];
}

/** The folder webviews may load from: localResourceRoots is exactly this. */
export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** Options for createWebviewPanel and for panels a serializer restores. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)], enableFindWidget: true };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomUUID().replace(/-/g, '');
  const media = (path: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), ...path.split('/'))).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = ['codicons/codicon.css', 'webview/base.css', ...page.styles]
    .map((s) => `<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(media(s))}">`)
    .join('\n    ');
  const scripts = page.scripts.map((s) => `<script nonce="${nonce}" src="${escapeHtml(media(s))}"></script>`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeHtml(page.title)}</title>
    ${styles}
  </head>
  <body>
    <main id="root" aria-busy="true"></main>
    ${scripts}
  </body>
</html>`;
}
