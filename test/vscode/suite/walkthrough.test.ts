// The "Linux Namespaces, Hands On" walkthrough's buttons in a real VS Code: each experiment's
// command opens its isolated terminal, makes the namespace it is about (checked from the host,
// through /proc and nsenter), selects it in the Namespaces view, and opens its picture; the veth
// pair carries a ping and goes away with the terminal.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { waitFor } from '../../integration/support/namespaces';
import { namespaceNodeId } from '../../../src/core/tree/nodeIds';
import { EXPERIMENT_HOSTNAME, VETH_EXPERIMENT } from '../../../src/core/walkthrough/experiments';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { ExperimentRun } from '../../../src/extension/commands/walkthrough/tryExperiment';
import { TOPOLOGY_VIEW_TYPE } from '../../../src/extension/views/topology/topologyPanel';
import { closeTerminals } from './closeTerminals';
import { activatedApi } from './extensionUnderTest';

const nsenter = (pid: number, flag: string, ...argv: string[]) => execFileSync('nsenter', ['-t', String(pid), flag, '--', ...argv], { encoding: 'utf8' });
const hostHasLink = (name: string) => spawnSync('ip', ['link', 'show', 'dev', name], { stdio: 'ignore' }).status === 0;

/** The PID of the session's shell: unshare's only child when it forks (PID), else unshare itself. */
function shellPid(run: ExperimentRun): number {
  const children = readFileSync(`/proc/${run.session.pid}/task/${run.session.pid}/children`, 'utf8').trim();
  return children ? Number(children.split(' ')[0]) : run.session.pid;
}

describe('the walkthrough\'s namespace experiments', function () {
  this.timeout(90_000);
  const terminals: vscode.Terminal[] = [];
  let api: NamespaceInspectorApi;

  async function tryIt(command: string): Promise<ExperimentRun> {
    const run = await vscode.commands.executeCommand<ExperimentRun | undefined>(command);
    assert.ok(run, `${command} made no session`);
    terminals.push(run.session.terminal);
    // The selection reaches the extension host as an event after reveal() resolved.
    const wanted = namespaceNodeId(run.namespace);
    await waitFor(`the view to select ${wanted}`, () => (api.namespacesView.treeView.selection[0] === wanted ? true : undefined), 15_000);
    return run;
  }

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await closeTerminals(api, terminals);
    if (hostHasLink(VETH_EXPERIMENT.hostIf)) execFileSync('ip', ['link', 'del', VETH_EXPERIMENT.hostIf]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  it('UTS: the shell\'s hostname is "experiment", the host keeps its own', async () => {
    const before = execFileSync('hostname', { encoding: 'utf8' });
    const run = await tryIt('nsInspector.walkthrough.tryUts');
    assert.equal(nsenter(run.session.pid, '--uts', 'hostname').trim(), EXPERIMENT_HOSTNAME);
    assert.equal(execFileSync('hostname', { encoding: 'utf8' }), before);
    assert.equal(run.namespace.ino, Number(execFileSync('stat', ['-L', '-c', '%i', `/proc/${run.session.pid}/ns/uts`], { encoding: 'utf8' })));
    assert.notEqual(run.namespace.ino, Number(execFileSync('stat', ['-L', '-c', '%i', '/proc/self/ns/uts'], { encoding: 'utf8' })));
  });

  it('PID: the shell is PID 1 of the new PID namespace', async () => {
    const run = await tryIt('nsInspector.walkthrough.tryPid');
    const shell = await waitFor('the shell under unshare', () => {
      const pid = shellPid(run);
      return pid !== run.session.pid ? pid : undefined;
    });
    const nspid = /^NSpid:\s+(.*)$/m.exec(readFileSync(`/proc/${shell}/status`, 'utf8'))![1].split(/\s+/);
    assert.equal(nspid.at(-1), '1', `NSpid ${nspid.join(' ')}`);
    assert.equal(run.namespace.ino, Number(execFileSync('stat', ['-L', '-c', '%i', `/proc/${shell}/ns/pid`], { encoding: 'utf8' })));
  });

  it('user: root inside, mapped to the caller outside, and the ID maps picture opens', async () => {
    const run = await tryIt('nsInspector.walkthrough.tryUser');
    const map = readFileSync(`/proc/${run.session.pid}/uid_map`, 'utf8').trim().split(/\s+/);
    assert.deepEqual(map, ['0', String(process.getuid!()), '1']);
    await waitFor('the ID maps panel of the new user namespace', () => (api.idMaps.open.some((panel) => panel.target.ino === run.namespace.ino) ? true : undefined));
  });

  it('net: the new network namespace has only lo', async () => {
    const run = await tryIt('nsInspector.walkthrough.tryNet');
    const links = nsenter(run.session.pid, '--net', 'ip', '-brief', 'link').trim().split('\n');
    assert.deepEqual(links.map((line) => line.split(/\s+/)[0]), ['lo']);
  });

  it('veth: a pair between the host and a new namespace carries a ping, is drawn, and goes with the terminal', async () => {
    assert.equal(hostHasLink(VETH_EXPERIMENT.hostIf), false, `${VETH_EXPERIMENT.hostIf} exists before the test`);
    const run = await tryIt('nsInspector.walkthrough.tryVeth');
    assert.match(execFileSync('ip', ['-brief', 'addr', 'show', 'dev', VETH_EXPERIMENT.hostIf], { encoding: 'utf8' }), /10\.254\.254\.1\/30/);
    assert.match(nsenter(run.session.pid, '--net', 'ip', '-brief', 'addr', 'show', 'dev', VETH_EXPERIMENT.innerIf), /10\.254\.254\.2\/30/);
    nsenter(run.session.pid, '--net', 'ping', '-c', '1', '-W', '2', '10.254.254.1');
    const topologyTab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(TOPOLOGY_VIEW_TYPE));
    await waitFor('the topology panel', () => (topologyTab() ? true : undefined));
    await closeTerminals(api, [run.session.terminal]);
    await waitFor(`${VETH_EXPERIMENT.hostIf} to go with the namespace`, () => (hostHasLink(VETH_EXPERIMENT.hostIf) ? undefined : true));
  });
});
