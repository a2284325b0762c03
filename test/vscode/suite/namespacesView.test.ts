// The Namespaces view in a real VS Code: real namespaces made by the test are found in the tree
// with the right parents in every grouping, the filter narrows the tree, the details document
// holds the fields, copy commands give ready command lines, and removed namespaces vanish.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { waitFor } from '../../integration/support/namespaces';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { Grouping } from '../../../src/core/tree/grouping';
import type { NamespacesView } from '../../../src/extension/views/namespacesView';
import { activatedApi } from './extensionUnderTest';
import { deleteNetns, makeSidebarNamespaces, NamespaceLab, type SidebarNamespaces } from './sidebarLab';

const GROUP_COMMANDS: Record<Grouping, string> = {
  type: 'nsInspector.view.groupByType',
  userNamespace: 'nsInspector.view.groupByUserNamespace',
  pidNamespace: 'nsInspector.view.groupByPidNamespace',
  container: 'nsInspector.view.groupByContainer',
};

describe('Namespaces view', function () {
  this.timeout(60_000);
  const lab = new NamespaceLab();
  let view: NamespacesView;
  let made: SidebarNamespaces;
  let dev: number;
  const nsNode = (ino: number) => namespaceNodeId({ dev, ino });
  const inoOf = (pid: number, type: 'user' | 'pid' | 'net' | 'uts') => view.result!.processes.get(pid)!.namespaces[type]!;

  async function groupAndRefresh(grouping: Grouping): Promise<void> {
    await vscode.commands.executeCommand(GROUP_COMMANDS[grouping]);
    await vscode.commands.executeCommand('nsInspector.view.refresh');
    assert.equal(view.snapshot?.grouping, grouping);
  }

  const shownBelow = (id: string) => view.snapshot!.children(id).map((node) => node.id);

  /** The parent chain of a node as the VS Code provider reports it (getParent). */
  function ancestors(id: string): string[] {
    const chain: string[] = [];
    for (let parent = view.provider.getParent(id); parent !== undefined; parent = view.provider.getParent(parent)) chain.push(parent);
    return chain;
  }

  before(async () => {
    view = (await activatedApi()).namespacesView;
    // Only the test's own refreshes: an automatic one in between would take the changes it checks.
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    made = await makeSidebarNamespaces(lab);
    await vscode.commands.executeCommand('nsInspector.namespaces.focus');
    await groupAndRefresh('type');
    dev = view.result!.nsfsDev;
  });

  after(async () => {
    lab.cleanup();
    await vscode.commands.executeCommand('nsInspector.view.clearFilter');
    await vscode.workspace.getConfiguration('nsInspector').update('grouping', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  it('by type: the netns under "net" with its process; the session under "uts" and "pid"', async () => {
    const top = await view.provider.getChildren();
    assert.ok(top.includes('type:net'), `top level: ${top.join(', ')}`);
    assert.ok((await view.provider.getChildren('type:net')).includes(nsNode(made.netIno)));
    const netItem = view.provider.getTreeItem(nsNode(made.netIno));
    assert.equal(String(netItem.label), made.netnsName, 'a named netns leads with its name');
    assert.match(String(netItem.description), new RegExp(`^1 process · net ${made.netIno}$`));
    assert.match(netItem.contextValue!, /^namespace:net:bound/);
    assert.deepEqual(await view.provider.getChildren(nsNode(made.netIno)), [processNodeId(nsNode(made.netIno), made.netPid)]);
    assert.deepEqual(ancestors(nsNode(made.utsIno)), ['type:uts']);
    const sessionProcess = view.provider.getTreeItem(processNodeId(nsNode(made.pidIno), made.sessionPid));
    assert.equal(sessionProcess.description, `PID 1 · host ${made.sessionPid} · leader`);
    await view.treeView.reveal(nsNode(made.netIno), { select: true });
    assert.deepEqual(view.treeView.selection, [nsNode(made.netIno)]);
  });

  it('the host\'s namespaces say "host"; Show/Hide Kernel Threads set the setting the tree follows', async () => {
    // PID 1's namespaces, or (a sandbox hides PID 1's links) the extension host's own.
    const host = view.result!.processes.get(1)?.namespaces.net !== undefined ? 1 : process.pid;
    assert.equal(String(view.provider.getTreeItem(nsNode(inoOf(host, 'net'))).label), 'host');
    assert.equal(view.provider.treeOptions.showKernelThreads, false, 'hidden by default');
    try {
      await vscode.commands.executeCommand('nsInspector.view.showKernelThreads');
      await waitFor('the tree to show kernel threads', () => view.provider.treeOptions.showKernelThreads || undefined);
      assert.equal(vscode.workspace.getConfiguration('nsInspector').get('showKernelThreads'), true);
      // Where kthreadd's links are readable (not in every sandbox), it is listed now.
      if (view.result!.processes.get(2)?.namespaces.net !== undefined) {
        assert.ok(shownBelow(nsNode(inoOf(2, 'net'))).includes(processNodeId(nsNode(inoOf(2, 'net')), 2)));
      }
    } finally {
      await vscode.commands.executeCommand('nsInspector.view.hideKernelThreads');
    }
    await waitFor('the tree to hide kernel threads again', () => !view.provider.treeOptions.showKernelThreads || undefined);
  });

  it('by user namespace: the nested user namespaces under their parents, the netns under its owner', async () => {
    await groupAndRefresh('userNamespace');
    const hostUser = inoOf(process.pid, 'user');
    const middle = view.result!.namespaces.get(`${dev}:${made.innerUserIno}`)!.parent!.ino;
    assert.deepEqual(ancestors(nsNode(made.innerUserIno)), [nsNode(middle), nsNode(hostUser)]);
    assert.match(String(view.provider.getTreeItem(nsNode(middle)).description), /ancestor, no process/);
    assert.deepEqual(ancestors(nsNode(made.netIno)), [nsNode(hostUser)]);
    assert.deepEqual(ancestors(nsNode(made.utsIno)), [nsNode(hostUser)]);
  });

  it('by PID namespace: the session PID namespace under the host PID namespace', async () => {
    await groupAndRefresh('pidNamespace');
    assert.deepEqual(ancestors(nsNode(made.pidIno)), [nsNode(inoOf(process.pid, 'pid'))]);
    assert.deepEqual(await view.provider.getChildren(nsNode(made.pidIno)), [processNodeId(nsNode(made.pidIno), made.sessionPid)]);
    assert.equal(view.snapshot!.node(nsNode(made.netIno)), undefined, 'only PID namespaces in this grouping');
  });

  it('by container: the test namespaces are in the host group', async () => {
    await groupAndRefresh('container');
    assert.deepEqual(ancestors(nsNode(made.netIno)), ['host']);
    assert.deepEqual(ancestors(nsNode(made.innerUserIno)), ['host']);
  });

  it('remembers the grouping in the nsInspector.grouping setting', () => {
    assert.equal(vscode.workspace.getConfiguration('nsInspector').get('grouping'), 'container');
  });

  it('the filter narrows the tree; a filter matching nothing leaves it empty with a message', async () => {
    await groupAndRefresh('type');
    await vscode.commands.executeCommand('nsInspector.view.filter', { text: made.netnsName });
    assert.deepEqual(await view.provider.getChildren(), ['type:net']);
    assert.deepEqual(await view.provider.getChildren('type:net'), [nsNode(made.netIno)]);
    assert.equal(view.treeView.message, `Filter "${made.netnsName}": 1 namespace match. Clear it from the view's title bar.`);
    await vscode.commands.executeCommand('nsInspector.view.filter', { text: String(made.sessionPid) });
    assert.ok((await view.provider.getChildren('type:uts')).includes(nsNode(made.utsIno)));
    assert.deepEqual(await view.provider.getChildren(nsNode(made.utsIno)), [processNodeId(nsNode(made.utsIno), made.sessionPid)]);
    await vscode.commands.executeCommand('nsInspector.view.filter', { text: 'no-such-namespace-anywhere' });
    assert.deepEqual(await view.provider.getChildren(), []);
    assert.equal(view.treeView.message, undefined, 'no message, so the welcome view with Clear Filter shows');
    assert.match(view.treeView.description ?? '', /filter "no-such-namespace-anywhere"/);
    await vscode.commands.executeCommand('nsInspector.view.clearFilter');
    assert.ok((await view.provider.getChildren()).length >= 7);
    assert.equal(view.treeView.description, 'by Type');
    assert.equal(view.treeView.message, undefined);
  });

  it('Show Details opens a read-only document with the namespace\'s fields', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('nsInspector.namespace.showDetails', nsNode(made.netIno));
    const text = doc.getText();
    assert.equal(doc.uri.scheme, 'nsinspector');
    for (const field of [`net:[${made.netIno}]`, `device: ${dev}`, `/run/netns/${made.netnsName}`, 'owner: [user:[', `most senior process: [PID ${made.netPid}](../process/`, `leaders: ${made.netPid}`, '## Interfaces (1)', '- `lo` (loopback']) {
      assert.ok(text.includes(field), `details lack "${field}":\n${text}`);
    }
    const user = await vscode.commands.executeCommand<vscode.TextDocument>('nsInspector.namespace.showDetails', nsNode(made.innerUserIno));
    assert.match(user.getText(), /UID map: 0→0 ×1/);
    assert.match(user.getText(), /parent: \[user:\[\d+\]\]\(user-\d+\.md\)/);
    const proc = await vscode.commands.executeCommand<vscode.TextDocument>('nsInspector.namespace.showDetails', processNodeId(nsNode(made.utsIno), made.sessionPid));
    assert.match(proc.getText(), new RegExp(`PID in each PID namespace, host first: ${made.sessionPid} → 1`));
    assert.match(proc.getText(), /- started: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(/, 'a wall-clock start time');
    // Shown rendered: the Markdown preview of the document is the active tab.
    assert.match(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', /^Preview /);
  });

  it('each link of a details document leads to the document of what it names', async () => {
    const proc = await vscode.commands.executeCommand<vscode.TextDocument>('nsInspector.namespace.showDetails', processNodeId(nsNode(made.utsIno), made.sessionPid));
    assert.equal(proc.uri.query, '', 'the path alone names the subject');
    // As the Markdown preview follows a link: resolved against the URI of the document it is in.
    const follow = async (from: vscode.TextDocument, text: string): Promise<vscode.TextDocument> => {
      const link = new RegExp(`\\[${text.replace(/[[\]]/g, '\\$&')}\\]\\(([^)]+)\\)`).exec(from.getText());
      assert.ok(link, `no link "${text}" in:\n${from.getText()}`);
      return vscode.workspace.openTextDocument(vscode.Uri.joinPath(from.uri, '..', link[1]));
    };
    const uts = await follow(proc, String(made.utsIno));
    assert.match(uts.getText(), new RegExp(`^# .* · uts:\\[${made.utsIno}\\]\n`));
    assert.equal(uts.languageId, 'markdown', 'the preview follows a link only to a Markdown document');
    const back = await follow(uts, `PID ${made.sessionPid}`);
    assert.equal(back.uri.toString(), proc.uri.toString());
    const owner = await follow(uts, `user:[${inoOf(made.sessionPid, 'user')}]`);
    assert.match(owner.getText(), /- UID map: /);
  });

  it('copies the inode, the PID and a ready nsenter command line', async () => {
    assert.equal(await vscode.commands.executeCommand('nsInspector.namespace.copyInode', nsNode(made.netIno)), String(made.netIno));
    assert.equal(await vscode.env.clipboard.readText(), String(made.netIno));
    assert.equal(await vscode.commands.executeCommand('nsInspector.namespace.copyPid', nsNode(made.netIno)), String(made.netPid));
    // A bind mount outlives the process: the named netns is entered by its path, not a PID.
    assert.equal(await vscode.commands.executeCommand('nsInspector.namespace.copyNsenter', nsNode(made.netIno)), `nsenter --net=/run/netns/${made.netnsName}`);
    assert.match(String(await vscode.commands.executeCommand('nsInspector.namespace.copyNsenter', nsNode(made.utsIno))), /^nsenter --target \d+ --uts$/);
    assert.equal(
      await vscode.commands.executeCommand('nsInspector.namespace.copyNsenter', processNodeId(nsNode(made.utsIno), made.sessionPid)),
      `nsenter --target ${made.sessionPid} --all`,
    );
  });

  it('"You are here" reveals and selects the extension host\'s namespaces', async () => {
    const shown = await vscode.commands.executeCommand<number>('nsInspector.view.revealHere');
    assert.ok(shown >= 7, `revealed ${shown}`);
    assert.deepEqual(view.treeView.selection, [nsNode(view.result!.processes.get(process.pid)!.namespaces.mnt!)]);
    assert.match(String(view.provider.getTreeItem(view.treeView.selection[0]).description), /^you are here/);
  });

  it('a refresh fires changes only for what changed, and removed namespaces vanish', async () => {
    const staleUts = nsNode(made.utsIno);
    process.kill(made.netPid, 'SIGKILL');
    await waitFor('the netns sleeper to exit', () => (existsSync(`/proc/${made.netPid}/ns/net`) ? undefined : true));
    // What the refresh told VS Code to redraw: the provider's own change events ("root": all).
    let lastChangedIds: string[] = [];
    const listening = view.provider.onDidChangeTreeData((ids) => (lastChangedIds = ids === undefined ? ['root'] : typeof ids === 'string' ? [ids] : ids));
    try {
      await vscode.commands.executeCommand('nsInspector.view.refresh');
    } finally {
      listening.dispose();
    }
    assert.notDeepEqual(lastChangedIds, ['root']);
    // The netns node, or its "net" group when another network namespace on this shared host came
    // or went at the same time (VS Code then redraws the group with the node in it).
    assert.ok(
      lastChangedIds.includes(nsNode(made.netIno)) || lastChangedIds.includes('type:net'),
      `changed: ${lastChangedIds.join(', ')}`,
    );
    assert.equal(view.provider.getTreeItem(nsNode(made.netIno)).description, `held by a bind mount only · net ${made.netIno}`);
    assert.equal(
      await vscode.commands.executeCommand('nsInspector.namespace.copyNsenter', nsNode(made.netIno)),
      `nsenter --net=/run/netns/${made.netnsName}`,
    );

    // Gone between the refresh and the click: a message, no exception, no document.
    await lab.stop();
    assert.equal(await vscode.commands.executeCommand('nsInspector.namespace.showDetails', staleUts), undefined);
    deleteNetnsIfPresent(made.netnsName);
    await vscode.commands.executeCommand('nsInspector.view.refresh');
    for (const grouping of ['type', 'userNamespace', 'pidNamespace', 'container'] as const) {
      await groupAndRefresh(grouping);
      for (const ino of [made.netIno, made.utsIno, made.pidIno, made.innerUserIno]) {
        // On a shared host the kernel may give a freed inode to someone else's new namespace at
        // once: only the test's own namespace (its bind mount or processes) must be gone.
        const node = view.snapshot!.node(nsNode(ino));
        const ours =
          node?.kind === 'namespace' &&
          (node.ns.bindMounts.some((m) => m.path === `/run/netns/${made.netnsName}`) ||
            node.ns.pids.some((pid) => [made.netPid, made.sessionPid, made.nestedPid].includes(pid)));
        assert.ok(!ours, `${ino} still shown grouped by ${grouping}`);
      }
    }
    // An item id from before the refresh: a clear message, not an exception.
    assert.equal(await vscode.commands.executeCommand('nsInspector.namespace.copyInode', staleUts), undefined);
  });
});

function deleteNetnsIfPresent(name: string): void {
  try {
    deleteNetns(name);
  } catch {
    /* cleanup() already removed it */
  }
}
