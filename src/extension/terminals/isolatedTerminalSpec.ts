// The terminal an isolation request becomes: its unshare argv, a name and an icon that say what
// it isolates. Shared by the "New Isolated Terminal…" command, the terminal profiles and
// "Run in Namespace…" with a new session.
import * as vscode from 'vscode';
import { unshareArgv, type PrivilegeRoute, type UnshareResult } from '../../core/exec/unshareArgv';
import { isolationTitle } from '../../core/isolate/isolationTypes';
import type { ArgvTerminalSpec } from './argvTerminal';
import { ISOLATED_NAME_PREFIX, ISOLATED_TERMINAL_ICON } from './isolatedSessions';

export interface IsolationChoice {
  types: readonly string[];
  hostname?: string;
  privilege?: PrivilegeRoute;
  command: readonly string[];
}

export const isRoot = (): boolean => process.getuid?.() === 0;

export function isolatedTerminalSpec(choice: IsolationChoice, result: UnshareResult & { ok: true }, cwd?: string): ArgvTerminalSpec {
  const what = isolationTitle(result.types);
  const via = result.argv[0] === 'sudo' ? ' via sudo' : '';
  return { name: `${ISOLATED_NAME_PREFIX}${what}${choice.hostname ? ` (${choice.hostname})` : ''}${via}`, icon: ISOLATED_TERMINAL_ICON, argv: result.argv, cwd };
}

/**
 * The unshare argv for a choice; when a user who is not root asked for types that need privileges,
 * asks how to get them (a user namespace, or sudo in the terminal). Undefined after telling why.
 */
export async function resolveUnshare(choice: IsolationChoice): Promise<(UnshareResult & { ok: true }) | undefined> {
  let result = unshareArgv({ ...choice, isRoot: isRoot() });
  if (!result.ok && result.reason === 'needsPrivilege') {
    const userns = 'Add a User Namespace';
    const sudo = 'Run through sudo';
    const pick = await vscode.window.showWarningMessage(
      `You are not root. ${result.message}`,
      { modal: true, detail: 'With a user namespace you are root inside only. With sudo, the password prompt appears in the terminal.' },
      userns,
      sudo,
    );
    if (!pick) return undefined;
    result = unshareArgv({ ...choice, isRoot: false, privilege: pick === sudo ? 'sudo' : 'userNamespace' });
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  return result;
}
