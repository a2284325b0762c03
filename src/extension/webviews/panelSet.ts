// Reusable webview plumbing: the open panels of one view type, one per target (showing a target
// again reveals its panel), and their restore after a window reload from the state each page kept.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { registerPanelSerializer } from './panelSerializer';

export interface PanelKind<Target, Panel> {
  viewType: string;
  /** Checks the state a page kept (it came from the page, so it is hostile) into a target. */
  validateState: (state: unknown) => Target | undefined;
  /** Which panel a target has: targets with the same key share one. */
  key: (target: Target) => string;
  title: (target: Target) => string;
  /** Makes the live panel of a target inside a VS Code panel (a new one, or one VS Code restored). */
  create: (panel: vscode.WebviewPanel, target: Target) => Panel;
}

export class PanelSet<Target, Panel extends { readonly panel: vscode.WebviewPanel; readonly onDidDispose: vscode.Event<void> }> extends Disposable {
  private readonly panels = new Map<string, Panel>();

  constructor(
    private readonly kind: PanelKind<Target, Panel>,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(registerPanelSerializer(kind.viewType, kind.validateState, (panel, state) => void this.adopt(panel, state), log));
    this._register({ dispose: () => [...this.panels.values()].forEach((p) => p.panel.dispose()) });
  }

  get open(): Panel[] {
    return [...this.panels.values()];
  }

  show(target: Target): Panel {
    const existing = this.panels.get(this.kind.key(target));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title(target), vscode.ViewColumn.Active, {});
    return this.adopt(panel, target);
  }

  private adopt(panel: vscode.WebviewPanel, target: Target): Panel {
    const live = this.kind.create(panel, target);
    const key = this.kind.key(target);
    this.panels.get(key)?.panel.dispose();
    this.panels.set(key, live);
    live.onDidDispose(() => this.panels.get(key) === live && this.panels.delete(key));
    return live;
  }
}
