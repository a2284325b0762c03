// The terminal profiles the extension contributes (the terminal panel's "+" menu): each is
// declared in package.json and provided at run time, and creating one through VS Code's own
// "Create New Terminal (With Profile)" command opens an isolated shell: proof written from inside.
// For a user who is not root a profile adds a user namespace: test/vscode/unprivileged.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { nsInode, waitFor } from '../../integration/support/namespaces';
import { PROFILE_PRESETS } from '../../../src/extension/terminals/terminalProfiles';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import { closeTerminals } from './closeTerminals';
import { activatedApi, EXTENSION_ID, extensionUnderTest } from './extensionUnderTest';
import { nextEvent } from './quickInput';

interface ContributedProfile {
  id: string;
  title: string;
  icon: string;
}

describe('Terminal profiles', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'nsi-profiles-'));
  const terminals: vscode.Terminal[] = [];
  let api: NamespaceInspectorApi;
  let profiles: ContributedProfile[];

  before(async () => {
    api = await activatedApi();
    profiles = extensionUnderTest().packageJSON.contributes.terminal.profiles;
  });

  after(async () => {
    await closeTerminals(api, terminals);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Creates a contributed profile's terminal the way the "+" menu does. */
  async function openProfile(id: string): Promise<vscode.Terminal> {
    const profile = profiles.find((p) => p.id === id)!;
    const opened = nextEvent(vscode.window.onDidOpenTerminal);
    await vscode.commands.executeCommand('workbench.action.terminal.newWithProfile', { config: { extensionIdentifier: EXTENSION_ID, id, title: profile.title } });
    const terminal = await opened;
    terminals.push(terminal);
    return terminal;
  }

  async function proofFrom(terminal: vscode.Terminal, name: string, commands: string): Promise<string[]> {
    const file = join(dir, name);
    terminal.sendText(`{ ${commands}; } > ${file}.tmp; mv ${file}.tmp ${file}`);
    await waitFor(`${file}`, () => (existsSync(file) ? true : undefined), 15_000);
    return readFileSync(file, 'utf8').trim().split('\n');
  }

  it('contributes a profile for each preset, and provides each one', () => {
    assert.deepEqual(profiles.map((p) => p.id).sort(), Object.keys(PROFILE_PRESETS).sort());
    for (const p of profiles) assert.match(p.title, /^Isolated: /);
    // The icon says what is isolated: a globe for the network alone, a shield for several types.
    assert.deepEqual(Object.fromEntries(profiles.map((p) => [p.id, p.icon])), {
      'nsInspector.isolated.utsPid': 'shield',
      'nsInspector.isolated.network': 'globe',
      'nsInspector.isolated.everything': 'shield',
    });
  });

  it('"Isolated: UTS + PID" opens unshare with --fork --mount-proc: the shell is PID 1 in new UTS and PID namespaces', async () => {
    const terminal = await openProfile('nsInspector.isolated.utsPid');
    const options = terminal.creationOptions as vscode.TerminalOptions;
    assert.equal(terminal.name, 'Isolated: UTS+PID');
    assert.match(options.shellPath ?? '', /\/unshare$/);
    assert.deepEqual((options.shellArgs as string[]).slice(0, 6), ['--uts', '--pid', '--fork', '--kill-child', '--mount-proc', '--']);
    const [pid, uts, pidNs] = await proofFrom(terminal, 'utsPid', 'echo $$; readlink /proc/self/ns/uts; readlink /proc/1/ns/pid');
    assert.equal(pid, '1');
    assert.notEqual(uts, `uts:[${nsInode('self', 'uts')}]`);
    assert.notEqual(pidNs, `pid:[${nsInode('self', 'pid')}]`);
    // The profile's terminal is a session like any isolated terminal.
    await waitFor('the profile terminal as a session', () => (api.sessions.list().some((s) => s.terminal === terminal) ? true : undefined));
  });

  it('"Isolated: Network" opens a shell that sees only a loopback', async () => {
    const terminal = await openProfile('nsInspector.isolated.network');
    const options = terminal.creationOptions as vscode.TerminalOptions;
    assert.deepEqual((options.shellArgs as string[]).slice(0, 2), ['--net', '--']);
    assert.equal((options.iconPath as vscode.ThemeIcon).id, 'globe');
    const links = await proofFrom(terminal, 'network', 'ip -o link');
    assert.equal(links.length, 1, links.join('\n'));
    assert.match(links[0], /^1: lo:/);
  });

  it('"Isolated: Everything" isolates all eight types', async () => {
    const terminal = await openProfile('nsInspector.isolated.everything');
    const types = ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time'];
    // The shell is PID 1, so /proc/1 is itself; pid_for_children and the time namespace follow the fork.
    const links = await proofFrom(terminal, 'everything', types.map((t) => `readlink /proc/self/ns/${t}`).join('; '));
    types.forEach((type, i) => assert.notEqual(links[i], `${type}:[${nsInode('self', type)}]`, type));
  });
});
