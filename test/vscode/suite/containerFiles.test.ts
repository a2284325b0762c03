// Open Container Filesystem in a real VS Code as root: a process in a busybox image (chrooted, its
// own mount namespace, no shell used) is served read-only on nsfs-root://; a file only the image
// has opens in an editor with its text; an absolute symlink to /etc/hostname shows the image's
// file; writing is refused (NoPermissions, saying how to allow) until "Allow Writing in Container
// Folder…" is answered, then saving an edited document writes into the container, and "Make
// Container Folder Read-Only" refuses again, also for a file open in an editor (it once hung);
// making folders, deleting and renaming through vscode.workspace.fs: refused (NoPermissions) while
// read-only, then done inside the root with FileExists / FileNotFound as VS Code expects, and
// links in the image to host folders (/etc, a /tmp folder, ../../..) as the parent or the target
// never touch the host; a rename out of the root is impossible; a diff between a container file and a workspace file
// opens a diff editor; the strace / gdb copies name the host PID. This suite's window is a
// single folder, where adding a folder reloads the window (and this suite with it): here the
// command must ask first and change nothing on "cancel"; the added folder in the Explorer is
// tested in the browser (test/e2e/containerFiles.e2e.ts). The process is removed in after().
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  /** A host folder the image links to: no change in the container folder may touch it. */
  const hostDir = join(dir, 'host-only');
  const hostState = (): string => readdirSync(hostDir).sort().map((name) => `${name}=${readFileSync(join(hostDir, name), 'utf8')}`).join(';');
  /** What the image has at `file` (a path with no link in it). */
  const inImage = (file: string) => lstatSync(join(imageRoot, file), { throwIfNoEntry: false });

  before(async () => {
    api = await activatedApi();
    await vscode.workspace.getConfiguration('nsInspector').update('autoRefreshInterval', 0, vscode.ConfigurationTarget.Global);
    const root = busyboxRoot(dir, 'image');
    imageRoot = root;
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc', 'hostname'), 'image-hostname\n');
    writeFileSync(join(root, 'image-only.txt'), IMAGE_TEXT);
    symlinkSync('/etc/hostname', join(root, 'abs-hostname'));
    // Links to host folders, for making folders, deleting and renaming through them.
    mkdirSync(hostDir);
    writeFileSync(join(hostDir, 'keep.txt'), 'host file\n');
    symlinkSync('/etc', join(root, 'abs-etc'));
    symlinkSync(hostDir, join(root, 'abs-host-dir'));
    symlinkSync('../host-only', join(root, 'sibling'));
    symlinkSync('../../..', join(root, 'up-dir'));
    mkdirSync(join(root, 'victim', 'sub'), { recursive: true });
    writeFileSync(join(root, 'victim', 'sub', 'a.txt'), 'a\n');
    symlinkSync(hostDir, join(root, 'victim', 'sub', 'to-host-dir'));
    symlinkSync('../host-only', join(root, 'victim', 'sibling'));
    symlinkSync('/etc', join(root, 'victim', 'etc'));
    mkdirSync(join(root, 'kept'));
    writeFileSync(join(root, 'kept', 'k.txt'), 'k\n');
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

  async function rejectsWith(operation: Thenable<unknown>, code: string, message?: RegExp): Promise<void> {
    await assert.rejects(Promise.resolve(operation), (error: unknown) => {
      assert.ok(error instanceof vscode.FileSystemError, String(error));
      assert.equal(error.code, code, error.message);
      if (message) assert.match(error.message, message);
      return true;
    });
  }

  /** Making a folder, deleting and renaming are refused with how to allow; nothing changes. */
  async function assertChangesRefused(): Promise<void> {
    assert.ok(folder);
    const readOnly = /read-only: run "Namespace Inspector: Allow Writing in Container Folder…"/;
    await rejectsWith(vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'refused-dir')), 'NoPermissions', readOnly);
    await rejectsWith(vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'image-only.txt')), 'NoPermissions', readOnly);
    await rejectsWith(vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'kept'), { recursive: true }), 'NoPermissions', readOnly);
    await rejectsWith(vscode.workspace.fs.rename(vscode.Uri.joinPath(folder, 'image-only.txt'), vscode.Uri.joinPath(folder, 'renamed.txt')), 'NoPermissions', readOnly);
    assert.equal(inImage('refused-dir'), undefined);
    assert.ok(inImage('image-only.txt')?.isFile());
    assert.ok(inImage('kept/k.txt')?.isFile());
    assert.equal(inImage('renamed.txt'), undefined);
  }

  async function withWritingAllowed(run: (root: vscode.Uri) => Promise<void>): Promise<void> {
    assert.ok(folder);
    assert.equal(await vscode.commands.executeCommand('nsInspector.debug.allowContainerFolderWriting', folder, { confirm: 'allow' }), folder.toString());
    try {
      await run(folder);
    } finally {
      await vscode.commands.executeCommand('nsInspector.debug.makeContainerFolderReadOnly', folder);
    }
  }

  async function assertRefused(uri: vscode.Uri): Promise<void> {
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, Buffer.from('x'))), (error: unknown) => {
      assert.ok(error instanceof vscode.FileSystemError, String(error));
      assert.equal(error.code, 'NoPermissions');
      assert.match(error.message, /read-only: run "Namespace Inspector: Allow Writing in Container Folder…"/);
      return true;
    });
  }

  it('a read-only folder refuses making folders, deleting and renaming (NoPermissions) and changes nothing', async () => {
    await assertChangesRefused();
  });

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
    // The file open in the editor, refused once already above: each refusal settles (a provider
    // that threw synchronously left VS Code's per-file write queue stuck, and this write hung).
    await assertRefused(file);
    await assertRefused(file);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString(), 'the file is open in the editor');
    await assertRefused(vscode.Uri.joinPath(folder, 'made-in-vscode.txt'));
    assert.equal(readFileSync(join(imageRoot, 'made-in-vscode.txt'), 'utf8'), 'new\n');
    assert.equal(readFileSync(join(imageRoot, 'image-only.txt'), 'utf8'), edited);
    assert.equal((await vscode.workspace.fs.stat(file)).permissions, vscode.FilePermission.Readonly);
  });

  it('read-only again: making folders, deleting and renaming are refused too', async () => {
    await assertChangesRefused();
  });

  it('with writing allowed: makes folders, deletes (recursive when asked) and renames (overwrite only when asked)', async () => {
    await withWritingAllowed(async (root) => {
      const at = (file: string) => vscode.Uri.joinPath(root, file);
      await vscode.workspace.fs.createDirectory(at('made/deeper'));
      assert.ok(inImage('made/deeper')?.isDirectory());
      assert.equal((await vscode.workspace.fs.stat(at('made'))).type, vscode.FileType.Directory);
      await rejectsWith(vscode.workspace.fs.createDirectory(at('image-only.txt')), 'FileExists');

      await vscode.workspace.fs.writeFile(at('made/deeper/f.txt'), Buffer.from('f\n'));
      await rejectsWith(vscode.workspace.fs.delete(at('made')), 'Unknown', /not empty/);
      assert.ok(inImage('made/deeper/f.txt')?.isFile(), 'nothing deleted without recursive');
      await vscode.workspace.fs.delete(at('made'), { recursive: true });
      assert.equal(inImage('made'), undefined);
      await rejectsWith(vscode.workspace.fs.delete(at('made')), 'FileNotFound');
      await vscode.workspace.fs.writeFile(at('gone.txt'), Buffer.from('x'));
      await vscode.workspace.fs.delete(at('gone.txt'));
      assert.equal(inImage('gone.txt'), undefined);

      await vscode.workspace.fs.writeFile(at('from.txt'), Buffer.from('from\n'));
      await vscode.workspace.fs.writeFile(at('there.txt'), Buffer.from('there\n'));
      await vscode.workspace.fs.rename(at('from.txt'), at('to.txt'));
      assert.equal(inImage('from.txt'), undefined);
      assert.equal(readFileSync(join(imageRoot, 'to.txt'), 'utf8'), 'from\n');
      await rejectsWith(vscode.workspace.fs.rename(at('to.txt'), at('there.txt')), 'FileExists');
      assert.equal(readFileSync(join(imageRoot, 'there.txt'), 'utf8'), 'there\n', 'not replaced');
      await vscode.workspace.fs.rename(at('to.txt'), at('there.txt'), { overwrite: true });
      assert.equal(readFileSync(join(imageRoot, 'there.txt'), 'utf8'), 'from\n');
      assert.equal(inImage('to.txt'), undefined);
      await rejectsWith(vscode.workspace.fs.rename(at('missing.txt'), at('x.txt')), 'FileNotFound');
      // Another container folder (the same PID with another start time is another process): refused.
      const other = vscode.Uri.from({ scheme: 'nsfs-root', authority: `${pid}-${Number(root.authority.split('-')[1]) + 1}`, path: '/there.txt' });
      await assert.rejects(Promise.resolve(vscode.workspace.fs.rename(at('there.txt'), other)));
      assert.equal(readFileSync(join(imageRoot, 'there.txt'), 'utf8'), 'from\n', 'still there');
    });
    await assertChangesRefused();
  });

  it("links to host folders as the parent or the target of mkdir, delete and rename never touch the host; a rename out of the root is impossible", async () => {
    const hostBefore = hostState();
    const stamp = `${process.pid}-${Date.now()}`;
    await withWritingAllowed(async (root) => {
      const at = (file: string) => vscode.Uri.joinPath(root, file);
      // mkdir through a link to /etc: the image's /etc.
      await vscode.workspace.fs.createDirectory(at(`abs-etc/nsi-${stamp}`));
      assert.ok(inImage(`etc/nsi-${stamp}`)?.isDirectory());
      assert.equal(existsSync(`/etc/nsi-${stamp}`), false, "not in the host's /etc");
      // Through a link to a host folder, or ../host-only from the image's root: not in the image.
      for (const through of ['abs-host-dir', 'sibling']) {
        await assert.rejects(Promise.resolve(vscode.workspace.fs.createDirectory(at(`${through}/new-${stamp}`))), through);
      }
      // ../../.. stops at the root.
      await vscode.workspace.fs.createDirectory(at(`up-dir/up-${stamp}`));
      assert.ok(inImage(`up-${stamp}`)?.isDirectory());
      // The new folder's name a link to a host folder: not followed.
      await rejectsWith(vscode.workspace.fs.createDirectory(at('abs-host-dir')), 'FileExists');

      // delete through a parent link: the image's file or nothing.
      await rejectsWith(vscode.workspace.fs.delete(at('abs-host-dir/keep.txt')), 'FileNotFound');
      await rejectsWith(vscode.workspace.fs.delete(at('sibling/keep.txt')), 'FileNotFound');
      await rejectsWith(vscode.workspace.fs.delete(at('up-dir/../host-only/keep.txt')), 'FileNotFound');
      await vscode.workspace.fs.delete(at(`abs-etc/nsi-${stamp}`));
      assert.equal(inImage(`etc/nsi-${stamp}`), undefined);
      // A link as the target, recursive: the link goes, never its target; a folder of links too.
      await vscode.workspace.fs.delete(at('abs-host-dir'), { recursive: true });
      assert.equal(inImage('abs-host-dir'), undefined);
      await vscode.workspace.fs.delete(at('victim'), { recursive: true });
      assert.equal(inImage('victim'), undefined);
      assert.ok(inImage('etc/hostname')?.isFile(), "the image's /etc is whole");

      // rename: out of the root through ../, up-dir or sibling lands in the root or fails.
      await vscode.workspace.fs.writeFile(at('mover.txt'), Buffer.from('mover\n'));
      await vscode.workspace.fs.rename(at('mover.txt'), at(`up-dir/moved-${stamp}.txt`));
      assert.equal(readFileSync(join(imageRoot, `moved-${stamp}.txt`), 'utf8'), 'mover\n');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.rename(at(`moved-${stamp}.txt`), at('sibling/moved.txt'))));
      assert.equal(readFileSync(join(imageRoot, `moved-${stamp}.txt`), 'utf8'), 'mover\n', 'stayed');
      // The link itself is renamed: it still names the host folder, which is unchanged.
      await vscode.workspace.fs.rename(at('sibling'), at('sibling-renamed'));
      assert.equal(readlinkSync(join(imageRoot, 'sibling-renamed')), '../host-only');
    });
    assert.equal(hostState(), hostBefore, 'the host folder is unchanged');
    assert.ok(existsSync('/etc/hostname'));
    assert.equal(existsSync(`/etc/nsi-${stamp}`), false);
    await assertChangesRefused();
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
