// The container file view on real Docker and Podman containers: a file only the image has is
// read; the escapes an image can plant (an absolute symlink to /etc/shadow, a "../" chain, a
// /proc/self/root magic link, a symlinked directory, a FIFO) show the image's file or nothing,
// never the host's; a container that is gone gives the "gone" error. Writing (once a user allows
// it in the editor): a write lands in the container's file (read back with `docker exec cat`),
// a write through an absolute link to /etc/passwd changes the image's file and never the host's,
// "../" and magic links are refused, a device or FIFO is not opened, a gone process is refused.
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

    it('a container that is gone gives the "gone" error, not stale content', () => {
      const files = filesOf(pid);
      assert.equal(files.readFile('/nsi-image-only.txt').toString(), `${IMAGE_ONLY}\n`);
      remove();
      const write = (): void => files.writeFile('/nsi-after-gone.txt', Buffer.from('late'), { create: true, overwrite: true });
      for (const read of [() => files.readFile('/nsi-image-only.txt'), () => files.stat('/'), () => files.readDirectory('/'), write]) {
        assert.throws(read, (error: unknown) => error instanceof RootFileError && error.kind === 'gone' && /ended/.test(error.message));
      }
    });
  });
}

describe('container files (openat2 RESOLVE_IN_ROOT)', { timeout: 300_000 }, () => {
  let tarball = '';
  before(async () => {
    fs.writeFileSync(HOST_SECRET, HOST_TEXT, { mode: 0o600 });
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
    fs.rmSync(WORK, { recursive: true, force: true });
    await lab.cleanup();
  });

  attacks(
    'Docker',
    () => {
      must(['docker', 'run', '-d', '--network', 'none', '--name', `${TAG}-files-docker`, IMAGE, '/bin/busybox', 'sleep', '3600']);
      return Number(must(['docker', 'inspect', '-f', '{{.State.Pid}}', `${TAG}-files-docker`]).trim());
    },
    () => must(['docker', 'rm', '-f', `${TAG}-files-docker`]),
    (file) => run(['docker', 'exec', `${TAG}-files-docker`, '/bin/busybox', 'cat', file]).stdout,
  );
  attacks(
    'Podman',
    () => {
      must(['podman', 'run', '-d', ...PODMAN_RUN_FLAGS, '--network', 'none', '--name', `${TAG}-files-podman`, `localhost/${IMAGE}`, '/bin/busybox', 'sleep', '3600']);
      return Number(must(['podman', 'inspect', '-f', '{{.State.Pid}}', `${TAG}-files-podman`]).trim());
    },
    () => must(['podman', 'rm', '-f', '-t', '0', `${TAG}-files-podman`]),
    (file) => run(['podman', 'exec', `${TAG}-files-podman`, '/bin/busybox', 'cat', file]).stdout,
  );
});
