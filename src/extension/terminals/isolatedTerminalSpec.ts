// The terminal an isolation request becomes: its unshare argv, a name and an icon that say what
// it isolates. Shared by the "New Isolated Terminal…" command, the terminal profiles and
// "Run in Namespace…" with a new session.
import * as vscode from 'vscode';
import { unshareArgv, type PrivilegeRoute, type UnshareResult } from '../../core/exec/unshareArgv';
import { isolationTitle } from '../../core/isolate/isolationTypes';
import type { CallerIdentity, PrivilegeChoice } from '../callerIdentity';
import type { ArgvTerminalSpec } from './argvTerminal';
import { isNsType } from '../../core/model/nsType';
import { typeCodicon } from '../views/namespaces/typeIcons';
import { ISOLATED_NAME_PREFIX, ISOLATED_TERMINAL_ICON } from './isolatedSessions';

export interface IsolationChoice {
  types: readonly string[];
  hostname?: string;
  privilege?: PrivilegeRoute;
  /** Inside an added user namespace: root (the default) or the caller's own UID. */
  mapUser?: 'root' | 'current';
  command: readonly string[];
}

export function isolatedTerminalSpec(choice: IsolationChoice, result: UnshareResult & { ok: true }, cwd?: string): ArgvTerminalSpec {
  const what = isolationTitle(result.types);
  const via = result.argv[0] === 'sudo' ? ' via sudo' : '';
  // One type asked for: its own icon (a globe for a network namespace); several: a shield.
  const icon = choice.types.length === 1 && isNsType(choice.types[0]) ? typeCodicon(choice.types[0]) : ISOLATED_TERMINAL_ICON;
  return { name: `${ISOLATED_NAME_PREFIX}${what}${choice.hostname ? ` (${choice.hostname})` : ''}${via}`, icon, argv: result.argv, cwd };
}

type Route = 'userRoot' | 'userCurrent' | 'sudo';

/**
 * The unshare argv for a choice; when a user who is not root asked for types that need privileges,
 * asks how to get them (a user namespace, root inside or as themselves, or sudo in the terminal
 * unless nsInspector.helper.elevation is "none").
 * Undefined after telling why.
 */
export async function resolveUnshare(identity: CallerIdentity, choice: IsolationChoice): Promise<(UnshareResult & { ok: true }) | undefined> {
  let result = unshareArgv({ ...choice, isRoot: identity.isRoot });
  const sudoRefused = identity.sudoRefusal(`An isolated terminal with ${choice.types.join(', ')} namespaces`);
  if (!result.ok && result.reason === 'needsPrivilege') {
    const choices: Array<PrivilegeChoice<Route>> = [
      { id: 'userRoot', label: '$(person) Add a user namespace: root inside', detail: 'unshare --user --map-root-user: root inside the new namespaces only, you outside' },
      ...(choice.hostname === undefined
        ? [{ id: 'userCurrent' as const, label: '$(person) Add a user namespace: keep your user', detail: 'unshare --user --map-current-user: your own UID inside too' }]
        : []),
      // Not offered when privileged steps are turned off: the reason below says so.
      ...(sudoRefused ? [] : [{ id: 'sudo' as const, label: '$(key) Run through sudo in the terminal', detail: 'sudo unshare …: real root; the password prompt appears in the terminal' }]),
    ];
    const [headline, rest] = result.message.split(': ');
    const route = await identity.ask(`You are not root (UID ${identity.uid}): how should the terminal get the privileges?`, result.message, choices, [
      { headline, text: rest ?? '' },
      ...(sudoRefused ? [{ headline: 'sudo is turned off', text: sudoRefused }] : []),
    ]);
    if (!route) return undefined;
    result = unshareArgv({
      ...choice,
      isRoot: false,
      privilege: route === 'sudo' ? 'sudo' : 'userNamespace',
      mapUser: route === 'userCurrent' ? 'current' : choice.mapUser,
    });
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  // A caller that asked for sudo itself (command arguments) meets the same setting.
  if (result.argv[0] === 'sudo' && sudoRefused) {
    void vscode.window.showErrorMessage(sudoRefused);
    return undefined;
  }
  return result;
}
