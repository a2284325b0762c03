// Open Shell into images in a real VS Code as root: a busybox image gets its own /bin/sh with no
// more privileges than its process; an image without a shell is said so and the host-tools shell
// is offered; a shell that dies at once (an image whose /bin/sh cannot run) gets a message that
// says why. Every process and terminal made here is removed in after(), also when a test fails.
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { NamespaceLab, nsInode, waitFor } from '../../integration/support/namespaces';
import { busyboxRoot, shelllessRoot, startInImage } from '../../integration/support/busyboxImage';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import { parseCredentials } from '../../../src/core/parsers/credentials';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import type { JoinTerminal } from '../../../src/extension/commands/namespace/openJoinTerminal';
import { closeTerminals } from './closeTerminals';
import { activatedApi } from './extensionUnderTest';

const OPEN_SHELL = 'nsInspector.namespace.openShell';
const DROPPED = ['cap_sys_admin', 'cap_sys_ptrace', 'cap_sys_module', 'cap_sys_chroot'];

describe('Shells into images', function () {
  this.timeout(90_000);
  const lab = new NamespaceLab();
  const terminals: vscode.Terminal[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'nsi-shells-vscode-'));
  let api: NamespaceInspectorApi;
  const track = <T extends { terminal: vscode.Terminal } | undefined>(made: T): T => {
    if (made) terminals.push(made.terminal);
    return made;
  };

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await closeTerminals(api, terminals);
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  /** The tree node of a process (under its UTS namespace), once a refresh shows it. */
  async function nodeOf(pid: number): Promise<string> {
    const nodeId = processNodeId(namespaceNodeId({ dev: api.namespacesView.result!.nsfsDev, ino: nsInode(pid, 'uts') }), pid);
    for (let i = 0; i < 50 && !api.namespacesView.snapshot?.node(nodeId); i++) {
      await vscode.commands.executeCommand('nsInspector.view.refresh');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(api.namespacesView.snapshot?.node(nodeId), 'the process is in the tree');
    return nodeId;
  }

  it("All its namespaces into a busybox image: the image's /bin/sh, with the process' bounding set and no_new_privs", async () => {
    const root = busyboxRoot(dir, 'busybox');
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-vscode', command: ['/bin/sleep', '600'] });
    const opened = track(await vscode.commands.executeCommand<JoinTerminal | undefined>(OPEN_SHELL, await nodeOf(pid), { types: ['mnt', 'pid', 'uts', 'net', 'ipc'] }));
    assert.ok(opened);
    assert.match(opened.argv[0], /\/nsinspect-enter$/);
    assert.equal(opened.argv.at(-1), '/bin/sh');
    // Inside the image's root: /work is the image's, readable from here under root/work.
    opened.terminal.sendText('cat /proc/self/status > /work/status; hostname >> /work/status; echo done > /work/status.done');
    await waitFor('the proof from inside', () => (existsSync(join(root, 'work', 'status.done')) ? true : undefined), 15_000);
    const proof = readFileSync(join(root, 'work', 'status'), 'utf8');
    const inside = parseCredentials(proof)!;
    const target = parseCredentials(readFileSync(`/proc/${pid}/status`, 'utf8'))!;
    assert.equal(inside.capBnd, target.capBnd);
    assert.equal(inside.noNewPrivs, true);
    assert.match(proof, /^shells-vscode$/m);
  });

  it('an image without a shell: says so and, answered, opens the host-tools shell with its own /proc', async () => {
    const root = shelllessRoot(dir, 'no-shell');
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-none', command: ['/sleep', '601'] });
    const node = await nodeOf(pid);
    const before = vscode.window.terminals.length;
    assert.equal(await vscode.commands.executeCommand(OPEN_SHELL, node, { noShellAnswer: 'no' }), undefined);
    assert.equal(vscode.window.terminals.length, before);
    const tools = track(await vscode.commands.executeCommand<JoinTerminal | undefined>(OPEN_SHELL, node, { noShellAnswer: 'Open Host-Tools Shell' }));
    assert.ok(tools);
    assert.match(tools.terminal.name, /host tools/);
    assert.deepEqual(tools.argv.slice(0, 3), ['nsenter', '--target', String(pid)]);
    assert.ok(tools.argv.includes('--mount-proc'), tools.argv.join(' '));
    const out = join(dir, 'ps');
    tools.terminal.sendText(`ps -e -o pid=,comm= > ${out}; echo done > ${out}.done`);
    await waitFor('ps in the host-tools shell', () => (existsSync(`${out}.done`) ? true : undefined), 15_000);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((row) => row.trim().split(/\s+/));
    assert.deepEqual(rows[0], ['1', 'sleep']);
    assert.ok(rows.length <= 4, `ps saw more than the target's PID namespace: ${rows.join(' | ')}`);
  });

  it('a shell that ends at once (the image\'s /bin/sh cannot run) gets a message with the command and exit status 127', async () => {
    // /bin/sh is the host's dash without its libraries: found by the picker, then exec fails inside.
    const root = shelllessRoot(dir, 'broken-shell');
    mkdirSync(join(root, 'bin'));
    copyFileSync('/usr/bin/dash', join(root, 'bin', 'sh'));
    const pid = await startInImage(lab, root, { drop: DROPPED, hostname: 'shells-broken', command: ['/sleep', '602'] });
    const opened = track(await vscode.commands.executeCommand<JoinTerminal | undefined>(OPEN_SHELL, await nodeOf(pid), { types: ['mnt', 'uts'] }));
    assert.ok(opened);
    const explained = await waitFor('the message', () => api.earlyExits.explained.find((e) => e.terminal === opened.terminal), 15_000);
    assert.match(explained.message, /ended at once with exit status 127/);
    assert.match(explained.message, /"\/bin\/sh" does not exist where it runs/);
    assert.match(explained.message, /host-tools shell/);
    assert.match(explained.message, /Command: \S+\/nsinspect-enter --target \d+ --ns mnt,uts --root --wd .* -- \/bin\/sh$/);
  });
});
