// Issue 13 item 4: the snapshot's namespace probe runs as root on paths a caller controls
// (/proc/PID/fd/N, and /proc/PID/root + a mount point from mountinfo). A caller who swaps such a
// path between a namespace and a FIFO (or, the real danger, /dev/watchdog) must never make root
// open it. The FIFO here is root's, mode 0600: the attacker (nobody) cannot open it, only point
// at it; inotify tells whether anyone opened it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { discover } from '../../src/core/discovery/discover';
import { NamespaceLab, waitFor } from './support/namespaces';
import { runHelper } from './support/helperRun';

const SCRIPTS = resolve('test/integration/support/probeSwap');
const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all'];
const RUNS = 6;

/** Collects a child's stdout lines. */
function lines(child: ChildProcess): string[] {
  const seen: string[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop()!;
    seen.push(...parts);
  });
  return seen;
}

async function readyInodes(what: string, out: string[], child: ChildProcess): Promise<number[]> {
  const line = await waitFor(`${what} to start`, () => {
    assert.equal(child.exitCode, null, `${what} exited early`);
    return out.find((l) => l.startsWith('ready'));
  }, 20000);
  return line.split(' ').slice(1).map(Number);
}

describe('the helper snapshot and root discovery never open a path a caller swaps (issue 13, item 4)', () => {
  const lab = new NamespaceLab();
  const dir = mkdtempSync('/tmp/nsi-snapshot-caps-');
  const fifo = `${dir}/root-only-fifo`;
  let opens: string[] = [];
  let fdInodes: number[] = [];
  let mountInodes: number[] = [];
  after(() => {
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  before(async () => {
    chmodSync(dir, 0o755);
    execFileSync('mkfifo', ['-m', '600', fifo]);
    const watch = lab.start(['perl', `${SCRIPTS}/openWatch.pl`, fifo], { stdio: 'pipe' });
    opens = lines(watch);
    await waitFor('the inotify watch', () => (opens.includes('watching') ? true : undefined));
    const fdFlipper = lab.start([...AS_NOBODY, 'perl', `${SCRIPTS}/fdFlipper.pl`, fifo, '8'], { stdio: 'pipe' });
    fdInodes = await readyInodes('the fd flipper', lines(fdFlipper), fdFlipper);
    const mountFlipper = lab.start(
      [...AS_NOBODY, 'unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs nsi-snapshot-caps /mnt && exec perl "$@"', 'sh', `${SCRIPTS}/mountFlipper.pl`, fifo, '16', '1900'],
      { stdio: 'pipe' },
    );
    mountInodes = await readyInodes('the mount flipper', lines(mountFlipper), mountFlipper);
    assert.equal(fdInodes.length, 8);
    assert.equal(mountInodes.length, 16);
  });

  /** The opens the watch reported during `act` (its output is read while the event loop runs). */
  async function opensDuring(act: () => Promise<void> | void): Promise<number> {
    const before = opens.length;
    await act();
    await sleep(500);
    return opens.slice(before).filter((line) => line === 'open').length;
  }

  it('snapshot: probes the swapped paths while they are namespaces, never opens the FIFO', async () => {
    const probed = new Set<number>();
    const rootOpens = await opensDuring(() => {
      for (let run = 0; run < RUNS; run++) {
        const snapshot = runHelper(['snapshot']);
        assert.equal(snapshot.status, 0, snapshot.stderr);
        const ioctl = snapshot.stdout.split('\0@@ioctl\0')[1] ?? '';
        for (const line of ioctl.split('\n')) probed.add(Number(line.split(' ')[1]));
      }
    });
    // The test reaches what it attacks: the probe did open these paths when they were namespaces.
    assert.ok(fdInodes.some((ino) => probed.has(ino)), 'no fd-held namespace was probed');
    assert.ok(mountInodes.some((ino) => probed.has(ino)), 'no bind-mounted namespace was probed');
    assert.equal(rootOpens, 0, 'root opened the root-only FIFO');
  });

  it('discovery as root (the native addon): probes them too, never opens the FIFO', async () => {
    let found = 0;
    const rootOpens = await opensDuring(async () => {
      for (let run = 0; run < RUNS; run++) {
        const result = await discover();
        found += [...fdInodes, ...mountInodes].filter((ino) => result.namespaces.has(`${result.nsfsDev}:${ino}`)).length;
      }
    });
    assert.ok(found > 0, 'discovery saw none of the swapped namespaces');
    assert.equal(rootOpens, 0, 'root opened the root-only FIFO');
  });
});

describe('the helper snapshot never opens an fd that poses as an nsfs bind mount', () => {
  // The snapshot stat()s an fd whose link names one of the host's nsfs mount points (that is how
  // an fd opened through a bind mount shows). A caller can make any file show so: here nobody's
  // own FIFO, bind-mounted over /run/netns/NAME in nobody's own mount namespace and held open. A
  // stat() opens nothing; an open would hang root on the FIFO (and inotify would see it).
  const lab = new NamespaceLab();
  const dir = mkdtempSync('/tmp/nsi-snapshot-pose-');
  after(() => {
    lab.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists no such fd and never opens the FIFO behind it', async () => {
    chmodSync(dir, 0o777);
    const name = lab.addNetns('pose');
    const fifo = `${dir}/fifo`;
    const holder = lab.start(
      [...AS_NOBODY, 'unshare', '--user', '--map-root-user', '--mount', 'sh', '-c',
        `mkfifo "$1" && mount --bind "$1" "/run/netns/$2" && exec 3<>"/run/netns/$2" && echo ready && exec sleep 600`, 'sh', fifo, name],
      { stdio: 'pipe' },
    );
    const out = lines(holder);
    await waitFor('the holder to start', () => {
      assert.equal(holder.exitCode, null, 'the holder exited early');
      return out.includes('ready') ? true : undefined;
    }, 20000);
    const pid = holder.pid!;
    const sleeper = await waitFor('the sleep', () => (readlinkSync(`/proc/${pid}/exe`).endsWith('/sleep') ? pid : undefined));
    // The test reaches what it attacks: the fd's link is the host's nsfs mount point.
    assert.equal(readlinkSync(`/proc/${sleeper}/fd/3`), `/run/netns/${name}`);
    const watch = lab.start(['perl', `${SCRIPTS}/openWatch.pl`, fifo], { stdio: 'pipe' });
    const opens = lines(watch);
    await waitFor('the inotify watch', () => (opens.includes('watching') ? true : undefined));
    const snapshot = runHelper(['snapshot']);
    await sleep(500);
    assert.equal(snapshot.status, 0, snapshot.stderr);
    const fds = snapshot.stdout.split('\0@@fds\0')[1]?.split('\0@@')[0] ?? '';
    assert.ok(!fds.split('\0').some((record) => record.startsWith(`/proc/${sleeper}/fd/3 `)), 'the FIFO was listed as a namespace fd');
    assert.equal(opens.filter((line) => line === 'open').length, 0, 'root opened the FIFO');
  });
});
