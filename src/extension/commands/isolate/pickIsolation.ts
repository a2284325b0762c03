// Asks which namespaces a new isolated terminal or session gets (presets first, then each type
// with what it isolates) and, with UTS, an optional hostname checked as it is typed.
import * as vscode from 'vscode';
import type { NsType } from '../../../core/model/nsType';
import { ISOLATES, ISOLATION_TYPES, PRESETS } from '../../../core/isolate/isolationTypes';
import { hostnameProblem } from '../../../core/isolate/hostnameRule';
import { typeCodicon } from '../../views/namespaces/typeIcons';

interface TypePick extends vscode.QuickPickItem {
  types: readonly NsType[];
}

/** The chosen types (maybe none: the caller refuses that with a message), undefined if cancelled. */
export async function pickIsolationTypes(title: string): Promise<NsType[] | undefined> {
  const presets: TypePick[] = PRESETS.map((p) => ({ label: `$(layers) ${p.title}`, description: 'preset', detail: p.types.join(', '), types: p.types }));
  const singles: TypePick[] = ISOLATION_TYPES.map((t) => ({ label: `$(${typeCodicon(t)}) ${t}`, description: ISOLATES[t], types: [t], picked: t === 'uts' || t === 'pid' }));
  const picks = await vscode.window.showQuickPick(
    [{ label: 'Presets', kind: vscode.QuickPickItemKind.Separator, types: [] }, ...presets, { label: 'Namespace types', kind: vscode.QuickPickItemKind.Separator, types: [] }, ...singles],
    { title, canPickMany: true, placeHolder: 'Namespaces to isolate (a preset adds its types)' },
  );
  return picks && [...new Set(picks.flatMap((p) => p.types))];
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
