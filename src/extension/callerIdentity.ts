// Who the extension runs as, for what the terminals build and offer: whether the user is root
// (read by core/exec/callerPrivilege.ts, the one place that reads the UID) decides what New
// Isolated Terminal, the terminal profiles and the nsenter commands build and offer; whether a
// terminal may run sudo follows nsInspector.helper.elevation (read by helperSettings.ts, as the
// helper's own elevation does); and the question "how do you want the privileges?" is asked here.
// The extension-host tests walk the non-root paths in a VS Code that runs as an unprivileged user
// (test/vscode/unprivileged).
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { CONTEXT_KEYS, setContextKey } from './contextKeys';
import { callerUid, terminalSudoRefusal } from '../core/exec/callerPrivilege';
import type { ElevationMode } from '../core/helper/elevation';
import { readHelperSettings } from './helper/helperSettings';

export interface PrivilegeChoice<T extends string> {
  id: T;
  label: string;
  detail: string;
}

export interface PrivilegeQuestion {
  /** Why privileges are needed, in full. */
  reason: string;
  /** The ids of the choices offered, in order. */
  choices: string[];
}

export class CallerIdentity extends Disposable {
  constructor(private readonly elevation: () => ElevationMode = () => readHelperSettings().elevation) {
    super();
  }

  private readonly asked = this._register(new vscode.EventEmitter<PrivilegeQuestion>());
  /** A privilege question was shown (tests check what was offered, then answer the quick pick). */
  readonly onDidAsk = this.asked.event;

  get uid(): number {
    return callerUid();
  }

  get isRoot(): boolean {
    return this.uid === 0;
  }

  /** Whether a terminal may run `sudo …` for `action`: undefined, or why not (elevation "none"). */
  sudoRefusal(action: string): string | undefined {
    return terminalSudoRefusal(this.elevation(), action);
  }

  /** Tells the menus (their when-clauses) whether the user is root. */
  announce(): void {
    setContextKey(CONTEXT_KEYS.isRoot, this.isRoot);
  }

  /**
   * Asks how to get the privileges a command needs: the reasons first (a headline each, the
   * whole sentence below; accepting one does nothing), then the choices, the first one active.
   * The chosen id, undefined when dismissed.
   */
  async ask<T extends string>(title: string, reason: string, choices: ReadonlyArray<PrivilegeChoice<T>>, why: readonly WhyRow[] = []): Promise<T | undefined> {
    this.asked.fire({ reason, choices: choices.map((c) => c.id) });
    type Row = vscode.QuickPickItem & { id?: T };
    const options: Row[] = choices.map((choice) => ({ label: choice.label, detail: choice.detail, id: choice.id }));
    const reasons: Row[] = why.map((row) => ({ label: `$(info) ${row.headline}`, detail: row.text }));
    const separator = (label: string): Row => ({ label, kind: vscode.QuickPickItemKind.Separator });
    const pick = vscode.window.createQuickPick<Row>();
    pick.title = title;
    pick.placeholder = reason;
    pick.ignoreFocusOut = true;
    pick.items = reasons.length ? [separator('Why'), ...reasons, separator('What to do'), ...options] : options;
    pick.activeItems = options.slice(0, 1);
    return new Promise<T | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const id = pick.activeItems[0]?.id;
        if (id === undefined) return; // a reason row: nothing to do
        resolve(id);
        pick.hide();
      });
      pick.onDidHide(() => {
        resolve(undefined);
        pick.dispose();
      });
      pick.show();
    });
  }
}

/** One reason shown above the choices. */
export interface WhyRow {
  headline: string;
  text: string;
}
