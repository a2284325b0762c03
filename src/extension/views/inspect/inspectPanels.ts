// The open Inspect Process panels, one per process (PID and start time), restored after a window
// reload (a process that exited meanwhile shows as gone).
import type * as vscode from 'vscode';
import { checkInspectState, INSPECT_VIEW_TYPE, type InspectTarget } from '../../../core/inspect/inspectMessages';
import { PanelSet } from '../../webviews/panelSet';
import type { NamespacesView } from '../namespacesView';
import { InspectPanel } from './inspectPanel';

export class InspectPanels extends PanelSet<InspectTarget, InspectPanel> {
  constructor(extensionUri: vscode.Uri, view: NamespacesView, log: vscode.LogOutputChannel) {
    super(
      {
        viewType: INSPECT_VIEW_TYPE,
        validateState: checkInspectState,
        key: (target) => `${target.pid}:${target.startTicks}`,
        title: (target) => `Inspect: PID ${target.pid}`,
        create: (panel, target) => new InspectPanel(panel, { pid: target.pid, startTicks: target.startTicks }, extensionUri, view, log),
      },
      log,
    );
  }
}
