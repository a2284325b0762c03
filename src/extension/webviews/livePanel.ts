// Reusable webview plumbing: the skeleton of a live panel (ID maps, topology, Inspect Process). It sets up the
// page (title, icon, scripts and styles under the CSP), the typed channel, looks again every few
// seconds while the panel is visible and the subclass says it is live, and posts the model only
// when it changed (always after a ready: the page was (re)loaded and has nothing).
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { WebviewChannel, type WebviewMessage } from './webviewChannel';
import { webviewHtml, webviewOptions, type WebviewPage } from './webviewHtml';

export interface LivePage<From> extends WebviewPage {
  /** The channel's name in the log. */
  name: string;
  validate: (message: unknown) => From | undefined;
  /** How often a visible, live panel looks again. */
  intervalMs: number;
}

export abstract class LivePanel<To extends WebviewMessage, From extends WebviewMessage> extends Disposable {
  readonly channel: WebviewChannel<To, From>;
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;
  protected closed = false;
  private timer: NodeJS.Timeout | undefined;
  private posted = '';

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly page: LivePage<From>,
    protected readonly log: vscode.LogOutputChannel,
  ) {
    super();
    panel.title = page.title;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'namespaces.svg');
    panel.webview.options = webviewOptions(extensionUri);
    this.channel = this._register(new WebviewChannel(panel.webview, page.validate, log, page.name));
    this._register(this.channel.onReady(() => this.postModel(true)));
    this._register(panel.onDidDispose(() => this.dispose()));
    panel.webview.html = webviewHtml(panel.webview, extensionUri, page);
  }

  override dispose(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.disposedEmitter.fire();
    super.dispose();
  }

  /** Looks again and posts the model when it changed. */
  abstract update(): unknown;

  /** The model message and the key that tells whether it changed; undefined while there is none. */
  protected abstract modelMessage(): { key: string; message: To } | undefined;

  /** Whether the panel looks again by itself now (besides being visible and open). */
  protected abstract isLive(): boolean;

  protected schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || !this.panel.visible || !this.isLive()) return;
    this.timer = setTimeout(() => void this.update(), this.page.intervalMs);
  }

  protected postModel(always: boolean): void {
    if (this.closed) return;
    const model = this.modelMessage();
    if (!model || (!always && model.key === this.posted)) return;
    this.posted = model.key;
    this.channel.post(model.message);
  }
}
