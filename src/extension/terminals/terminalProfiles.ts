// Terminal profiles for the common presets, in the terminal panel's "+" menu. A user who is not
// root gets a user namespace with them (a profile cannot ask), so they always open.
import * as vscode from 'vscode';
import { unshareArgv } from '../../core/exec/unshareArgv';
import { PRESETS } from '../../core/isolate/isolationTypes';
import { argvTerminalOptions, userShell } from './argvTerminal';
import { isolatedTerminalSpec } from './isolatedTerminalSpec';
import type { CallerIdentity } from '../callerIdentity';

/** The profile ids package.json contributes (contributes.terminal.profiles). */
export const PROFILE_PRESETS: Record<string, string> = {
  'nsInspector.isolated.utsPid': 'utsPid',
  'nsInspector.isolated.network': 'network',
  'nsInspector.isolated.everything': 'everything',
};

export function registerTerminalProfiles(log: vscode.LogOutputChannel, identity: CallerIdentity): vscode.Disposable[] {
  return Object.entries(PROFILE_PRESETS).map(([profileId, presetId]) =>
    vscode.window.registerTerminalProfileProvider(profileId, {
      provideTerminalProfile() {
        const preset = PRESETS.find((p) => p.id === presetId)!;
        const choice = { types: preset.types, command: [userShell()], privilege: 'userNamespace' as const };
        const result = unshareArgv({ ...choice, isRoot: identity.isRoot });
        if (!result.ok) throw new Error(result.message);
        const options = argvTerminalOptions(isolatedTerminalSpec(choice, result));
        if (!options) throw new Error('unshare is not installed');
        log.debug(`terminal profile ${profileId}: ${result.argv.join(' ')}`);
        return new vscode.TerminalProfile(options);
      },
    }),
  );
}
