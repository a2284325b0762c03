// The non-root branches in a real VS Code that runs as a user who is not root (nobody; the
// launcher's sudoers rule lets it run unshare and nsenter through sudo, as a desktop user in the
// sudo group can): the extension asks how to get privileges; the test checks what was offered,
// answers the quick pick like a keyboard user, and the terminal that opens proves from inside
// that the chosen route was taken. A terminal profile, which cannot ask, adds a user namespace.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { nsInode, waitFor } from '../../integration/support/namespaces';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { IsolatedSession } from '../../../src/extension/terminals/isolatedSessions';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { closeTerminals } from '../suite/closeTerminals';
import { activatedApi, EXTENSION_ID, extensionUnderTest } from '../suite/extensionUnderTest';
import { answerQuickPick, closeQuickInput, dismissQuickInput, nextEvent } from '../suite/quickInput';
import { privilegedNodeOf, RootProcess } from './rootProcess';

const NEW_TERMINAL = 'nsInspector.isolate.newTerminal';
const OPEN_SHELL = 'nsInspector.namespace.openShell';

describe('Not root: the choice of user namespace or sudo', function () {
  this.timeout(90_000);
  const uid = process.getuid!();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-nonroot-'));
  const terminals: vscode.Terminal[] = [];
  const roots: RootProcess[] = [];
  let api: NamespaceInspectorApi;

  before(async () => {
    assert.notEqual(uid, 0, 'this suite runs as a user who is not root');
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await closeQuickInput();
    await closeTerminals(api, terminals);
    if (api?.namespacesView.privileged) await vscode.commands.executeCommand('nsInspector.view.leavePrivileged');
    for (const root of roots) await root.stop();
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
    await answerQuickPick(down, made);
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
    // "Current" maps this user to itself inside, one ID.
    const [uidMap, links, netNs] = await proofFrom(session.terminal, 'current', "tr -s ' ' < /proc/self/uid_map; ip -o link | wc -l; readlink /proc/self/ns/net");
    assert.equal(uidMap.trim(), `${uid} ${uid} 1`);
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
    await dismissQuickInput(made);
    assert.equal(await made, undefined);
    assert.equal(vscode.window.terminals.length, before);
  });

  it("joining a root process' namespaces as non-root: the reasons are stated, sudo is offered and works", async () => {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const root = new RootProcess(['unshare', '--uts', 'sh', '-c', `hostname ${name} && exec sleep 600`]);
    roots.push(root);
    const pid = await root.pid('sleep');
    const nodeId = await privilegedNodeOf(api, pid);
    const asked = nextEvent(api.identity.onDidAsk);
    const opened = vscode.commands.executeCommand<JoinTerminal | undefined>(OPEN_SHELL, nodeId, { types: ['uts'] });
    const question = await asked;
    assert.match(question.reason, new RegExp(`^You are not root \\(UID ${uid}\\): the process runs as UID 0 .*ptrace access check.*; its namespaces are owned by your own user namespace`));
    assert.deepEqual(question.choices, ['sudo', 'try']);
    await answerQuickPick(0, opened);
    const join = await opened;
    assert.ok(join);
    terminals.push(join.terminal);
    assert.deepEqual(join.argv.slice(0, 6), ['sudo', '--', 'nsenter', '--target', String(pid), '--uts']);
    const [host] = await proofFrom(join.terminal, 'joinSudo', 'hostname');
    assert.equal(host, name);
  });

  it('a terminal profile adds a user namespace (a profile cannot ask): root inside, isolated', async () => {
    const id = 'nsInspector.isolated.utsPid';
    const profile = (extensionUnderTest().packageJSON.contributes.terminal.profiles as Array<{ id: string; title: string }>).find((p) => p.id === id)!;
    const opened = nextEvent(vscode.window.onDidOpenTerminal);
    // The way the terminal panel's "+" menu creates it.
    await vscode.commands.executeCommand('workbench.action.terminal.newWithProfile', { config: { extensionIdentifier: EXTENSION_ID, id, title: profile.title } });
    const terminal = await opened;
    terminals.push(terminal);
    const options = terminal.creationOptions as vscode.TerminalOptions;
    assert.deepEqual((options.shellArgs as string[]).slice(0, 4), ['--user', '--uts', '--pid', '--map-root-user']);
    const [pid, userNs, rootInside] = await proofFrom(terminal, 'profile', 'echo $$; readlink /proc/self/ns/user; id -u');
    assert.equal(pid, '1');
    assert.notEqual(userNs, `user:[${nsInode('self', 'user')}]`);
    assert.equal(rootInside, '0');
  });
});
