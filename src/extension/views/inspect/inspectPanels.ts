// The open Inspect Process panels, one per process (inspecting it again reveals its panel), and
// their restore after a window reload (a process that exited meanwhile shows as gone).
import * as vscode from 'vscode';
import { checkInspectState, INSPECT_VIEW_TYPE, type InspectTarget } from '../../../core/inspect/inspectMessages';
import { Disposable } from '../../disposable';
import { registerPanelSerializer } from '../../webviews/panelSerializer';
import type { NamespacesView } from '../namespacesView';
import { InspectPanel } from './inspectPanel';

const keyOf = (target: InspectTarget) => `${target.pid}:${target.startTicks}`;

export class InspectPanels extends Disposable {
  private readonly panels = new Map<string, InspectPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(registerPanelSerializer(INSPECT_VIEW_TYPE, checkInspectState, (panel, state) => void this.adopt(panel, state), log));
    this._register({ dispose: () => [...this.panels.values()].forEach((p) => p.panel.dispose()) });
  }

  get open(): InspectPanel[] {
    return [...this.panels.values()];
  }

  show(target: InspectTarget): InspectPanel {
    const existing = this.panels.get(keyOf(target));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(INSPECT_VIEW_TYPE, `Inspect: PID ${target.pid}`, vscode.ViewColumn.Active, {});
    return this.adopt(panel, target);
  }

  private adopt(panel: vscode.WebviewPanel, target: InspectTarget): InspectPanel {
    const inspect = new InspectPanel(panel, { pid: target.pid, startTicks: target.startTicks }, this.extensionUri, this.view, this.log);
    const key = keyOf(target);
    this.panels.get(key)?.panel.dispose();
    this.panels.set(key, inspect);
    inspect.onDidDispose(() => this.panels.get(key) === inspect && this.panels.delete(key));
    return inspect;
  }
}
