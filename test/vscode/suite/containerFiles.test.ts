// Open Container Filesystem in a real VS Code as root: a process in a busybox image (chrooted, its
// own mount namespace, no shell used) is served read-only on nsfs-root://; a file only the image
// has opens in an editor with its text; an absolute symlink to /etc/hostname shows the image's
// file; writing is refused (NoPermissions, saying how to allow) until "Allow Writing in Container
// Folder…" is answered, then saving an edited document writes into the container, and "Make
// Container Folder Read-Only" refuses again; a diff between a container file and a workspace file
// opens a diff editor; the strace / gdb copies name the host PID. This suite's window is a
// single folder, where adding a folder reloads the window (and this suite with it): here the
// command must ask first and change nothing on "cancel"; the added folder in the Explorer is
// tested in the browser (test/e2e/containerFiles.e2e.ts). The process is removed in after().
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { NamespaceLab, nsInode } from '../../integration/support/namespaces';
import { busyboxRoot, startInImage } from '../../integration/support/busyboxImage';
import { namespaceNodeId, processNodeId } from '../../../src/core/tree/nodeIds';
import type { NamespaceInspectorApi } from '../../../src/extension/extension';
import { activatedApi } from './extensionUnderTest';

const IMAGE_TEXT = 'only in the image: container files test\n';

describe('Open Container Filesystem', function () {
  this.timeout(90_000);
  const lab = new NamespaceLab();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-files-vscode-'));
  let api: NamespaceInspectorApi;
  let pid = 0;
  let folder: vscode.Uri | undefined;
  let imageRoot = '';

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    const root = busyboxRoot(dir, 'image');
    imageRoot = root;
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc', 'hostname'), 'image-hostname\n');
    writeFileSync(join(root, 'image-only.txt'), IMAGE_TEXT);
    symlinkSync('/etc/hostname', join(root, 'abs-hostname'));
    pid = await startInImage(lab, root, { drop: ['cap_sys_admin'], hostname: 'files-vscode', command: ['/bin/sleep', '600'] });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  });

  async function nodeOf(target: number): Promise<string> {
    const nodeId = processNodeId(namespaceNodeId({ dev: api.namespacesView.result!.nsfsDev, ino: nsInode(target, 'uts') }), target);
    for (let i = 0; i < 50 && !api.namespacesView.snapshot?.node(nodeId); i++) {
      await vscode.commands.executeCommand('nsInspector.view.refresh');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(api.namespacesView.snapshot?.node(nodeId), 'the process is in the tree');
    return nodeId;
  }

  it('asks before turning a single-folder window into a workspace, and changes nothing when not answered', async () => {
    const before = vscode.workspace.workspaceFolders?.map((f) => f.uri.toString());
    assert.equal(vscode.workspace.workspaceFile, undefined, 'this suite runs in a single-folder window');
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.openContainerFilesystem', await nodeOf(pid), { where: 'cancel' }), undefined);
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.uri.toString()), before);
  });

  it('serves the root read-only: an image-only file opens in an editor; an absolute link stays in the image', async () => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    folder = vscode.Uri.from({ scheme: 'nsfs-root', authority: `${pid}-${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`, path: '/' });
    const entries = await vscode.workspace.fs.readDirectory(folder);
    assert.deepEqual(entries.find(([name]) => name === 'image-only.txt'), ['image-only.txt', vscode.FileType.File]);
    assert.deepEqual(entries.find(([name]) => name === 'abs-hostname'), ['abs-hostname', vscode.FileType.File | vscode.FileType.SymbolicLink]);

    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'image-only.txt'));
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(editor.document.getText(), IMAGE_TEXT);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(folder, 'image-only.txt').toString());

    const link = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'abs-hostname'));
    assert.equal(Buffer.from(link).toString(), 'image-hostname\n');
    assert.equal((await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'image-only.txt'))).permissions, vscode.FilePermission.Readonly);
    await assertRefused(vscode.Uri.joinPath(folder, 'new.txt'));
    assert.equal(existsSync(join(imageRoot, 'new.txt')), false);
  });

  async function assertRefused(uri: vscode.Uri): Promise<void> {
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'))), (error: unknown) => {
      assert.ok(error instanceof vscode.FileSystemError, String(error));
      assert.equal(error.code, 'NoPermissions');
      assert.match(error.message, /read-only: run "Namespace Inspector: Allow Writing in Container Folder…"/);
      return true;
    });
  }

  it('diff works: a container file against a workspace file opens a diff editor with the container side', async () => {
    assert.ok(folder);
    const local = vscode.Uri.file(join(dir, 'local-copy.txt'));
    writeFileSync(local.fsPath, 'the local copy\n');
    const container = vscode.Uri.joinPath(folder, 'image-only.txt');
    await vscode.commands.executeCommand('vscode.diff', container, local, 'container ↔ local');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputTextDiff, `a diff tab, not ${String(input)}`);
    assert.equal(input.original.toString(), container.toString());
    assert.equal(input.modified.toString(), local.toString());
    const original = vscode.workspace.textDocuments.find((document) => document.uri.toString() === container.toString());
    assert.equal(original?.getText(), IMAGE_TEXT);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('writing is allowed only after the modal is answered; then saving an edited document writes into the container; read-only again after', async () => {
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder, 'image-only.txt');
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.allowContainerFolderWriting', folder, { confirm: 'cancel' }), undefined);
    await assertRefused(file);
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.allowContainerFolderWriting', folder, { confirm: 'allow' }), folder.toString());
    assert.equal((await vscode.workspace.fs.stat(file)).permissions, undefined, 'no longer read-only');

    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const edited = 'edited in VS Code, saved into the container\n';
    let applied = false;
    // The open document learns its new permission when VS Code stats it again (after our change event).
    for (let i = 0; i < 50 && !applied; i++) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(file, new vscode.Range(0, 0, document.lineCount, 0), edited);
      applied = await vscode.workspace.applyEdit(edit);
      if (!applied) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(applied, 'the document became editable');
    assert.equal(await document.save(), true);
    assert.equal(readFileSync(`/proc/${pid}/root/image-only.txt`, 'utf8'), edited);
    assert.equal(readFileSync(join(imageRoot, 'image-only.txt'), 'utf8'), edited);

    // A new file too, then read-only again.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'made-in-vscode.txt'), Buffer.from('new\n'));
    assert.equal(readFileSync(join(imageRoot, 'made-in-vscode.txt'), 'utf8'), 'new\n');
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.makeContainerFolderReadOnly', folder), folder.toString());
    // (A file open in an editor is not used here: writing it through workspace.fs while refused did not settle in VS Code 1.139.)
    await assertRefused(vscode.Uri.joinPath(folder, 'made-in-vscode.txt'));
    assert.equal(readFileSync(join(imageRoot, 'made-in-vscode.txt'), 'utf8'), 'new\n');
    assert.equal(readFileSync(join(imageRoot, 'image-only.txt'), 'utf8'), edited);
    assert.equal((await vscode.workspace.fs.stat(file)).permissions, vscode.FilePermission.Readonly);
  });

  it('the copied strace and gdb command lines name the host PID', async () => {
    const node = await nodeOf(pid);
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.copyStraceCommand', node), `strace -f -p ${pid}`);
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.copyGdbCommand', node), `gdb -q -iex 'set sysroot /proc/${pid}/root' -p ${pid}`);
    assert.equal(await vscode.env.clipboard.readText(), `gdb -q -iex 'set sysroot /proc/${pid}/root' -p ${pid}`);
  });

  it('once the process is gone, reading gives Unavailable with words, not stale content', async () => {
    assert.ok(folder);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'image-only.txt'))), (error: unknown) => {
      assert.ok(error instanceof vscode.FileSystemError, String(error));
      assert.match(error.message, /has ended/);
      return true;
    });
  });
});
