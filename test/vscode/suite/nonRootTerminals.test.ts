// The non-root branches in a real VS Code: the extension is told (through its one CallerIdentity)
// that the user is not root, so it asks how to get privileges; the test checks what was offered,
// answers the quick pick like a keyboard user, and the terminal that opens (running as the real
// root user of this machine) proves from inside that the chosen route was taken.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { NamespaceLab, nsInode, waitFor, waitForCommand } from '../../integration/support/namespaces';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { IsolatedSession } from '../../../src/extension/terminals/isolatedSessions';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { closeTerminals } from './closeTerminals';
import { activatedApi } from './extensionUnderTest';
import { answerQuickPick, closeQuickInput, nextEvent } from './quickInput';

const NEW_TERMINAL = 'nsInspector.isolate.newTerminal';
const OPEN_SHELL = 'nsInspector.namespace.openShell';

describe('Not root: the choice of user namespace or sudo', function () {
  this.timeout(90_000);
  const lab = new NamespaceLab();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-nonroot-'));
  const terminals: vscode.Terminal[] = [];
  let api: NamespaceInspectorApi;

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    api.identity.pretend(1000);
  });

  after(async () => {
    api.identity.pretend(undefined);
    await closeQuickInput();
    await closeTerminals(api, terminals);
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  async function proofFrom(terminal: vscode.Terminal, name: string, commands: string): Promise<string[]> {
    const file = join(dir, name);
    terminal.sendText(`{ ${commands}; } > ${file}.tmp; mv ${file}.tmp ${file}`);
    await waitFor(file, () => (existsSync(file) ? true : undefined), 20_000);
    return readFileSync(file, 'utf8').trim().split('\n');
  }

  /** Runs New Isolated Terminal, checks the question, picks the `down`-th choice. */
  async function newTerminalAnswering(args: object, down: number) {
    const asked = nextEvent(api.identity.onDidAsk);
    const made = vscode.commands.executeCommand<IsolatedSession | undefined>(NEW_TERMINAL, args);
    const question = await asked;
    await answerQuickPick(down);
    const session = await made;
    if (session) terminals.push(session.terminal);
    return { question, session };
  }

  it('UTS + PID with a hostname: the reason is stated, a user namespace (root inside) or sudo is offered; the user namespace works', async () => {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const { question, session } = await newTerminalAnswering({ types: ['uts', 'pid'], hostname: name }, 0);
    assert.match(question.reason, /Only root may create uts, pid namespaces/);
    // Keeping one's own user cannot set a hostname: not offered here.
    assert.deepEqual(question.choices, ['userRoot', 'sudo']);
    assert.ok(session, 'no terminal');
    const args = (session.terminal.creationOptions as vscode.TerminalOptions).shellArgs as string[];
    assert.deepEqual(args.slice(0, 4), ['--user', '--uts', '--pid', '--map-root-user']);
    const [host, pid, userNs, uid] = await proofFrom(session.terminal, 'userns', 'hostname; echo $$; readlink /proc/self/ns/user; id -u');
    assert.equal(host, name);
    assert.equal(pid, '1');
    assert.notEqual(userNs, `user:[${nsInode('self', 'user')}]`);
    assert.equal(uid, '0');
    assert.notEqual(hostname(), name);
  });

  it('network without a hostname: "keep your user" is offered too and maps the current user (--map-current-user)', async () => {
    const { question, session } = await newTerminalAnswering({ types: ['net'] }, 1);
    assert.deepEqual(question.choices, ['userRoot', 'userCurrent', 'sudo']);
    assert.ok(session);
    const args = (session.terminal.creationOptions as vscode.TerminalOptions).shellArgs as string[];
    assert.deepEqual(args.slice(0, 3), ['--user', '--net', '--map-current-user']);
    // Its name and icon say what it isolates: the network (a user namespace came along for privileges).
    assert.equal(session.terminal.name, 'Isolated: net+user');
    assert.equal(((session.terminal.creationOptions as vscode.TerminalOptions).iconPath as vscode.ThemeIcon).id, 'globe');
    // The real user here is root, so "current" maps 0 to 0, one ID (root maps all of them).
    const [uidMap, links, netNs] = await proofFrom(session.terminal, 'current', "tr -s ' ' < /proc/self/uid_map; ip -o link | wc -l; readlink /proc/self/ns/net");
    assert.equal(uidMap.trim(), '0 0 1');
    assert.equal(links.trim(), '1');
    assert.notEqual(netNs, `net:[${nsInode('self', 'net')}]`);
  });

  it('choosing sudo runs unshare through sudo in the terminal (no user namespace)', async () => {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const { session } = await newTerminalAnswering({ types: ['uts'], hostname: name }, 1);
    assert.ok(session);
    const options = session.terminal.creationOptions as vscode.TerminalOptions;
    assert.match(options.shellPath ?? '', /\/sudo$/);
    assert.deepEqual((options.shellArgs as string[]).slice(0, 3), ['--', 'unshare', '--uts']);
    assert.match(session.terminal.name, / via sudo$/);
    const [host, userNs] = await proofFrom(session.terminal, 'sudo', 'hostname; readlink /proc/self/ns/user');
    assert.equal(host, name);
    assert.equal(userNs, `user:[${nsInode('self', 'user')}]`);
  });

  it('dismissing the question opens no terminal', async () => {
    const before = vscode.window.terminals.length;
    const asked = nextEvent(api.identity.onDidAsk);
    const made = vscode.commands.executeCommand(NEW_TERMINAL, { types: ['ipc'] });
    await asked;
    await new Promise((resolve) => setTimeout(resolve, 800));
    await closeQuickInput();
    assert.equal(await made, undefined);
    assert.equal(vscode.window.terminals.length, before);
  });

  it("joining a root process' namespaces as non-root: the reasons are stated, sudo is offered and works", async () => {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const pid = lab.start(['unshare', '--uts', 'sh', '-c', `hostname ${name} && exec sleep 600`]).pid!;
    await waitForCommand(pid, 'sleep');
    const utsIno = nsInode(pid, 'uts');
    await vscode.commands.executeCommand('nsInspector.view.refresh');
    const nodeId = processNodeId(namespaceNodeId({ dev: api.namespacesView.result!.nsfsDev, ino: utsIno }), pid);
    for (let tries = 0; !api.namespacesView.snapshot?.node(nodeId); tries++) {
      assert.ok(tries < 20, 'the process never showed in the tree');
      await vscode.commands.executeCommand('nsInspector.view.refresh');
    }
    const asked = nextEvent(api.identity.onDidAsk);
    const opened = vscode.commands.executeCommand<JoinTerminal | undefined>(OPEN_SHELL, nodeId, { types: ['uts'] });
    const question = await asked;
    assert.match(question.reason, /^You are not root \(UID 1000\): the process runs as UID 0 .*ptrace access check.*; its namespaces are owned by your own user namespace/);
    assert.deepEqual(question.choices, ['sudo', 'try']);
    await answerQuickPick(0);
    const join = await opened;
    assert.ok(join);
    terminals.push(join.terminal);
    assert.deepEqual(join.argv.slice(0, 6), ['sudo', '--', 'nsenter', '--target', String(pid), '--uts']);
    const [host] = await proofFrom(join.terminal, 'joinSudo', 'hostname');
    assert.equal(host, name);
  });
});
