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
import { LivePanel } from '../../webviews/livePanel';
import type { NamespacesView } from '../namespacesView';

/** How often a visible panel reads the process again. */
export const INSPECT_LIVE_INTERVAL_MS = 2000;

export class InspectPanel extends LivePanel<ToInspectWebview, FromInspectWebview> {
  private report: InspectReport | null = null;
  private gone = false;
  private error: string | null = null;

  constructor(
    panel: vscode.WebviewPanel,
    readonly target: InspectTarget,
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    log: vscode.LogOutputChannel,
  ) {
    super(panel, extensionUri, {
      title: `Inspect: PID ${target.pid}`,
      scripts: ['webview/inspect.js'],
      styles: ['webview/inspect.css'],
      name: 'Inspect Process',
      validate: checkInspectMessage,
      intervalMs: INSPECT_LIVE_INTERVAL_MS,
    }, log);
    this._register(this.channel.onMessage((message) => this.handle(message)));
    this._register(panel.onDidChangeViewState(() => (panel.visible ? this.update() : this.schedule())));
    this.update();
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
      this.postModel(false);
      this.schedule();
    }
    return this.report;
  }

  get isGone(): boolean {
    return this.gone;
  }

  protected isLive(): boolean {
    return !this.gone;
  }

  protected modelMessage(): { key: string; message: ToInspectWebview } {
    return {
      key: JSON.stringify([this.report, this.gone, this.error]),
      message: { type: 'report', report: this.report, gone: this.gone, error: this.error, target: this.target, updated: new Date().toISOString() },
    };
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
