// The container file view on real Docker and Podman containers: a file only the image has is
// read; the escapes an image can plant (an absolute symlink to /etc/shadow, a "../" chain, a
// /proc/self/root magic link, a symlinked directory, a FIFO) show the image's file or nothing,
// never the host's; a container that is gone gives the "gone" error. Writing (once a user allows
// it in the editor): a write lands in the container's file (read back with `docker exec cat`),
// a write through an absolute link to /etc/passwd changes the image's file and never the host's,
// "../" and magic links are refused, a device or FIFO is not opened, a gone process is refused.
// New folders, deletes and renames: links in the image to host folders (/etc, a /tmp folder,
// ../../..) used as the parent stay in the root or give "not found", used as the target are the
// link itself (made over: exists; deleted or renamed: the link, never its target); a recursive
// delete of a folder of such links removes only the links, and does not enter a volume (a host
// folder mounted in); a rename cannot leave the root; each asserts the host's files unchanged.
// Run as root.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { nativeAddon } from '../../src/core/discovery/nativeAddon';
import { ProcessRootFiles } from '../../src/core/containerFiles/processRootFiles';
import { RootFileError } from '../../src/core/containerFiles/rootFileError';
import { EngineLab, PODMAN_RUN_FLAGS, TAG, must, run } from './support/engines';

const lab = new EngineLab();
const IMAGE = `${TAG}-files`;
const WORK = `/tmp/${TAG}-files`;
const stamp = randomBytes(6).toString('hex');
const HOST_SECRET = `/etc/nsi-host-secret-${stamp}`;
const HOST_TEXT = `HOST SECRET ${stamp}`;
const IMAGE_ONLY = `only in the image ${stamp}`;
const BIG = 3 * 1024 * 1024 + 17;
/** A host folder the image links to (`/tmp/x`): mkdir, delete and rename must never touch it. */
const HOST_DIR = `/tmp/nsi-host-dir-${stamp}`;
/** A host folder mounted into the container as a volume at /vol/data: a recursive delete of /vol must not enter it. */
const HOST_VOLUME = `/tmp/nsi-host-volume-${stamp}`;

/** HOST_DIR's names and contents, to compare before and after. */
function hostDirState(): string {
  return fs
    .readdirSync(HOST_DIR)
    .sort()
    .map((name) => `${name}=${fs.readFileSync(path.join(HOST_DIR, name), 'utf8')}`)
    .join(';');
}

function startTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
}

function filesOf(pid: number): ProcessRootFiles {
  return new ProcessRootFiles({ pid, startTicks: startTicks(pid) }, nativeAddon());
}

function refusedOrMissing(read: () => unknown, what: string): void {
  assert.throws(read, (error: unknown) => {
    assert.ok(error instanceof RootFileError, `${what}: ${String(error)}`);
    assert.ok(['notFound', 'refused', 'other'].includes(error.kind), `${what}: ${error.kind} ${error.message}`);
    assert.doesNotMatch(error.message, new RegExp(HOST_TEXT));
    return true;
  });
}

/** The busybox image plus the hostile entries, as a tarball for `docker import` / `podman import`. */
function makeImage(): string {
  lab.makeImage();
  const root = path.join(WORK, 'rootfs');
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  must(['cp', '-a', lab.rootfs, root]);
  fs.writeFileSync(path.join(root, 'nsi-image-only.txt'), `${IMAGE_ONLY}\n`);
  fs.writeFileSync(path.join(root, 'etc/shadow'), `root:IMAGE-SHADOW-${stamp}:1::::::\n`);
  fs.symlinkSync('/etc/shadow', path.join(root, 'abs-shadow'));
  fs.writeFileSync(path.join(root, 'etc/passwd'), `root:x:0:0:image ${stamp}:/root:/bin/sh\n`);
  fs.symlinkSync('/etc/passwd', path.join(root, 'abs-passwd'));
  fs.symlinkSync('/nsi-dangling-target', path.join(root, 'dangling'));
  fs.symlinkSync(HOST_SECRET, path.join(root, 'abs-host-secret'));
  fs.symlinkSync(`../../../../../../..${HOST_SECRET}`, path.join(root, 'dotdot-host-secret'));
  fs.symlinkSync('/proc/self/root', path.join(root, 'proc-self-root'));
  fs.symlinkSync(`/proc/self/root${HOST_SECRET}`, path.join(root, 'proc-self-root-secret'));
  fs.symlinkSync('/proc/1/root/etc', path.join(root, 'proc-1-root-etc'));
  fs.symlinkSync('../../..', path.join(root, 'up-dir'));
  fs.writeFileSync(path.join(root, 'big.bin'), Buffer.alloc(BIG, 0x61));
  // For mkdir, delete and rename: links to host folders, as a parent and as a target.
  fs.symlinkSync('/etc', path.join(root, 'abs-etc'));
  fs.symlinkSync('/tmp', path.join(root, 'abs-tmp'));
  fs.symlinkSync(HOST_DIR, path.join(root, 'abs-host-dir'));
  fs.symlinkSync(`../../../../../../..${HOST_DIR}`, path.join(root, 'dotdot-host-dir'));
  fs.symlinkSync(HOST_DIR, path.join(root, 'rename-me-link'));
  // A folder to delete recursively: files, a subfolder, and links out (never followed).
  fs.mkdirSync(path.join(root, 'victim/sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'victim/a.txt'), 'a\n');
  fs.writeFileSync(path.join(root, 'victim/sub/b.txt'), 'b\n');
  fs.symlinkSync(HOST_DIR, path.join(root, 'victim/sub/to-host-dir'));
  fs.symlinkSync('../../..', path.join(root, 'victim/up'));
  fs.symlinkSync('/etc', path.join(root, 'victim/etc'));
  fs.mkdirSync(path.join(root, 'vol/data'), { recursive: true });
  fs.writeFileSync(path.join(root, 'vol/before.txt'), 'in the image\n');
  fs.mkdirSync(path.join(root, 'full/inner'), { recursive: true });
  fs.writeFileSync(path.join(root, 'full/inner/c.txt'), 'c\n');
  must(['mkfifo', path.join(root, 'fifo')]);
  const tarball = path.join(WORK, 'rootfs.tar');
  must(['tar', '-C', root, '-cf', tarball, '.']);
  return tarball;
}

function attacks(engine: string, pidOf: () => number, remove: () => void, cat: (file: string) => string): void {
  describe(engine, () => {
    let pid = 0;
    before(() => {
      pid = pidOf();
    });

    it('reads a file only the image has', () => {
      assert.equal(fs.existsSync('/nsi-image-only.txt'), false);
      assert.equal(filesOf(pid).readFile('/nsi-image-only.txt').toString(), `${IMAGE_ONLY}\n`);
      const entries = filesOf(pid).readDirectory('/');
      assert.deepEqual(entries.find(([name]) => name === 'nsi-image-only.txt'), ['nsi-image-only.txt', 'file', false]);
      assert.deepEqual(entries.find(([name]) => name === 'bin'), ['bin', 'directory', false]);
    });

    it("an absolute symlink to /etc/shadow shows the image's shadow, not the host's", () => {
      const text = filesOf(pid).readFile('/abs-shadow').toString();
      assert.equal(text, `root:IMAGE-SHADOW-${stamp}:1::::::\n`);
      assert.equal(filesOf(pid).readFile('/etc/shadow').toString(), text);
      const stat = filesOf(pid).stat('/abs-shadow');
      assert.equal(stat.symlink, true);
      assert.equal(stat.kind, 'file');
    });

    it("an absolute symlink to a host-only file gives nothing", () => {
      assert.equal(fs.readFileSync(HOST_SECRET, 'utf8'), HOST_TEXT);
      refusedOrMissing(() => filesOf(pid).readFile('/abs-host-secret'), 'abs link');
      assert.equal(filesOf(pid).stat('/abs-host-secret').kind, 'other');
    });

    it('a ../ chain (in a link and in the asked path) stops at the root', () => {
      refusedOrMissing(() => filesOf(pid).readFile('/dotdot-host-secret'), 'dotdot link');
      refusedOrMissing(() => filesOf(pid).readFile(`/../../../..${HOST_SECRET}`), 'dotdot path');
      refusedOrMissing(() => filesOf(pid).readFile(`up-dir${HOST_SECRET}`), 'symlinked dir');
      // up-dir is the root itself: its entries are the image's.
      assert.equal(filesOf(pid).readFile('/up-dir/nsi-image-only.txt').toString(), `${IMAGE_ONLY}\n`);
    });

    it('a symlink through /proc/self/root or /proc/1/root is refused', () => {
      refusedOrMissing(() => filesOf(pid).readFile('/proc-self-root-secret'), 'proc self root secret');
      refusedOrMissing(() => filesOf(pid).readDirectory('/proc-self-root'), 'proc self root');
      refusedOrMissing(() => filesOf(pid).readFile('/proc-1-root-etc/shadow'), 'proc 1 root');
      refusedOrMissing(() => filesOf(pid).readFile(`/proc/1/root${HOST_SECRET}`), 'proc 1 root path');
      refusedOrMissing(() => filesOf(pid).readFile(`/proc/${pid}/root${HOST_SECRET}`), 'proc host pid root path');
    });

    it('a FIFO is not opened (nothing blocks) and a large file is read in chunks under a cap', () => {
      const started = Date.now();
      assert.throws(() => filesOf(pid).readFile('/fifo'), (error: unknown) => error instanceof RootFileError && error.kind === 'other');
      assert.ok(Date.now() - started < 2000);
      const chunks = [...filesOf(pid).readChunks('/big.bin', { maxBytes: 8 * 1024 * 1024, chunkBytes: 1024 * 1024 })];
      assert.equal(chunks.length, 4);
      assert.equal(Buffer.concat(chunks).length, BIG);
      assert.throws(() => filesOf(pid).readFile('/big.bin', { maxBytes: 1024 * 1024, chunkBytes: 65536 }), (error: unknown) => error instanceof RootFileError && error.kind === 'tooLarge');
    });

    it('a write lands in the container: a new file, then the same file replaced; create/overwrite are honoured', () => {
      const files = filesOf(pid);
      files.writeFile('/nsi-written.txt', Buffer.from(`written ${stamp}\n`), { create: true, overwrite: false });
      assert.equal(cat('/nsi-written.txt'), `written ${stamp}\n`);
      assert.equal(fs.existsSync('/nsi-written.txt'), false, 'nothing on the host');
      files.writeFile('/nsi-written.txt', Buffer.from('shorter\n'), { create: false, overwrite: true });
      assert.equal(cat('/nsi-written.txt'), 'shorter\n');
      assert.throws(() => files.writeFile('/nsi-written.txt', Buffer.from('x'), { create: true, overwrite: false }), (error: unknown) => error instanceof RootFileError && error.kind === 'exists');
      assert.throws(() => files.writeFile('/nsi-absent.txt', Buffer.from('x'), { create: false, overwrite: true }), (error: unknown) => error instanceof RootFileError && error.kind === 'notFound');
      assert.equal(cat('/nsi-written.txt'), 'shorter\n');
    });

    it("a write through an absolute link to /etc/passwd changes the image's file, never the host's", () => {
      const hostBefore = fs.readFileSync('/etc/passwd');
      filesOf(pid).writeFile('/abs-passwd', Buffer.from(`root:x:0:0:rewritten ${stamp}:/root:/bin/sh\n`), { create: true, overwrite: true });
      assert.equal(cat('/etc/passwd'), `root:x:0:0:rewritten ${stamp}:/root:/bin/sh\n`);
      assert.deepEqual(fs.readFileSync('/etc/passwd'), hostBefore, "the host's /etc/passwd is unchanged");
      // A link to a host-only file: the image has no such file, so nothing is written anywhere.
      assert.throws(() => filesOf(pid).writeFile('/abs-host-secret', Buffer.from('overwritten'), { create: false, overwrite: true }), RootFileError);
      assert.equal(fs.readFileSync(HOST_SECRET, 'utf8'), HOST_TEXT);
      // A dangling link is not followed to create its target (O_EXCL | O_NOFOLLOW in the parent).
      assert.throws(() => filesOf(pid).writeFile('/dangling', Buffer.from('x'), { create: true, overwrite: true }), RootFileError);
      assert.equal(cat('/nsi-dangling-target'), '', 'no target created');
    });

    it('a ../ escape, a magic link, a FIFO and a bare name are refused; the host is unchanged', () => {
      const hostSecretBefore = fs.readFileSync(HOST_SECRET, 'utf8');
      const files = filesOf(pid);
      for (const [target, what] of [
        [`/../../../..${HOST_SECRET}`, 'dotdot path'],
        ['/dotdot-host-secret', 'dotdot link'],
        [`/proc-self-root-secret`, 'proc self root link'],
        [`/proc/1/root${HOST_SECRET}`, 'proc 1 root'],
      ] as const) {
        assert.throws(() => files.writeFile(target, Buffer.from('pwned'), { create: false, overwrite: true }), RootFileError, what);
      }
      // Creating: "../" in the parent stays in the root, so the new file is the container's.
      files.writeFile(`/../../../nsi-dotdot-new-${stamp}`, Buffer.from('in the root\n'), { create: true, overwrite: true });
      assert.equal(cat(`/nsi-dotdot-new-${stamp}`), 'in the root\n');
      assert.equal(fs.existsSync(`/nsi-dotdot-new-${stamp}`), false);
      assert.throws(() => files.writeFile('/proc-self-root/nsi-escape', Buffer.from('x'), { create: true, overwrite: true }), RootFileError);
      assert.equal(fs.existsSync('/nsi-escape'), false);
      for (const bad of ['/nsi-no-dir/..', '/nsi-no-dir/.', '/tmp/..', '/']) {
        assert.throws(() => files.writeFile(bad, Buffer.from('x'), { create: true, overwrite: true }), RootFileError, bad);
      }
      const started = Date.now();
      assert.throws(() => files.writeFile('/fifo', Buffer.from('x'), { create: false, overwrite: true }), (error: unknown) => error instanceof RootFileError && error.kind === 'other');
      assert.ok(Date.now() - started < 2000, 'the FIFO was not opened');
      assert.equal(fs.readFileSync(HOST_SECRET, 'utf8'), hostSecretBefore);
    });

    /** What the container has at `file` (a path with no link in it), seen from the host through /proc/PID/root. */
    const inRoot = (file: string): fs.Stats | undefined => fs.lstatSync(`/proc/${pid}/root${file}`, { throwIfNoEntry: false });
    const kindIs = (kind: RootFileError['kind']) => (error: unknown) => {
      assert.ok(error instanceof RootFileError, String(error));
      assert.equal(error.kind, kind, error.message);
      return true;
    };

    it('makes a folder in the container; an existing name or a missing parent is refused', () => {
      const files = filesOf(pid);
      files.createDirectory(`/nsi-made-${stamp}`);
      assert.ok(inRoot(`/nsi-made-${stamp}`)?.isDirectory());
      assert.equal(fs.existsSync(`/nsi-made-${stamp}`), false, 'nothing on the host');
      assert.throws(() => files.createDirectory(`/nsi-made-${stamp}`), kindIs('exists'));
      assert.throws(() => files.createDirectory('/nsi-image-only.txt'), kindIs('exists'));
      assert.throws(() => files.createDirectory('/nsi-no-parent/x'), kindIs('notFound'));
      for (const bad of ['/', '/nsi-made-x/..', '/nsi-made-x/.', '']) assert.throws(() => files.createDirectory(bad), RootFileError, bad);
    });

    it('mkdir through links to host folders stays in the root; a link as the new name is never followed', () => {
      const hostBefore = hostDirState();
      const files = filesOf(pid);
      // A parent that is a link to /etc: the image's /etc, not the host's.
      files.createDirectory(`/abs-etc/nsi-made-${stamp}`);
      assert.ok(inRoot(`/etc/nsi-made-${stamp}`)?.isDirectory());
      assert.equal(fs.existsSync(`/etc/nsi-made-${stamp}`), false, "not in the host's /etc");
      // A parent that is a link to /tmp/x (a host folder the image lacks): not found.
      assert.throws(() => files.createDirectory('/abs-host-dir/nsi-sub'), kindIs('notFound'));
      assert.throws(() => files.createDirectory('/dotdot-host-dir/nsi-sub'), kindIs('notFound'));
      // ../../.. (a link and the path itself) stops at the root.
      files.createDirectory(`/up-dir/nsi-up-${stamp}`);
      assert.ok(inRoot(`/nsi-up-${stamp}`)?.isDirectory());
      files.createDirectory(`/../../../tmp/nsi-dotdot-${stamp}`);
      assert.ok(inRoot(`/tmp/nsi-dotdot-${stamp}`)?.isDirectory());
      assert.equal(fs.existsSync(`/nsi-up-${stamp}`) || fs.existsSync(`/tmp/nsi-dotdot-${stamp}`), false, 'nothing on the host');
      // The new name itself a link (to a host folder, dangling in the image): exists, not followed.
      assert.throws(() => files.createDirectory('/abs-host-dir'), kindIs('exists'));
      assert.throws(() => files.createDirectory('/dangling'), kindIs('exists'));
      assert.equal(inRoot('/nsi-dangling-target'), undefined, 'no target made');
      // Magic links are refused.
      assert.throws(() => files.createDirectory('/proc-self-root/nsi-escape'), RootFileError);
      assert.throws(() => files.createDirectory(`/proc/1/root/tmp/nsi-escape-${stamp}`), RootFileError);
      assert.equal(fs.existsSync('/nsi-escape') || fs.existsSync(`/tmp/nsi-escape-${stamp}`), false);
      assert.equal(hostDirState(), hostBefore, 'the host folder is unchanged');
    });

    it('deletes a file, an empty folder, and a full folder only when recursive', () => {
      const files = filesOf(pid);
      files.writeFile('/nsi-delete-me.txt', Buffer.from('x'), { create: true, overwrite: false });
      files.delete('/nsi-delete-me.txt', { recursive: false });
      assert.equal(inRoot('/nsi-delete-me.txt'), undefined);
      assert.throws(() => files.delete('/nsi-delete-me.txt', { recursive: false }), kindIs('notFound'));
      files.createDirectory('/nsi-empty');
      files.delete('/nsi-empty', { recursive: false });
      assert.equal(inRoot('/nsi-empty'), undefined);
      // A NUL would cut the path short at it ("/full"): refused, nothing deleted or read.
      assert.throws(() => files.delete('/full\0/inner/c.txt', { recursive: true }), RootFileError);
      assert.throws(() => files.readFile('/nsi-image-only.txt\0.bak'), RootFileError);
      assert.throws(() => files.delete('/full', { recursive: false }), kindIs('notEmpty'));
      assert.ok(inRoot('/full/inner/c.txt')?.isFile(), 'nothing deleted');
      files.delete('/full', { recursive: true });
      assert.equal(inRoot('/full'), undefined);
      for (const bad of ['/', '/victim/..', '/victim/.', '']) assert.throws(() => files.delete(bad, { recursive: true }), RootFileError, bad);
      assert.ok(inRoot('/victim/a.txt'));
    });

    it('delete removes a link, never what it points to; a parent through a link stays in the root', () => {
      const hostBefore = hostDirState();
      const hostSecret = fs.readFileSync(HOST_SECRET, 'utf8');
      const files = filesOf(pid);
      // Through a parent link to /etc, /tmp/x or ../../..: the image's files or nothing.
      assert.throws(() => files.delete(`/abs-etc/${path.basename(HOST_SECRET)}`, { recursive: true }), kindIs('notFound'));
      assert.throws(() => files.delete(`/up-dir${HOST_SECRET}`, { recursive: true }), kindIs('notFound'));
      assert.throws(() => files.delete('/abs-host-dir/keep.txt', { recursive: true }), kindIs('notFound'));
      assert.throws(() => files.delete('/dotdot-host-dir/keep.txt', { recursive: true }), kindIs('notFound'));
      assert.throws(() => files.delete(`/proc-self-root${HOST_SECRET}`, { recursive: true }), RootFileError);
      assert.throws(() => files.delete(`/proc/1/root${HOST_DIR}`, { recursive: true }), RootFileError);
      files.delete(`/abs-etc/nsi-made-${stamp}`, { recursive: false });
      assert.equal(inRoot(`/etc/nsi-made-${stamp}`), undefined, "the image's folder made through the link is gone");
      // A link as the target, even recursive: the link goes, its target stays.
      files.delete('/abs-host-dir', { recursive: true });
      files.delete('/abs-etc', { recursive: true });
      assert.equal(inRoot('/abs-host-dir'), undefined);
      assert.equal(inRoot('/abs-etc'), undefined);
      assert.ok(inRoot('/etc/passwd')?.isFile(), "the image's /etc is still there");
      // A recursive delete of a folder holding links out: the links go, never their targets.
      files.delete('/victim', { recursive: true });
      assert.equal(inRoot('/victim'), undefined);
      assert.ok(inRoot('/etc/passwd')?.isFile() && inRoot('/bin/busybox')?.isFile(), 'the image is whole');
      assert.equal(hostDirState(), hostBefore, 'the host folder is unchanged');
      assert.equal(fs.readFileSync(HOST_SECRET, 'utf8'), hostSecret);
      assert.ok(fs.existsSync('/etc/passwd'));
      // A folder holding a volume (a host folder mounted in): the delete does not enter the mount.
      assert.throws(() => files.delete('/vol', { recursive: true }), (error: unknown) => error instanceof RootFileError && /another mount/.test(error.message));
      assert.equal(fs.readFileSync(path.join(HOST_VOLUME, 'volume.txt'), 'utf8'), `volume ${stamp}\n`, "the volume's host file is still there");
      assert.throws(() => files.delete('/vol/data', { recursive: true }), RootFileError);
      assert.equal(fs.readdirSync(HOST_VOLUME).join(), 'volume.txt');
    });

    it('renames inside the root; overwrite only when asked; links are renamed, never followed', () => {
      const hostBefore = hostDirState();
      const files = filesOf(pid);
      files.writeFile('/nsi-from.txt', Buffer.from('from\n'), { create: true, overwrite: false });
      files.writeFile('/nsi-there.txt', Buffer.from('there\n'), { create: true, overwrite: false });
      files.rename('/nsi-from.txt', '/nsi-to.txt', { overwrite: false });
      assert.equal(inRoot('/nsi-from.txt'), undefined);
      assert.equal(cat('/nsi-to.txt'), 'from\n');
      assert.throws(() => files.rename('/nsi-to.txt', '/nsi-there.txt', { overwrite: false }), kindIs('exists'));
      assert.equal(cat('/nsi-there.txt'), 'there\n', 'not replaced');
      files.rename('/nsi-to.txt', '/nsi-there.txt', { overwrite: true });
      assert.equal(cat('/nsi-there.txt'), 'from\n');
      assert.throws(() => files.rename('/nsi-missing.txt', '/nsi-x.txt', { overwrite: false }), kindIs('notFound'));
      // A folder too.
      files.createDirectory('/nsi-dir-a');
      files.rename('/nsi-dir-a', '/nsi-dir-b', { overwrite: false });
      assert.ok(inRoot('/nsi-dir-b')?.isDirectory());
      // The source a link to a host folder: the link itself is renamed.
      files.rename('/rename-me-link', '/nsi-renamed-link', { overwrite: false });
      assert.equal(fs.readlinkSync(`/proc/${pid}/root/nsi-renamed-link`), HOST_DIR);
      // The target a link to a host folder (dangling in the image), with overwrite: the link is replaced, not followed.
      files.writeFile('/nsi-over.txt', Buffer.from('over\n'), { create: true, overwrite: false });
      files.rename('/nsi-over.txt', '/nsi-renamed-link', { overwrite: true });
      assert.equal(cat('/nsi-renamed-link'), 'over\n');
      assert.equal(hostDirState(), hostBefore, 'the host folder is unchanged');
    });

    it('a rename out of the root is impossible: ../, links to host folders and magic links stay in or are refused', () => {
      const hostBefore = hostDirState();
      const files = filesOf(pid);
      files.writeFile('/nsi-mover.txt', Buffer.from('mover\n'), { create: true, overwrite: false });
      files.rename('/nsi-mover.txt', `/../../../tmp/nsi-moved-${stamp}`, { overwrite: false });
      assert.equal(cat(`/tmp/nsi-moved-${stamp}`), 'mover\n');
      files.rename(`/tmp/nsi-moved-${stamp}`, `/abs-tmp/../up-dir/nsi-moved-${stamp}`, { overwrite: false });
      assert.equal(cat(`/nsi-moved-${stamp}`), 'mover\n');
      const from = `/nsi-moved-${stamp}`;
      for (const to of [`/dotdot-host-dir/moved`, `/up-dir${HOST_DIR}/moved`, `/proc-self-root/tmp/nsi-out-${stamp}`, `/proc/1/root${HOST_DIR}/moved`, `/proc/${pid}/root/tmp/nsi-out-${stamp}`]) {
        assert.throws(() => files.rename(from, to, { overwrite: true }), RootFileError, to);
      }
      // And from the host into the root: a source through a magic link is refused too.
      assert.throws(() => files.rename(`/proc/1/root${HOST_DIR}/keep.txt`, '/nsi-stolen.txt', { overwrite: true }), RootFileError);
      assert.equal(inRoot('/nsi-stolen.txt'), undefined);
      assert.equal(cat(from), 'mover\n', 'the file stayed where it was');
      assert.equal(fs.existsSync(`/tmp/nsi-out-${stamp}`) || fs.existsSync(`${HOST_DIR}/moved`), false);
      for (const [a, b] of [['/', '/nsi-root'], [from, '/'], [from, '/tmp/..'], ['/tmp/..', '/nsi-x']]) {
        assert.throws(() => files.rename(a, b, { overwrite: true }), RootFileError, `${a} -> ${b}`);
      }
      assert.equal(hostDirState(), hostBefore, 'the host folder is unchanged');
    });

    it('a container that is gone gives the "gone" error, not stale content', () => {
      const files = filesOf(pid);
      assert.equal(files.readFile('/nsi-image-only.txt').toString(), `${IMAGE_ONLY}\n`);
      remove();
      const write = (): void => files.writeFile('/nsi-after-gone.txt', Buffer.from('late'), { create: true, overwrite: true });
      const changes = [write, () => files.createDirectory('/nsi-gone-dir'), () => files.delete('/nsi-image-only.txt', { recursive: false }), () => files.rename('/nsi-image-only.txt', '/nsi-gone.txt', { overwrite: true })];
      for (const read of [() => files.readFile('/nsi-image-only.txt'), () => files.stat('/'), () => files.readDirectory('/'), ...changes]) {
        assert.throws(read, (error: unknown) => error instanceof RootFileError && error.kind === 'gone' && /ended/.test(error.message));
      }
    });
  });
}

describe('container files (openat2 RESOLVE_IN_ROOT)', { timeout: 300_000 }, () => {
  let tarball = '';
  before(async () => {
    fs.writeFileSync(HOST_SECRET, HOST_TEXT, { mode: 0o600 });
    fs.mkdirSync(HOST_DIR);
    fs.mkdirSync(HOST_VOLUME);
    fs.writeFileSync(path.join(HOST_VOLUME, 'volume.txt'), `volume ${stamp}\n`);
    fs.writeFileSync(path.join(HOST_DIR, 'keep.txt'), `host ${stamp}\n`);
    tarball = makeImage();
    await lab.docker();
    await lab.podman();
    must(['docker', 'import', tarball, IMAGE]);
    must(['podman', 'import', tarball, `localhost/${IMAGE}`]);
  });
  after(async () => {
    run(['docker', 'rm', '-f', `${TAG}-files-docker`]);
    run(['podman', 'rm', '-f', '-t', '0', `${TAG}-files-podman`]);
    run(['docker', 'image', 'rm', '-f', IMAGE]);
    run(['podman', 'image', 'rm', '-f', `localhost/${IMAGE}`]);
    fs.rmSync(HOST_SECRET, { force: true });
    fs.rmSync(HOST_DIR, { recursive: true, force: true });
    fs.rmSync(HOST_VOLUME, { recursive: true, force: true });
    fs.rmSync(WORK, { recursive: true, force: true });
    await lab.cleanup();
  });

  attacks(
    'Docker',
    () => {
      must(['docker', 'run', '-d', '--network', 'none', '-v', `${HOST_VOLUME}:/vol/data`, '--name', `${TAG}-files-docker`, IMAGE, '/bin/busybox', 'sleep', '3600']);
      return Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', `${TAG}-files-docker`]).trim());
    },
    () => must(['docker', 'rm', '-f', `${TAG}-files-docker`]),
    (file) => run(['docker', 'exec', `${TAG}-files-docker`, '/bin/busybox', 'cat', file]).stdout,
  );
  attacks(
    'Podman',
    () => {
      must(['podman', 'run', '-d', ...PODMAN_RUN_FLAGS, '--network', 'none', '-v', `${HOST_VOLUME}:/vol/data`, '--name', `${TAG}-files-podman`, `localhost/${IMAGE}`, '/bin/busybox', 'sleep', '3600']);
      return Number(must(['podman', 'inspect', '-f', '{{.State.Pid}}', `${TAG}-files-podman`]).trim());
    },
    () => must(['podman', 'rm', '-f', '-t', '0', `${TAG}-files-podman`]),
    (file) => run(['podman', 'exec', `${TAG}-files-podman`, '/bin/busybox', 'cat', file]).stdout,
  );
});
