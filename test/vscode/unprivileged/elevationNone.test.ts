// The one privilege decision keeps the terminals' sudo routes shut when
// nsInspector.helper.elevation is "none", for a user who is not root (VS Code runs as nobody
// here): sudo is not offered, and a caller that asks for it outright is refused.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { IsolatedSession } from '../../../src/extension/terminals/isolatedSessions';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { activatedApi } from '../suite/extensionUnderTest';
import { closeQuickInput, dismissQuickInput, nextEvent } from '../suite/quickInput';
import { privilegedNodeOf, RootProcess } from './rootProcess';

describe('elevation "none": no terminal runs sudo', function () {
  this.timeout(90_000);
  let api: NamespaceInspectorApi;
  let root: RootProcess | undefined;
  let rootNode = '';
  const helperConfig = () => vscode.workspace.getConfiguration('nsInspector.helper');

  before(async () => {
    assert.notEqual(process.getuid!(), 0, 'this suite runs as a user who is not root');
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    // Root's process is in the privileged view, read through the helper before privileged steps
    // are turned off (as by a user who turns them off afterwards).
    root = new RootProcess(['unshare', '--uts', 'sleep', '600']);
    rootNode = await privilegedNodeOf(api, await root.pid('sleep'));
    await helperConfig().update('elevation', 'none', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await closeQuickInput();
    await helperConfig().update('elevation', undefined, vscode.ConfigurationTarget.Global);
    if (api?.namespacesView.privileged) await vscode.commands.executeCommand('nsInspector.view.leavePrivileged');
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
    await root?.stop();
  });

  const sudoTerminals = () => vscode.window.terminals.filter((t) => /\/sudo$|^sudo$/.test((t.creationOptions as vscode.TerminalOptions).shellPath ?? ''));

  it('New Isolated Terminal: sudo is not offered, and the reason says privileged steps are off', async () => {
    const before = vscode.window.terminals.length;
    const asked = nextEvent(api.identity.onDidAsk);
    const made = vscode.commands.executeCommand<IsolatedSession | undefined>('nsInspector.isolate.newTerminal', { types: ['uts'], hostname: 'x' });
    const question = await asked;
    assert.deepEqual(question.choices, ['userRoot']);
    await dismissQuickInput(made);
    assert.equal(await made, undefined);
    assert.equal(vscode.window.terminals.length, before);
  });

  it('New Isolated Terminal asked for sudo outright: refused, no terminal', async () => {
    const before = vscode.window.terminals.length;
    const made = await vscode.commands.executeCommand<IsolatedSession | undefined>('nsInspector.isolate.newTerminal', { types: ['uts'], privilege: 'sudo' });
    assert.equal(made, undefined);
    assert.equal(vscode.window.terminals.length, before);
    assert.deepEqual(sudoTerminals(), []);
  });

  it("joining a root process' namespaces: sudo is not offered; asked for outright, it is refused", async () => {
    const asked = nextEvent(api.identity.onDidAsk);
    const opened = vscode.commands.executeCommand<JoinTerminal | undefined>('nsInspector.namespace.openShell', rootNode, { types: ['uts'] });
    const question = await asked;
    assert.deepEqual(question.choices, ['try']);
    await dismissQuickInput(opened);
    assert.equal(await opened, undefined);
    const before = vscode.window.terminals.length;
    const forced = await vscode.commands.executeCommand<JoinTerminal | undefined>('nsInspector.namespace.openShell', rootNode, { types: ['uts'], sudo: true });
    assert.equal(forced, undefined);
    assert.equal(vscode.window.terminals.length, before);
    assert.deepEqual(sudoTerminals(), []);
  });
});
