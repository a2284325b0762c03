// Find in Container Folder… in a real VS Code as root: a process in a busybox image (chrooted, its
// own mount namespace) is searched through the nsfs-root file system; the chosen line opens in an
// editor with its match selected; a line of hostile text is shown as escaped text in the picker;
// an empty result says so; something that is not a container folder is refused; a process that
// has ended gives a clear error. The process is removed in after().
import { after, before, describe, it } from 'mocha';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { NamespaceLab } from '../../integration/support/namespaces';
import { busyboxRoot, startInImage } from '../../integration/support/busyboxImage';
import type { FindOutcome } from '../../../src/extension/commands/debug/findInContainerFolder';
import { activatedApi } from './extensionUnderTest';
import { answerQuickPick, closeQuickInput } from './quickInput';

const FIND = 'nsInspector.debug.findInContainerFolder';
const NEEDLE = 'find-me-in-the-image';
const HOST_ONLY = join(tmpdir(), `nsi-find-host-${process.pid}.txt`);

function folderOf(pid: number): vscode.Uri {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return vscode.Uri.from({ scheme: 'nsfs-root', authority: `${pid}-${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`, path: '/' });
}

describe('Find in Container Folder', function () {
  this.timeout(90_000);
  const lab = new NamespaceLab();
  const dir = mkdtempSync(join(tmpdir(), 'nsi-find-vscode-'));
  let pid = 0;

  before(async () => {
    await activatedApi();
    const root = busyboxRoot(dir, 'image');
    mkdirSync(join(root, 'etc', 'app'), { recursive: true });
    writeFileSync(join(root, 'etc', 'app', 'settings.ini'), `[main]\nname = web\ntoken = ${NEEDLE}\n`);
    writeFileSync(join(root, 'work', 'hostile.txt'), `${NEEDLE} $(alert) \u202eevil\x1b[31m red\n`);
    writeFileSync(HOST_ONLY, `${NEEDLE} on the host only\n`);
    symlinkSync(HOST_ONLY, join(root, 'work', 'host-link.txt'));
    pid = await startInImage(lab, root, { drop: ['cap_sys_admin'], hostname: 'find-vscode', command: ['/bin/sleep', '600'] });
  });

  after(async () => {
    await closeQuickInput();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
    rmSync(HOST_ONLY, { force: true });
  });

  it('lists the matching lines, and the one picked opens with its match selected', async () => {
    const folder = folderOf(pid);
    const found = vscode.commands.executeCommand<FindOutcome | undefined>(FIND, folder, { query: NEEDLE });
    await answerQuickPick(0, found);
    const outcome = await found;
    assert.ok(outcome, 'the search ran');
    assert.deepEqual(outcome.result.matches.map((m) => `${m.path}:${m.line}`), ['/etc/app/settings.ini:3', '/work/hostile.txt:1']);
    assert.equal(outcome.opened, vscode.Uri.joinPath(folder, 'etc/app/settings.ini').toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), outcome.opened);
    assert.equal(editor?.document.getText(editor.selection), NEEDLE);
    assert.equal(editor?.selection.start.line, 2);
  });

  it('never follows a link to the host, and searches from the folder it is given', async () => {
    const work = vscode.Uri.joinPath(folderOf(pid), 'work');
    const found = vscode.commands.executeCommand<FindOutcome | undefined>(FIND, work, { query: NEEDLE });
    await answerQuickPick(0, found);
    const outcome = await found;
    assert.deepEqual(outcome?.result.matches.map((m) => m.path), ['/work/hostile.txt']);
  });

  it('a file given searches its folder', async () => {
    const file = vscode.Uri.joinPath(folderOf(pid), 'etc/app/settings.ini');
    const found = vscode.commands.executeCommand<FindOutcome | undefined>(FIND, file, { query: 'name = web' });
    await answerQuickPick(0, found);
    const outcome = await found;
    assert.deepEqual(outcome?.result.matches.map((m) => `${m.path}:${m.line}`), ['/etc/app/settings.ini:2']);
  });

  it('no match: says so and returns an empty result', async () => {
    const outcome = await vscode.commands.executeCommand<FindOutcome | undefined>(FIND, folderOf(pid), { query: 'nothing-has-this-text' });
    assert.deepEqual(outcome?.result.matches, []);
    assert.ok((outcome?.result.filesSearched ?? 0) >= 2);
  });

  it('something that is not a container folder is refused', async () => {
    assert.equal(await vscode.commands.executeCommand(FIND, vscode.Uri.file('/etc'), { query: NEEDLE }), undefined);
    assert.equal(await vscode.commands.executeCommand(FIND, 'nsfs-root://not-a-process/', { query: NEEDLE }), undefined);
  });

  it('a process that has ended: a clear error, no result', async () => {
    const root = busyboxRoot(dir, 'short');
    writeFileSync(join(root, 'work', 'x.txt'), `${NEEDLE}\n`);
    const short = await startInImage(lab, root, { drop: [], hostname: 'find-short', command: ['/bin/sleep', '600'] });
    const folder = folderOf(short);
    process.kill(short, 'SIGKILL');
    for (let i = 0; i < 100; i++) {
      try {
        readFileSync(`/proc/${short}/stat`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } catch {
        break;
      }
    }
    assert.equal(await vscode.commands.executeCommand(FIND, folder, { query: NEEDLE }), undefined);
  });
});
