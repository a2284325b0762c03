// Reusable webview plumbing: typed messages between the extension and one webview. The webview
// posts {type: 'ready'} when its script has started (again after each reload of the frame); until
// the first ready, posts are queued. Every other incoming message goes through `validate` first:
// one that fails is logged and dropped, never acted on.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';

export interface WebviewMessage {
  type: string;
}

export class WebviewChannel<ToWebview extends WebviewMessage, FromWebview extends WebviewMessage> extends Disposable {
  private readonly messages = this._register(new vscode.EventEmitter<FromWebview>());
  private readonly readies = this._register(new vscode.EventEmitter<void>());
  private queue: ToWebview[] | undefined = [];
  /** Validated messages from the webview (not the ready handshake). */
  readonly onMessage = this.messages.event;
  /** The webview's script (re)started: post it the current state. */
  readonly onReady = this.readies.event;
  private readonly posts = this._register(new vscode.EventEmitter<ToWebview>());
  /** A message went to the page (the queued ones when it first said ready). */
  readonly onDidPost = this.posts.event;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly validate: (message: unknown) => FromWebview | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly name: string,
  ) {
    super();
    this._register(webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
  }

  post(message: ToWebview): void {
    if (this.queue) this.queue.push(message);
    else this.send(message);
  }

  private send(message: ToWebview): void {
    void this.webview.postMessage(message);
    this.posts.fire(message);
  }

  private receive(message: unknown): void {
    if (isReady(message)) {
      const queued = this.queue ?? [];
      this.queue = undefined;
      for (const m of queued) this.send(m);
      this.readies.fire();
      return;
    }
    const valid = this.validate(message);
    if (valid === undefined) {
      this.log.warn(`${this.name}: dropped an invalid message from the webview: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    this.messages.fire(valid);
  }
}

function isReady(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready' && Object.keys(message).length === 1;
}
