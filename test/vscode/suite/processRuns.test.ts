// Every program the extension runs goes through the one runner and leaves one line in the
// Namespace Inspector log; the one privilege decision keeps the terminals' sudo routes shut when
// nsInspector.helper.elevation is "none".
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { Topology } from '../../../src/core/net/topology';
import type { IsolatedSession } from '../../../src/extension/terminals/isolatedSessions';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { NamespaceLab, nsInode, waitForCommand } from '../../integration/support/namespaces';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import { activatedApi } from './extensionUnderTest';
import { closeQuickInput, nextEvent } from './quickInput';

describe('process runs: one runner, one log line each', function () {
  this.timeout(60_000);
  let api: NamespaceInspectorApi;
  const name = `nsi-runs-${randomBytes(3).toString('hex')}`;

  before(async () => {
    api = await activatedApi();
    execFileSync('ip', ['netns', 'add', name]);
  });

  after(async () => {
    if (existsSync(`/run/netns/${name}`)) execFileSync('ip', ['netns', 'del', name]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the topology's `ip` run in a named namespace is logged: program, argv, exit code, time", async () => {
    const logged: string[] = [];
    const subscription = api.runs.onDidLog((line) => logged.push(line));
    try {
      const panel = await vscode.commands.executeCommand<{ update(): Promise<Topology | undefined> }>('nsInspector.topology.show');
      const topology = await panel.update();
      assert.ok(topology?.namespaces.some((n) => n.netnsName === name), 'the new namespace is in the picture');
    } finally {
      subscription.dispose();
    }
    const ours = logged.filter((line) => line.startsWith(`run: ip -n ${name} `));
    assert.ok(ours.length >= 1, `no line for ${name} among:\n${logged.join('\n')}`);
    assert.match(ours[0], new RegExp(`^run: ip -n ${name} -j -d -s -b - → exit 0 in \\d+ ms$`));
    // It went to the output channel, at debug level (the channel shows it when its level is Debug).
    assert.equal(typeof api.log.logLevel, 'number');
  });
});

describe('elevation "none": no terminal runs sudo', function () {
  this.timeout(90_000);
  const lab = new NamespaceLab();
  let api: NamespaceInspectorApi;
  const helperConfig = () => vscode.workspace.getConfiguration('nsInspector.helper');

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    await helperConfig().update('elevation', 'none', vscode.ConfigurationTarget.Global);
    api.identity.pretend(1000);
  });

  after(async () => {
    api.identity.pretend(undefined);
    await closeQuickInput();
    await helperConfig().update('elevation', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
    lab.cleanup();
  });

  /** Closes the question once the workbench has shown it (as nonRootTerminals' dismissal does). */
  const dismiss = async () => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await closeQuickInput();
  };
  const sudoTerminals = () => vscode.window.terminals.filter((t) => /\/sudo$|^sudo$/.test((t.creationOptions as vscode.TerminalOptions).shellPath ?? ''));

  it('New Isolated Terminal: sudo is not offered, and the reason says privileged steps are off', async () => {
    const before = vscode.window.terminals.length;
    const asked = nextEvent(api.identity.onDidAsk);
    const made = vscode.commands.executeCommand<IsolatedSession | undefined>('nsInspector.isolate.newTerminal', { types: ['uts'], hostname: 'x' });
    const question = await asked;
    assert.deepEqual(question.choices, ['userRoot']);
    await dismiss();
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
    const pid = lab.start(['unshare', '--uts', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    const utsIno = nsInode(pid, 'uts');
    await vscode.commands.executeCommand('nsInspector.view.refresh');
    const nodeId = processNodeId(namespaceNodeId({ dev: api.namespacesView.result!.nsfsDev, ino: utsIno }), pid);
    for (let tries = 0; !api.namespacesView.snapshot?.node(nodeId); tries++) {
      assert.ok(tries < 20, 'the process never showed in the tree');
      await vscode.commands.executeCommand('nsInspector.view.refresh');
    }
    const asked = nextEvent(api.identity.onDidAsk);
    const opened = vscode.commands.executeCommand<JoinTerminal | undefined>('nsInspector.namespace.openShell', nodeId, { types: ['uts'] });
    const question = await asked;
    assert.deepEqual(question.choices, ['try']);
    await dismiss();
    assert.equal(await opened, undefined);
    const before = vscode.window.terminals.length;
    const forced = await vscode.commands.executeCommand<JoinTerminal | undefined>('nsInspector.namespace.openShell', nodeId, { types: ['uts'], sudo: true });
    assert.equal(forced, undefined);
    assert.equal(vscode.window.terminals.length, before);
    assert.deepEqual(sudoTerminals(), []);
  });
});
