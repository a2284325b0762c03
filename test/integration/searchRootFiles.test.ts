// Searching a process's root: a busybox process chrooted into a folder of its own (as a container
// image is) is searched through the addon. What is in the root is found, with its line and
// column; what a link points at (the host's files, a loop back to "/") is not walked; /proc and
// binary or large files are left out and counted; a process that ends makes the search fail as
// "gone"; an aborted search stops. Run as root.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { nativeAddon } from '../../src/core/discovery/nativeAddon';
import { ProcessRootFiles } from '../../src/core/containerFiles/processRootFiles';
import { RootFileError } from '../../src/core/containerFiles/rootFileError';
import { searchRootFiles } from '../../src/core/containerFiles/searchRootFiles';

const stamp = randomBytes(6).toString('hex');
const NEEDLE = `needle-${stamp}`;
const ROOT = `/tmp/nsi-search-root-${stamp}`;
const HOST_FILE = `/tmp/nsi-search-host-${stamp}.txt`;

function startTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
}

function write(relative: string, content: string | Buffer): void {
  const file = path.join(ROOT, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function makeRoot(): void {
  fs.mkdirSync(path.join(ROOT, 'bin'), { recursive: true });
  fs.copyFileSync('/bin/busybox', path.join(ROOT, 'bin/busybox'));
  fs.chmodSync(path.join(ROOT, 'bin/busybox'), 0o755);
  write('etc/app.conf', `# settings\nkey = 1\nurl = http://x/${NEEDLE}/y\n`);
  write('srv/deep/nested/notes.txt', `first\r\nthe ${NEEDLE.toUpperCase()} shouts\r\n`);
  write('srv/a.txt', `${NEEDLE} at the start\nand ${NEEDLE} again on line 2\n`);
  write('proc/fake.txt', `${NEEDLE} in the container's /proc, left out\n`);
  write('data/blob.bin', Buffer.concat([Buffer.from(`${NEEDLE}\n`), Buffer.alloc(16), Buffer.from(NEEDLE)]));
  write('data/huge.log', `${NEEDLE}\n`.padEnd(2 * 1024 * 1024, 'x'));
  fs.writeFileSync(HOST_FILE, `${NEEDLE} ON THE HOST\n`);
  fs.symlinkSync(HOST_FILE, path.join(ROOT, 'escape.txt'));
  fs.symlinkSync('/tmp', path.join(ROOT, 'host-tmp'));
  fs.symlinkSync('/', path.join(ROOT, 'loop'));
  write('lines/cr-only.txt', `one\rtwo ${NEEDLE}\rthree`);
  write('lines/bom.txt', `\uFEFF${NEEDLE} after a BOM\n`);
  write('lines/empty.txt', '');
}

describe('searching a process root', () => {
  let child: ChildProcess;
  let files: ProcessRootFiles;

  before(async () => {
    makeRoot();
    child = spawn('chroot', [ROOT, '/bin/busybox', 'sleep', '600'], { stdio: 'ignore' });
    const pid = child.pid!;
    for (let i = 0; fs.readlinkSync(`/proc/${pid}/root`) !== ROOT; i++) {
      assert.ok(i < 100, 'the chrooted process did not start');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    files = new ProcessRootFiles({ pid, startTicks: startTicks(pid) }, nativeAddon());
  });

  after(() => {
    child?.kill('SIGKILL');
    fs.rmSync(ROOT, { recursive: true, force: true });
    fs.rmSync(HOST_FILE, { force: true });
  });

  it('finds every line with the text in the root, in path order, with line and column', async () => {
    const result = await searchRootFiles(files, { query: NEEDLE });
    assert.deepEqual(
      result.matches.map((m) => `${m.path}:${m.line}:${m.column}`),
      ['/etc/app.conf:3:15', '/lines/bom.txt:1:0', '/lines/cr-only.txt:2:4', '/srv/a.txt:1:0', '/srv/a.txt:2:4', '/srv/deep/nested/notes.txt:2:4'],
    );
    const shout = result.matches.at(-1)!;
    assert.equal(shout.preview, `the ${NEEDLE.toUpperCase()} shouts`, 'the line without its CR');
    assert.equal(shout.length, NEEDLE.length);
    assert.equal(result.truncated, false);
    assert.equal(result.cancelled, false);
  });

  it("never walks a link: the host's file and /tmp behind links, and a loop to /, are not searched", async () => {
    const result = await searchRootFiles(files, { query: NEEDLE });
    assert.ok(!result.matches.some((m) => /escape|host-tmp|loop/.test(m.path)), JSON.stringify(result.matches));
    assert.ok(!result.matches.some((m) => m.preview.includes('ON THE HOST')));
  });

  it('leaves out /proc, binary files and files over the size cap, and counts them', async () => {
    const result = await searchRootFiles(files, { query: NEEDLE, maxFileBytes: 1024 * 1024 });
    assert.ok(!result.matches.some((m) => m.path.startsWith('/proc/') || m.path.startsWith('/data/')), JSON.stringify(result.matches));
    const overCap = ['data/huge.log', 'bin/busybox'].filter((file) => fs.statSync(path.join(ROOT, file)).size > 1024 * 1024);
    assert.equal(result.skipped.tooLarge, overCap.length, overCap.join(', '));
    assert.ok(result.skipped.binary >= 1, 'blob.bin');
    const withProc = await searchRootFiles(files, { query: NEEDLE, skip: [] });
    assert.ok(withProc.matches.some((m) => m.path === '/proc/fake.txt'), 'an empty skip list searches it');
  });

  it('matches case when asked, and searches from a folder', async () => {
    const exact = await searchRootFiles(files, { query: NEEDLE, caseSensitive: true });
    assert.ok(!exact.matches.some((m) => m.path === '/srv/deep/nested/notes.txt'));
    const inSrv = await searchRootFiles(files, { query: NEEDLE, start: '/srv/deep/' });
    assert.deepEqual(inSrv.matches.map((m) => m.path), ['/srv/deep/nested/notes.txt']);
  });

  it('takes the text literally: regular-expression characters match themselves', async () => {
    const result = await searchRootFiles(files, { query: 'http://x/(' });
    assert.deepEqual(result.matches, []);
    const dotted = await searchRootFiles(files, { query: 'key = 1' });
    assert.deepEqual(dotted.matches.map((m) => m.path), ['/etc/app.conf']);
  });

  it('stops at the match limit and says so, also when the limit falls inside the last file', async () => {
    const result = await searchRootFiles(files, { query: NEEDLE, maxMatches: 2 });
    assert.equal(result.matches.length, 2);
    assert.equal(result.truncated, true);
    const inSrv = await searchRootFiles(files, { query: NEEDLE, start: '/srv', maxMatches: 1, skip: [] });
    assert.deepEqual(inSrv.matches.map((m) => `${m.path}:${m.line}`), ['/srv/a.txt:1']);
    assert.equal(inSrv.truncated, true);
  });

  it('counts lines as VS Code does: a lone CR ends a line, a byte-order mark is no column', async () => {
    const result = await searchRootFiles(files, { query: NEEDLE, start: '/lines' });
    assert.deepEqual(result.matches.map((m) => `${m.path}:${m.line}:${m.column}:${m.preview}`), [
      `/lines/bom.txt:1:0:${NEEDLE} after a BOM`,
      `/lines/cr-only.txt:2:4:two ${NEEDLE}`,
    ]);
  });

  it('stops between two files of one folder when cancelled (a folder of many files is no single step)', async () => {
    for (let i = 0; i < 300; i++) write(`many/f${String(i).padStart(3, '0')}.txt`, `${NEEDLE} ${i}\n`);
    try {
      const controller = new AbortController();
      const result = await searchRootFiles(files, {
        query: NEEDLE,
        start: '/many',
        signal: controller.signal,
        onFile: (count) => count === 5 && controller.abort(),
      });
      assert.equal(result.cancelled, true);
      assert.ok(result.filesSearched < 300, `searched ${result.filesSearched}`);
    } finally {
      fs.rmSync(path.join(ROOT, 'many'), { recursive: true, force: true });
    }
  });

  it('the entry limit counts folders and skipped files too', async () => {
    const result = await searchRootFiles(files, { query: 'nothing-has-this', maxFiles: 3 });
    assert.equal(result.truncated, true);
    assert.ok(result.filesSearched <= 3);
  });

  it("never opens an empty file: /proc/kmsg mounted into the root (a read would wait for the kernel's log) is passed by", async () => {
    const before = await searchRootFiles(files, { query: NEEDLE, start: '/lines' });
    const kmsg = path.join(ROOT, 'lines', 'kmsg');
    fs.writeFileSync(kmsg, '');
    execFileSync('mount', ['--bind', '/proc/kmsg', kmsg]);
    try {
      const result = await searchRootFiles(files, { query: NEEDLE, start: '/lines' });
      assert.deepEqual(result.matches, before.matches);
      assert.equal(result.filesSearched, before.filesSearched);
      assert.equal(result.skipped.unreadable, 0);
    } finally {
      execFileSync('umount', [kmsg]);
    }
  });

  it('an aborted search stops and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await searchRootFiles(files, { query: NEEDLE, signal: controller.signal });
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.matches, []);
  });

  it('an empty text is refused', async () => {
    await assert.rejects(searchRootFiles(files, { query: '' }), RangeError);
  });

  it('a process that has ended: the search fails as gone, not with an empty answer', async () => {
    const short = spawn('chroot', [ROOT, '/bin/busybox', 'sleep', '600'], { stdio: 'ignore' });
    const pid = short.pid!;
    for (let i = 0; fs.readlinkSync(`/proc/${pid}/root`) !== ROOT; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const pinned = new ProcessRootFiles({ pid, startTicks: startTicks(pid) }, nativeAddon());
    short.kill('SIGKILL');
    await new Promise((resolve) => short.once('exit', resolve));
    await assert.rejects(searchRootFiles(pinned, { query: NEEDLE }), (error: unknown) => error instanceof RootFileError && error.kind === 'gone');
  });
});
