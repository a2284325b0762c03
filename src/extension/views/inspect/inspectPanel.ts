// One Inspect Process panel: the facts of one process (src/core/inspect), kept live. While the
// panel is visible it reads /proc again every few seconds and posts the report when it changed;
// when the process has exited (or its PID names another process now) it says so and keeps the
// last report. The environment is read only when the webview asks (the user's click) and is
// never logged.
import * as vscode from 'vscode';
import { containerOfProcess } from '../../../core/inspect/containerOfProcess';
import { inspectProcess, ProcessGoneError } from '../../../core/inspect/inspectProcess';
import type { InspectReport } from '../../../core/inspect/inspectTypes';
import { checkInspectMessage, type FromInspectWebview, type InspectTarget, type ToInspectWebview } from '../../../core/inspect/inspectMessages';
import { Disposable } from '../../disposable';
import { WebviewChannel } from '../../webviews/webviewChannel';
import { webviewHtml, webviewOptions } from '../../webviews/webviewHtml';
import type { NamespacesView } from '../namespacesView';

/** How often a visible panel reads the process again. */
export const INSPECT_LIVE_INTERVAL_MS = 2000;

export class InspectPanel extends Disposable {
  readonly channel: WebviewChannel<ToInspectWebview, FromInspectWebview>;
  private report: InspectReport | null = null;
  private gone = false;
  private error: string | null = null;
  private posted = '';
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;
  /** The last report message posted; for tests. */

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: InspectTarget,
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    panel.title = `Inspect: PID ${target.pid}`;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'namespaces.svg');
    panel.webview.options = webviewOptions(extensionUri);
    this.channel = this._register(new WebviewChannel(panel.webview, checkInspectMessage, log, 'Inspect Process'));
    this._register(this.channel.onReady(() => this.post(true)));
    this._register(this.channel.onMessage((message) => this.handle(message)));
    this._register(panel.onDidChangeViewState(() => (panel.visible ? this.update() : this.schedule())));
    this._register(panel.onDidDispose(() => this.dispose()));
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { title: panel.title, scripts: ['webview/inspect.js'], styles: ['webview/inspect.css'] });
    this.update();
  }

  override dispose(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.disposedEmitter.fire();
    super.dispose();
  }

  /** Reads the process again and posts the report if it changed; returns it (null: never read). */
  update(): InspectReport | null {
    try {
      if (this.gone) return this.report;
      const result = this.view.result;
      const report = inspectProcess(this.target.pid, { container: result ? containerOfProcess(result, this.target.pid) : null });
      if (report.startTicks !== this.target.startTicks) {
        this.log.debug(`Inspect Process: PID ${this.target.pid} now names another process`);
        this.gone = true;
      } else {
        this.report = report;
        this.error = null;
        const title = `Inspect: ${report.command} (${report.pid})`;
        if (this.panel.title !== title) this.panel.title = title;
      }
    } catch (error) {
      if (error instanceof ProcessGoneError) this.gone = true;
      else {
        this.error = (error as Error).message;
        this.log.warn(`Inspect Process: PID ${this.target.pid}: ${this.error}`);
      }
    } finally {
      this.post(false);
      this.schedule();
    }
    return this.report;
  }

  get isGone(): boolean {
    return this.gone;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || !this.panel.visible || this.gone) return;
    this.timer = setTimeout(() => this.update(), INSPECT_LIVE_INTERVAL_MS);
  }

  private post(always: boolean): void {
    if (this.closed) return;
    const key = JSON.stringify([this.report, this.gone, this.error]);
    if (!always && key === this.posted) return;
    this.posted = key;
    this.channel.post({ type: 'report', report: this.report, gone: this.gone, error: this.error, target: this.target, updated: new Date().toISOString() });
  }

  private handle(message: FromInspectWebview): void {
    if (message.type === 'refresh') {
      this.update();
      return;
    }
    // The environment: read now, for this click only; only that it was shown is logged.
    if (this.gone) return this.channel.post({ type: 'environment', lines: null, error: `Process ${this.target.pid} has exited.` });
    try {
      const report = inspectProcess(this.target.pid, { withEnvironment: true });
      if (report.startTicks !== this.target.startTicks) throw new ProcessGoneError(`Process ${this.target.pid} has exited.`);
      const unreadable = report.unreadable.find((u) => u.what === 'environ');
      this.log.info(`Inspect Process: environment of PID ${this.target.pid} shown on request`);
      this.channel.post({ type: 'environment', lines: unreadable ? null : (report.environment ?? []), error: unreadable ? `Its environment cannot be read: ${unreadable.why}` : null });
    } catch (error) {
      this.channel.post({ type: 'environment', lines: null, error: (error as Error).message });
    }
  }
}
