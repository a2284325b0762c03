// Asks which namespaces a new isolated terminal or session gets (presets first, then each type
// with what it isolates) and, with UTS, an optional hostname checked as it is typed.
import * as vscode from 'vscode';
import type { NsType } from '../../../core/model/nsType';
import { ISOLATES, ISOLATION_TYPES, PRESETS } from '../../../core/isolate/isolationTypes';
import { hostnameProblem } from '../../../core/isolate/hostnameRule';
import { presetsCoveredBy, syncPresetSelection, type PresetSelection } from '../../../core/isolate/presetSelection';
import { typeCodicon } from '../../views/namespaces/typeIcons';

interface TypePick extends vscode.QuickPickItem {
  types: readonly NsType[];
  /** Set on a preset's row. */
  presetId?: string;
}

/**
 * The chosen types (maybe none: the caller refuses that with a message), undefined if cancelled.
 * Presets and types stay ticked together (a preset is ticked exactly when all its types are).
 */
export async function pickIsolationTypes(title: string): Promise<NsType[] | undefined> {
  const presets: TypePick[] = PRESETS.map((p) => ({ label: `$(layers) ${p.title}`, description: 'preset', detail: p.types.join(', '), types: p.types, presetId: p.id }));
  const singles: TypePick[] = ISOLATION_TYPES.map((t) => ({ label: `$(${typeCodicon(t)}) ${t}`, description: ISOLATES[t], types: [t] }));
  const pick = vscode.window.createQuickPick<TypePick>();
  pick.title = title;
  pick.canSelectMany = true;
  pick.placeholder = 'Namespaces to isolate (a preset adds its types)';
  pick.items = [{ label: 'Presets', kind: vscode.QuickPickItemKind.Separator, types: [] }, ...presets, { label: 'Namespace types', kind: vscode.QuickPickItemKind.Separator, types: [] }, ...singles];
  const show = (selection: PresetSelection) => {
    shown = selection;
    pick.selectedItems = [...presets.filter((p) => selection.presets.has(p.presetId!)), ...singles.filter((s) => selection.types.has(s.types[0]))];
  };
  const current = (): PresetSelection => ({
    presets: new Set(pick.selectedItems.flatMap((item) => (item.presetId ? [item.presetId] : []))),
    types: new Set(pick.selectedItems.flatMap((item) => (item.presetId ? [] : item.types))),
  });
  const initialTypes = new Set<NsType>(['uts', 'pid']);
  let shown: PresetSelection = { presets: presetsCoveredBy(initialTypes), types: initialTypes };
  show(shown);
  const chosen = await new Promise<NsType[] | undefined>((resolve) => {
    pick.onDidChangeSelection(() => {
      const now = current();
      const synced = syncPresetSelection(shown, now);
      if (!sameSelection(synced, now)) show(synced);
      else shown = now;
    });
    pick.onDidAccept(() => resolve(ISOLATION_TYPES.filter((t) => current().types.has(t))));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return chosen;
}

function sameSelection(a: PresetSelection, b: PresetSelection): boolean {
  const same = <T>(x: ReadonlySet<T>, y: ReadonlySet<T>) => x.size === y.size && [...x].every((v) => y.has(v));
  return same(a.presets, b.presets) && same(a.types, b.types);
}

/** An optional hostname: empty keeps the current one; undefined if cancelled. */
export async function askHostname(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Hostname inside the new UTS namespace',
    prompt: 'Letters, digits and "-", at most 64 bytes; leave empty to keep the current hostname',
    value: `ns-${Math.floor(Math.random() * 1e4)}`,
    validateInput: (value) => (value === '' ? undefined : hostnameProblem(value)),
  });
}
