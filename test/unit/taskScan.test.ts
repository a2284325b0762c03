import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeAddon } from '../../src/core/discovery/nativeAddon';
import { decodeScan } from '../../src/core/discovery/scanRecords';
import type { TaskRecord } from '../../src/core/discovery/scanRecords';
import { scanChunks } from '../../src/core/discovery/scanChunks';
import { parseNspid } from '../../src/core/parsers/status';
import { CMDLINE_CAP, parseCappedCmdline, parseCmdline } from '../../src/core/parsers/cmdline';

const FIXTURES = 'test/fixtures/proc';

/** Scans `pids` under `root` on two threads and returns the task records, in PID order given. */
async function scanTasks(root: string, pids: number[] | null, ownPidNs: number, known: number[] | null = null): Promise<TaskRecord[]> {
  const tasks: TaskRecord[] = [];
  const request = { procRoot: root, pids, nsfsDev: 4, ownPidNs, fdCandidates: [], threads: 2, known };
  for await (const buffer of scanChunks(nativeAddon(), request)) tasks.push(...decodeScan(buffer).tasks);
  return pids === null ? tasks : pids.map((pid) => tasks.find((task) => task.pid === pid)!);
}

/**
 * The native scan over a procfs-shaped tree of captured files: what it reads, selects and
 * encodes, and what the decoder makes of it, without depending on the live host.
 */
describe('native task scan over a fixture proc tree', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'nsi-proc-'));
    // 4242: a process in nested namespaces, with a thread in another UTS namespace and two fds
    // that refer to namespaces; 77: ns links present but status missing, as when it exits.
    const pid = join(root, '4242');
    mkdirSync(join(pid, 'ns'), { recursive: true });
    for (const line of readFileSync(join(FIXTURES, 'ns-links.txt'), 'utf8').trim().split('\n')) {
      const [name, target] = line.split(' ');
      symlinkSync(target, join(pid, 'ns', name));
    }
    copyFileSync(join(FIXTURES, 'status-nested-pidns.txt'), join(pid, 'status'));
    copyFileSync(join(FIXTURES, 'stat-weird-comm.txt'), join(pid, 'stat'));
    copyFileSync(join(FIXTURES, 'cmdline-sleep.bin'), join(pid, 'cmdline'));
    copyFileSync(join(FIXTURES, 'cgroup-v1-hybrid.txt'), join(pid, 'cgroup'));
    mkdirSync(join(pid, 'fd'));
    symlinkSync('net:[4026532999]', join(pid, 'fd', '3'));
    symlinkSync('socket:[123456]', join(pid, 'fd', '4'));
    symlinkSync('/dev/null', join(pid, 'fd', '0'));
    // 78 and 79: stat that is cut short, or has no comm: treated like a process that is gone.
    for (const [pid, stat] of [['78', '78 (x) S 1 1 1 0'], ['79', '79 x S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 12 0']]) {
      mkdirSync(join(root, pid, 'ns'), { recursive: true });
      symlinkSync('net:[4026531833]', join(root, pid, 'ns', 'net'));
      writeFileSync(join(root, pid, 'stat'), stat);
    }
    // 80: readable, but no fd table (as when it cannot be opened).
    mkdirSync(join(root, '80', 'ns'), { recursive: true });
    symlinkSync('net:[4026531833]', join(root, '80', 'ns', 'net'));
    copyFileSync(join(FIXTURES, 'stat-weird-comm.txt'), join(root, '80', 'stat'));
    // 81: a command line of 100 000 bytes (a process picks its argv).
    mkdirSync(join(root, '81', 'ns'), { recursive: true });
    symlinkSync('net:[4026531833]', join(root, '81', 'ns', 'net'));
    copyFileSync(join(FIXTURES, 'stat-weird-comm.txt'), join(root, '81', 'stat'));
    writeFileSync(join(root, '81', 'cmdline'), `${'x'.repeat(99_998)}\0y\0`);
    const gone = join(root, '77');
    mkdirSync(join(gone, 'ns'), { recursive: true });
    symlinkSync('net:[4026531833]', join(gone, 'ns', 'net'));
    mkdirSync(join(root, 'self'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads at most 4097 bytes of a cmdline: one more than discovery keeps, which tells a longer one', async () => {
    const [record] = await scanTasks(root, [81], 1);
    assert.equal(record.state, 'read');
    assert.equal(record.cmdline, 'x'.repeat(CMDLINE_CAP + 1));
    assert.deepEqual(parseCappedCmdline(record.cmdline), { args: ['x'.repeat(CMDLINE_CAP)], truncated: true });
  });

  it('reads links, owner, stat, the selected status lines, cmdline, cgroup and namespace fds', async () => {
    // ownPidNs 1: the process is in "another" PID namespace, so its status is read for NSpid.
    const records = await scanTasks(root, [4242, 77, 999, 78, 79, 80], 1);
    const byPid = new Map(records.map((r) => [r.pid, r]));
    assert.deepEqual([...byPid.keys()], [4242, 77, 999, 78, 79, 80]);

    const record = byPid.get(4242)!;
    assert.equal(record.state, 'read');
    const expectedLinks = new Map(
      readFileSync(join(FIXTURES, 'ns-links.txt'), 'utf8').trim().split('\n').map((line) => {
        const [name, target] = line.split(' ');
        return [name, Number(/\[(\d+)\]/.exec(target)![1])];
      }),
    );
    assert.deepEqual(record.links, ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time', 'pid_for_children', 'time_for_children'].map((l) => expectedLinks.get(l) ?? 0));
    // Only the lines discovery uses are copied, and they parse as in the whole file.
    const fullText = readFileSync(join(FIXTURES, 'status-nested-pidns.txt'), 'utf8');
    assert.deepEqual(parseNspid(record.status), parseNspid(fullText));
    assert.deepEqual(parseNspid(record.status).length, 3);
    const field = (text: string, name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1];
    assert.deepEqual(['Name', 'PPid', 'Uid', 'NStgid'].map((name) => field(record.status, name)), ['Name', 'PPid', 'Uid', 'NStgid'].map((name) => field(fullText, name)));
    assert.doesNotMatch(record.status, /VmRSS|Cpus_allowed/);
    // stat is parsed natively: comm with ')', spaces, a tab and a newline does not shift fields.
    assert.ok(readFileSync(join(FIXTURES, 'stat-weird-comm.txt'), 'utf8').startsWith('6138 (a) b\n(c\\d\te)) S '));
    assert.deepEqual(
      [record.comm, record.ppid, record.threads, record.startTicks],
      ['a) b\n(c\\d\te)', 6135, 1, 26983],
    );
    assert.deepEqual(parseCmdline(record.cmdline), ['sleep', '60']);
    assert.equal(record.cgroup, readFileSync(join(FIXTURES, 'cgroup-v1-hybrid.txt'), 'utf8'));
    // fd 3 names a namespace; the socket and /dev/null do not count.
    assert.deepEqual(record.fds, [{ fd: 3, ino: 4026532999, dev: 4, type: 'net' }]);
    assert.deepEqual(record.threadRefs, []);

    assert.equal(record.uid, process.getuid!(), 'the owner of the pid directory');

    assert.equal(byPid.get(77)!.state, 'gone', 'links but no stat: it exited mid-read');
    assert.equal(byPid.get(999)!.state, 'gone', 'no such pid directory');
    assert.equal(byPid.get(78)!.state, 'gone', 'stat cut short');
    assert.equal(byPid.get(79)!.state, 'gone', 'stat without a comm');
    assert.equal(byPid.get(80)!.state, 'read');
    assert.equal(byPid.get(80)!.fds, null, 'an fd table that cannot be read is told apart from an empty one');
  });

  it('reads only what can change of a known process: links, stat, fds; not status, cmdline, cgroup', async () => {
    // 4242 started at tick 26983 (its stat); 80 is named with another start time: a new process.
    const [known, other] = await scanTasks(root, [4242, 80], 1, [80, 1, 4242, 26983]);
    assert.equal(known.state, 'known');
    assert.deepEqual([known.comm, known.ppid, known.threads, known.startTicks], ['a) b\n(c\\d\te)', 6135, 1, 26983]);
    assert.deepEqual([known.status, known.cmdline, known.cgroup], ['', '', '']);
    assert.deepEqual(known.fds, [{ fd: 3, ino: 4026532999, dev: 4, type: 'net' }]);
    const full = (await scanTasks(root, [4242], 1))[0];
    assert.deepEqual(known.links, full.links);
    assert.equal(other.state, 'read', 'the same PID with another start time is another process');
  });

  it('refuses known pairs out of PID order (the scan looks them up by halving)', () => {
    assert.throws(() => nativeAddon().scanTasks(root, [4242], 4, 1, [], 1, 10, [4242, 26983, 80, 1], () => {}), TypeError);
    assert.throws(() => nativeAddon().scanTasks(root, [4242], 4, 1, [], 1, 10, [4242], () => {}), TypeError);
  });

  it('does not read status for a process in the scanner\'s own PID namespace', async () => {
    const pidNs = Number(/pid:\[(\d+)\]/.exec(readFileSync(join(FIXTURES, 'ns-links.txt'), 'utf8'))![1]);
    const [record] = await scanTasks(root, [4242], pidNs);
    assert.equal(record.state, 'read');
    assert.equal(record.status, '');
  });

  it('lists every numeric entry of the proc root when given no PIDs', async () => {
    const pids = (await scanTasks(root, null, 1)).map((task) => task.pid).sort((a, b) => a - b);
    assert.deepEqual(pids, [77, 78, 79, 80, 81, 4242]);
  });

  it('rejects a proc root that does not exist with the reason', async () => {
    await assert.rejects(scanTasks(join(root, 'missing'), [1], 0), /cannot scan .*missing: No such file or directory/);
  });

  it('refuses bad arguments with a TypeError', () => {
    assert.throws(() => (nativeAddon().scanTasks as (...args: unknown[]) => unknown)(root, ['x'], 4, 0, [], 1, () => {}), TypeError);
    assert.throws(() => (nativeAddon().scanTasks as (...args: unknown[]) => unknown)(root, [1], 4, 0, [], 0, () => {}), TypeError);
    assert.throws(() => (nativeAddon().scanTasks as (...args: unknown[]) => unknown)(42), TypeError);
  });
});

describe('native task scan over many processes', () => {
  let root: string;
  const cgroup = readFileSync(join(FIXTURES, 'cgroup-v1-hybrid.txt'), 'utf8');
  before(() => {
    // 600 processes with the same cgroup: more than two chunks of 256, on one thread, so a chunk
    // starts right after a process with the same cgroup.
    root = mkdtempSync(join(tmpdir(), 'nsi-proc-many-'));
    for (let pid = 1000; pid < 1600; pid++) {
      mkdirSync(join(root, String(pid), 'ns'), { recursive: true });
      symlinkSync('net:[4026531833]', join(root, String(pid), 'ns', 'net'));
      writeFileSync(join(root, String(pid), 'stat'), `${pid} (sleep) S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ${pid} 0 0\n`);
      writeFileSync(join(root, String(pid), 'cgroup'), cgroup);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('gives every process its cgroup, also the first of each chunk', async () => {
    const chunks: TaskRecord[][] = [];
    const request = { procRoot: root, pids: null, nsfsDev: 4, ownPidNs: 1, fdCandidates: [], threads: 1 };
    for await (const buffer of scanChunks(nativeAddon(), request)) chunks.push(decodeScan(buffer).tasks);
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    const tasks = chunks.flat();
    assert.equal(tasks.length, 600);
    assert.deepEqual(tasks.filter((task) => task.cgroup !== cgroup).map((task) => task.pid), []);
    assert.deepEqual(new Set(tasks.map((task) => task.startTicks)).size, 600);
  });
});

describe('native task scan that gets stuck', () => {
  let root: string;
  before(() => {
    // A cmdline that is a FIFO blocks its reader the way a process in uninterruptible sleep does.
    root = mkdtempSync(join(tmpdir(), 'nsi-proc-stuck-'));
    mkdirSync(join(root, '42', 'ns'), { recursive: true });
    symlinkSync('net:[4026531833]', join(root, '42', 'ns', 'net'));
    writeFileSync(join(root, '42', 'stat'), '42 (stuck) D 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 42 0 0\n');
    execFileSync('mkfifo', [join(root, '42', 'cmdline')]);
  });
  after(() => {
    // Release the blocked scanning thread: a writer that opens and closes the FIFO ends its read.
    execFileSync('sh', ['-c', ': > "$1"', 'sh', join(root, '42', 'cmdline')]);
    rmSync(root, { recursive: true, force: true });
  });

  it('lets the caller give up through an AbortSignal', async () => {
    const controller = new AbortController();
    const request = { procRoot: root, pids: null, nsfsDev: 4, ownPidNs: 1, fdCandidates: [], threads: 1 };
    setTimeout(() => controller.abort(new Error('gave up waiting')), 100);
    const started = Date.now();
    await assert.rejects(async () => {
      for await (const _ of scanChunks(nativeAddon(), request, controller.signal)) void _;
    }, /gave up waiting/);
    assert.ok(Date.now() - started < 5000);
  });
});
