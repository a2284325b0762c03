// Isolated terminals, nsenter shells and run-in-namespace in a real VS Code with real namespaces.
// Commands sent into the terminals write their proof to files in a temp directory; every
// terminal, process and netns made here is removed in after(), also when a test fails.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { NamespaceLab, nsInode, waitFor, waitForCommand } from '../../integration/support/namespaces';
import { namespaceNodeId, processNodeId, sessionNodeId } from '../../../src/core/tree/nodeIds';
import { GROUPINGS } from '../../../src/core/tree/grouping';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { IsolatedSession } from '../../../src/extension/terminals/isolatedSessions';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { closeTerminals } from './closeTerminals';
import { activatedApi } from './extensionUnderTest';
import { answerQuickPick, closeQuickInput, terminalFocused } from './quickInput';

const CMD = {
  newTerminal: 'nsInspector.isolate.newTerminal',
  showTerminal: 'nsInspector.isolate.showTerminal',
  openShell: 'nsInspector.namespace.openShell',
  runCommand: 'nsInspector.namespace.runCommand',
  runInNamespace: 'nsInspector.file.runInNamespace',
  refresh: 'nsInspector.view.refresh',
};

describe('Isolated terminals and shells in namespaces', function () {
  this.timeout(90_000);
  const lab = new NamespaceLab();
  const terminals: vscode.Terminal[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'nsi-terminals-'));
  let api: NamespaceInspectorApi;
  const track = <T extends { terminal: vscode.Terminal } | undefined>(made: T): T => {
    if (made) terminals.push(made.terminal);
    return made;
  };

  /** Waits for a proof file the terminal writes last, then reads the others. */
  async function proof(name: string, timeoutMs = 15_000): Promise<string> {
    await waitFor(`${name}.done in ${dir}`, () => (existsSync(join(dir, `${name}.done`)) ? true : undefined), timeoutMs);
    return readFileSync(join(dir, name), 'utf8');
  }

  /** Refreshes the view until `probe` holds. */
  async function refreshUntil(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await vscode.commands.executeCommand(CMD.refresh);
      if (probe()) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const nsNodeId = (ino: number) => namespaceNodeId({ dev: api.namespacesView.result!.nsfsDev, ino });

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await closeQuickInput();
    await closeTerminals(api, terminals);
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a UTS+PID session: the chosen hostname, the shell is PID 1, ps sees only the session, the host is unchanged', async () => {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const hostBefore = hostname();
    const session = track(await vscode.commands.executeCommand<IsolatedSession | undefined>(CMD.newTerminal, { types: ['uts', 'pid'], hostname: name }));
    assert.ok(session, 'no session');
    assert.match(session.terminal.name, /^Isolated: UTS\+PID \(t-/);
    const out = (file: string) => join(dir, file);
    session.terminal.sendText(`hostname > ${out('host')}; echo $$ > ${out('pid')}; ps -e -o pid=,comm= > ${out('ps')}; echo done > ${out('ps.done')}`);
    const ps = await proof('ps');
    assert.equal(readFileSync(out('host'), 'utf8').trim(), name);
    assert.equal(readFileSync(out('pid'), 'utf8').trim(), '1');
    const rows = ps.trim().split('\n').map((row) => row.trim().split(/\s+/));
    assert.ok(rows.length <= 3, `ps saw more than the session: ${ps}`);
    // The shell as PID 1 and ps itself (PIDs inside count up from 1, past the shell's startup children).
    assert.deepEqual(rows[0][0], '1');
    assert.deepEqual(rows.map(([, comm]) => comm).slice(1), ['ps'], `ps saw more than the session: ${ps}`);
    assert.equal(hostname(), hostBefore);
  });

  /** A UTS+PID session with a random hostname, once its shell has left VS Code's UTS namespace. */
  async function startUtsPidSession(): Promise<{ session: IsolatedSession; utsIno: number }> {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const session = track(await vscode.commands.executeCommand<IsolatedSession | undefined>(CMD.newTerminal, { types: ['uts', 'pid'], hostname: name }));
    assert.ok(session);
    const utsIno = await waitFor('the session to unshare', () => {
      const ino = nsInode(session.pid, 'uts');
      return ino !== nsInode('self', 'uts') ? ino : undefined;
    });
    return { session, utsIno };
  }

  it('the session appears in the tree with the terminal name, Show Terminal reveals it, and it disappears when the terminal closes', async () => {
    const { session, utsIno } = await startUtsPidSession();
    const labelled = () => api.namespacesView.snapshot?.namespaceNodes().filter((node) => node.session === session.terminal.name) ?? [];
    await refreshUntil('the session in the tree', () => labelled().some((node) => node.ns.id.ino === utsIno) && labelled().some((n) => n.ns.type === 'pid'));
    const shown = await vscode.commands.executeCommand<vscode.Terminal>(CMD.showTerminal, nsNodeId(utsIno));
    assert.equal(shown, session.terminal);
    session.terminal.dispose();
    await waitFor('the session to end', () => (api.sessions.list().some((s) => s.terminal === session.terminal) ? undefined : true));
    await refreshUntil('the session labels to go', () => labelled().length === 0);
  });

  it('a "Sessions" node at the top in every grouping: the terminal by name, its namespaces below, Show Terminal on it; gone when the terminal closes', async () => {
    const { session, utsIno } = await startUtsPidSession();
    const sessionId = sessionNodeId(session.pid);
    const grouping = api.namespacesView.provider.treeOptions.grouping;
    try {
      for (const mode of GROUPINGS) {
        await api.namespacesView.setGrouping(mode);
        await refreshUntil(`the session node (${mode})`, () => {
          const snapshot = api.namespacesView.snapshot!;
          const node = snapshot.node(sessionId);
          return (
            snapshot.rootIds.filter((id) => id !== 'limited')[0] === 'sessions' &&
            node?.kind === 'session' &&
            node.session.name === session.terminal.name &&
            snapshot.children(sessionId).some((child) => child.kind === 'namespace' && child.ns.id.ino === utsIno)
          );
        });
        const snapshot = api.namespacesView.snapshot!;
        const types = snapshot.children(sessionId).map((child) => (child.kind === 'namespace' ? child.ns.type : child.kind));
        // --mount-proc gives the session a mount namespace of its own too.
        assert.deepEqual(types, ['mnt', 'pid', 'uts'], mode);
        // The tree item VS Code draws: the terminal's name, a shield, a click brings the terminal up.
        const item = api.namespacesView.provider.getTreeItem(sessionId);
        assert.equal(item.label, session.terminal.name);
        assert.equal((item.iconPath as vscode.ThemeIcon).id, 'shield');
        assert.equal(item.command?.command, CMD.showTerminal);
        assert.match(item.contextValue!, /^session:/);
        // VS Code can walk from a namespace under the session up to the root (reveal needs it).
        const child = snapshot.children(sessionId)[0].id;
        assert.equal(api.namespacesView.provider.getParent(child), sessionId);
        assert.equal(api.namespacesView.provider.getParent(sessionId), 'sessions');
      }
      const shown = await vscode.commands.executeCommand<vscode.Terminal>(CMD.showTerminal, sessionId);
      assert.equal(shown, session.terminal);
      await waitFor('the session terminal to be the active one', () => (vscode.window.activeTerminal === session.terminal ? true : undefined));
      session.terminal.dispose();
      await refreshUntil('the session node to go', () => !api.namespacesView.snapshot?.node(sessionId));
    } finally {
      await api.namespacesView.setGrouping(grouping);
    }
  });

  it('bad input: hostnames with a space, ";", "/" or over 64 characters, and no type at all, are refused and open no terminal', async () => {
    const before = vscode.window.terminals.length;
    for (const bad of ['a b', 'a;reboot', 'a/b', 'x'.repeat(65)]) {
      assert.equal(await vscode.commands.executeCommand(CMD.newTerminal, { types: ['uts'], hostname: bad }), undefined, bad);
    }
    assert.equal(await vscode.commands.executeCommand(CMD.newTerminal, { types: [] }), undefined);
    assert.equal(vscode.window.terminals.length, before);
  });

  it('Open Shell in Namespaces into a network namespace made by the test shows only its loopback', async () => {
    const netns = lab.addNetns('shell');
    const ino = statSync(`/run/netns/${netns}`).ino;
    await refreshUntil('the netns in the tree', () => !!api.namespacesView.snapshot?.node(nsNodeId(ino)));
    const opened = track(await vscode.commands.executeCommand<JoinTerminal | undefined>(CMD.openShell, nsNodeId(ino)));
    assert.ok(opened);
    assert.deepEqual(opened.argv.slice(0, 3), ['nsenter', `--net=/run/netns/${netns}`, '--']);
    opened.terminal.sendText(`ip -o link > ${join(dir, 'links')}; echo done > ${join(dir, 'links.done')}`);
    const links = (await proof('links')).trim().split('\n');
    assert.equal(links.length, 1, links.join('\n'));
    assert.match(links[0], /^1: lo:/);
  });

  it('Run Command in Namespace runs the typed line inside the network namespace', async () => {
    const netns = lab.addNetns('run');
    const ino = statSync(`/run/netns/${netns}`).ino;
    await refreshUntil('the netns in the tree', () => !!api.namespacesView.snapshot?.node(nsNodeId(ino)));
    const line = `readlink /proc/self/ns/net > ${join(dir, 'rc')}; tr '\\0' ' ' < /proc/$PPID/cmdline > ${join(dir, 'rc.parent')}; echo done > ${join(dir, 'rc.done')}`;
    track(await vscode.commands.executeCommand<JoinTerminal | undefined>(CMD.runCommand, nsNodeId(ino), { commandLine: line }));
    assert.equal((await proof('rc')).trim(), `net:[${ino}]`);
    // What ps shows for the wrapper that keeps the terminal open: a named file and nsenter with
    // its own arguments, not an inline `sh -c '"$@"; status=$?; printf …'`.
    const parent = readFileSync(join(dir, 'rc.parent'), 'utf8');
    assert.match(parent, new RegExp(`^(\\S*/)?sh \\S+/nsinspect-hold-open nsenter --net=/run/netns/${netns} -- sh -c readlink `), parent);
    assert.doesNotMatch(parent, /status=|printf/, parent);
  });

  it("host-tools mode into an unshare --net --mount process sees the target's network but the host's files", async () => {
    writeFileSync(join(dir, 'host-only'), '');
    const pid = lab.start(['unshare', '--net', '--mount', 'sh', '-c', `mount -t tmpfs tmpfs ${dir} && touch ${dir}/inside-only && exec sleep 600`]).pid!;
    await waitForCommand(pid, 'sleep');
    const netIno = nsInode(pid, 'net');
    assert.ok(existsSync(`/proc/${pid}/root${dir}/inside-only`), 'the target has its own file');
    const nodeId = processNodeId(nsNodeId(netIno), pid);
    await refreshUntil('the process in the tree', () => !!api.namespacesView.snapshot?.node(nodeId));
    const opened = track(await vscode.commands.executeCommand<JoinTerminal | undefined>(CMD.openShell, nodeId, { hostTools: true }));
    assert.ok(opened);
    assert.ok(!opened.argv.includes('--mount'), opened.argv.join(' '));
    opened.terminal.sendText(`{ readlink /proc/self/ns/net; ip -o link | wc -l; ls ${dir}; } > ${join(dir, 'tools')}; echo done > ${join(dir, 'tools.done')}`);
    const [net, linkCount, ...files] = (await proof('tools')).trim().split('\n');
    assert.equal(net, `net:[${netIno}]`);
    assert.equal(linkCount.trim(), '1');
    assert.ok(!files.includes('inside-only'), `saw the target's filesystem: ${files.join(' ')}`);
    assert.ok(files.includes('host-only'), `did not see the host's files: ${files.join(' ')}`);
  });

  it('Run in Namespace runs a script file in a new UTS namespace: its output shows the new hostname', async () => {
    const name = `t-${randomBytes(4).toString('hex')}`;
    const script = join(dir, 'proof.sh');
    writeFileSync(script, `hostname > ${join(dir, 'script')}\necho done > ${join(dir, 'script.done')}\n`);
    const run = track(
      await vscode.commands.executeCommand<JoinTerminal | undefined>(CMD.runInNamespace, vscode.Uri.file(script), { target: { kind: 'new', types: ['uts'], hostname: name } }),
    );
    assert.ok(run);
    assert.deepEqual(run.argv.slice(-2), ['sh', script]);
    assert.equal((await proof('script')).trim(), name);
    assert.notEqual(hostname(), name);
  });

  it('Open Shell on a process, answered through its pick: "All its namespaces" (the default) joins each that differs, "Host tools" (third) keeps the host mount namespace', async () => {
    const pid = lab.start(['unshare', '--uts', '--net', '--mount', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    const nodeId = processNodeId(nsNodeId(nsInode(pid, 'uts')), pid);
    await refreshUntil('the process in the tree', () => !!api.namespacesView.snapshot?.node(nodeId));
    const all = vscode.commands.executeCommand<JoinTerminal | undefined>(CMD.openShell, nodeId);
    await answerQuickPick(0, all);
    const allShell = track(await all);
    assert.ok(allShell);
    // As root, joining its mount namespace: nsinspect-enter, which also takes on the process' privileges.
    assert.match(allShell.argv.join(' '), new RegExp(`^\\S+/nsinspect-enter --target ${pid} --ns mnt,uts,net --root --wd --uid `));
    allShell.terminal.sendText(`{ readlink /proc/self/ns/uts; readlink /proc/self/ns/mnt; } > ${join(dir, 'all')}; echo done > ${join(dir, 'all.done')}`);
    assert.deepEqual((await proof('all')).trim().split('\n'), [`uts:[${nsInode(pid, 'uts')}]`, `mnt:[${nsInode(pid, 'mnt')}]`]);
    // The next pick would close if the new terminal took the focus while it is open.
    await terminalFocused(allShell.terminal);

    const tools = vscode.commands.executeCommand<JoinTerminal | undefined>(CMD.openShell, nodeId);
    await answerQuickPick(2, tools);
    const toolsShell = track(await tools);
    assert.ok(toolsShell);
    assert.match(toolsShell.argv.join(' '), new RegExp(`^nsenter --target ${pid} --uts --net -- `));
    assert.match(toolsShell.terminal.name, /host tools/);
  });

  it('a target process that exited gets a message, not a terminal', async () => {
    const child = lab.start(['unshare', '--uts', 'sleep', '600']);
    const pid = child.pid!;
    await waitForCommand(pid, 'sleep');
    const nodeId = processNodeId(nsNodeId(nsInode(pid, 'uts')), pid);
    await refreshUntil('the process in the tree', () => !!api.namespacesView.snapshot?.node(nodeId));
    process.kill(pid, 'SIGKILL');
    await waitFor('the process to exit', () => (child.exitCode !== null || child.signalCode !== null ? true : undefined));
    const before = vscode.window.terminals.length;
    assert.equal(await vscode.commands.executeCommand(CMD.openShell, nodeId, { types: ['uts'] }), undefined);
    assert.equal(vscode.window.terminals.length, before);
  });
});
