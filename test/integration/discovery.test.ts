import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { discover } from '../../src/core/discovery/discover';
import type { DiscoveryResult } from '../../src/core/model/result';
import type { Namespace } from '../../src/core/model/namespace';
import { NS_TYPES } from '../../src/core/model/nsType';
import type { NsType } from '../../src/core/model/nsType';
import { NamespaceLab, nsInode, deepestDescendant, waitForCommand, waitFor, childPids } from './support/namespaces';

const UNSHARE_FLAG: Record<NsType, string[]> = {
  mnt: ['--mount'],
  pid: ['--pid', '--fork'],
  net: ['--net'],
  ipc: ['--ipc'],
  uts: ['--uts'],
  user: ['--user', '--map-root-user'],
  cgroup: ['--cgroup'],
  time: ['--time'],
};

function find(result: DiscoveryResult, ino: number): Namespace {
  const ns = [...result.namespaces.values()].find((n) => n.id.ino === ino && n.id.dev === result.nsfsDev);
  assert.ok(ns, `namespace ${ino} was not discovered`);
  return ns;
}

describe('discovery of real namespaces', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('finds a new namespace of each of the 8 types with its process', async () => {
    const sleepers = new Map<NsType, number>();
    for (const type of NS_TYPES) {
      const child = lab.start(['unshare', ...UNSHARE_FLAG[type], 'sleep', '600']);
      // With --fork (pid) the sleeper is unshare's child; otherwise unshare execs it.
      const pid = type === 'pid' ? await deepestDescendant(child.pid!, 1) : child.pid!;
      await waitForCommand(pid, 'sleep');
      sleepers.set(type, pid);
    }
    const result = await discover();
    for (const [type, pid] of sleepers) {
      const ino = nsInode(pid, type);
      assert.notEqual(ino, nsInode('self', type), `${type}: the sleeper should be in a new namespace`);
      const ns = find(result, ino);
      assert.equal(ns.type, type);
      assert.ok(ns.pids.includes(pid), `${type} namespace ${ino} should list pid ${pid}`);
      assert.deepEqual(ns.leaders, [pid], `${type}: the sleeper is the one leader`);
      assert.equal(ns.senior, pid);
      assert.equal(result.processes.get(pid)?.namespaces[type], ino);
    }
  });

  it('finds nested user and PID namespaces with their parents and owners', async () => {
    const outer = lab.start([
      'unshare', '--user', '--map-root-user', '--pid', '--fork',
      'unshare', '--user', '--map-root-user', '--pid', '--fork', 'sleep', '600',
    ]);
    // outer unshare (user U1, children in PID P1) -> inner unshare (U2, in P1, children in P2)
    // -> sleep (U2, P2). unshare --user moves the caller itself into the new user namespace.
    const inner = await deepestDescendant(outer.pid!, 1);
    const sleeper = await deepestDescendant(outer.pid!, 2);
    await waitForCommand(sleeper, 'sleep');
    const result = await discover();

    const hostUser = nsInode('self', 'user');
    const middleUser = nsInode(outer.pid!, 'user');
    const innerUser = nsInode(sleeper, 'user');
    const middlePid = nsInode(inner, 'pid');
    const innerPid = nsInode(sleeper, 'pid');
    assert.equal(find(result, innerUser).parent?.ino, middleUser);
    assert.equal(find(result, innerUser).owner?.ino, middleUser);
    assert.equal(find(result, middleUser).parent?.ino, hostUser);
    assert.equal(find(result, hostUser).parent, null);
    assert.equal(find(result, innerPid).parent?.ino, middlePid);
    assert.equal(find(result, middlePid).parent?.ino, nsInode('self', 'pid'));
    assert.equal(find(result, innerPid).owner?.ino, innerUser, 'a PID namespace is owned by the user namespace it was made in');
    assert.equal(find(result, middlePid).owner?.ino, middleUser);
    assert.equal(find(result, innerUser).user?.ownerUid, 0);
    assert.deepEqual(find(result, innerUser).user?.uidMap, [{ inside: 0, outside: 0, count: 1 }]);
    assert.equal(find(result, innerUser).user?.setgroups, 'deny');
    // The sleeper is PID 1 in the innermost namespace, and has a PID in each of the three.
    const nspid = result.processes.get(sleeper)?.nspid;
    assert.equal(nspid?.length, 3);
    assert.equal(nspid?.[0], sleeper);
    assert.equal(nspid?.[2], 1);
  });

  it('finds a network namespace that only an ip netns bind mount keeps alive', async () => {
    const name = lab.addNetns('bound');
    const result = await discover();
    const ns = [...result.namespaces.values()].find((n) => n.bindMounts.some((m) => m.path === `/run/netns/${name}`));
    assert.ok(ns, `the netns ${name} was not found`);
    assert.equal(ns.type, 'net');
    assert.deepEqual(ns.pids, []);
    assert.equal(ns.label, name);
    assert.equal(ns.owner?.ino, nsInode('self', 'user'));
  });

  it('finds a network namespace that only an open fd keeps alive, after its bind mount is gone', async () => {
    const name = lab.netnsName('fd');
    execFileSync('ip', ['netns', 'add', name]);
    // The holder opens the bind-mounted file as fd 3, then the bind mount is removed.
    const holder = lab.start(['sh', '-c', `exec 3</run/netns/${name}; exec sleep 600`]);
    await waitForCommand(holder.pid!, 'sleep');
    const fdIno = Number(execFileSync('stat', ['-L', '-c', '%i', `/proc/${holder.pid}/fd/3`], { encoding: 'utf8' }));
    execFileSync('ip', ['netns', 'del', name]);
    const result = await discover();
    const ns = find(result, fdIno);
    assert.equal(ns.type, 'net');
    assert.deepEqual(ns.pids, []);
    assert.deepEqual(ns.bindMounts, []);
    assert.deepEqual(ns.fdRefs, [{ pid: holder.pid!, fd: 3 }]);
    assert.equal(ns.owner?.ino, nsInode('self', 'user'));
  });

  it('finds a namespace held through an fd opened on /proc/PID/ns', async () => {
    const target = lab.start(['unshare', '--ipc', 'sleep', '600']);
    await waitForCommand(target.pid!, 'sleep');
    const ipc = nsInode(target.pid!, 'ipc');
    const fd = openSync(`/proc/${target.pid}/ns/ipc`, 'r');
    try {
      const result = await discover();
      assert.ok(find(result, ipc).fdRefs.some((ref) => ref.pid === process.pid && ref.fd === fd));
    } finally {
      closeSync(fd);
    }
  });

  it('finds a UTS namespace that one thread unshared while its process did not', async () => {
    const script = [
      'import ctypes, threading, time, sys',
      'libc = ctypes.CDLL(None, use_errno=True)',
      'def worker():',
      '    if libc.unshare(0x04000000) != 0: sys.exit("unshare failed")',
      '    print(threading.get_native_id(), flush=True)',
      '    time.sleep(600)',
      'threading.Thread(target=worker, daemon=True).start()',
      'time.sleep(600)',
    ].join('\n');
    const child = lab.start(['python3', '-c', script], { stdio: 'pipe' });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    const tid = await waitFor('the thread to unshare', () => (output.includes('\n') ? Number(output.trim()) : undefined));
    const processUts = nsInode(child.pid!, 'uts');
    const result = await discover();
    const tidUts = Number(/\[(\d+)\]/.exec(execFileSync('readlink', [`/proc/${child.pid}/task/${tid}/ns/uts`], { encoding: 'utf8' }))![1]);
    assert.notEqual(tidUts, processUts, 'the thread should be in its own UTS namespace');
    const ns = find(result, tidUts);
    assert.deepEqual(ns.tids, [tid]);
    assert.deepEqual(ns.pids, []);
    assert.ok(find(result, processUts).pids.includes(child.pid!));
  });

  it('finds a PID namespace that only a process\' pid_for_children points at', async () => {
    // The link is unreadable until a first child exists, so the shell starts one (PID 1 there)
    // and then stays itself, in the host's PID namespace, as sleep.
    const child = lab.start(['unshare', '--pid', 'sh', '-c', 'sleep 600 & exec sleep 601']);
    await waitForCommand(child.pid!, 'sleep');
    const firstChild = await deepestDescendant(child.pid!, 1);
    const forChildren = nsInode(child.pid!, 'pid_for_children');
    assert.notEqual(forChildren, nsInode(child.pid!, 'pid'));
    const result = await discover();
    const ns = find(result, forChildren);
    assert.equal(ns.type, 'pid');
    assert.deepEqual(ns.forChildrenPids, [child.pid]);
    assert.deepEqual(ns.pids, [firstChild]);
    assert.equal(ns.parent?.ino, nsInode('self', 'pid'));
  });
});

describe('discovery of bind mounts in a long mountinfo', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('finds a namespace bind-mounted after the first page of a mount namespace\'s mountinfo', async () => {
    // A mount namespace with 150 tmpfs mounts (mountinfo far beyond one 4 KiB read), then a new
    // UTS namespace kept only by a bind mount (unshare --uts=FILE), the last line of mountinfo.
    const base = execFileSync('mktemp', ['-d', '/tmp/nsi-mounts-XXXXXX'], { encoding: 'utf8' }).trim();
    const script = [
      'set -e',
      'mount -t tmpfs nsi-base "$1"',
      'i=0; while [ $i -lt 150 ]; do mkdir "$1/m$i"; mount -t tmpfs "nsi-m$i" "$1/m$i"; i=$((i+1)); done',
      'touch "$1/uts"; unshare --uts="$1/uts" true',
      'exec sleep 600',
    ].join('\n');
    const holder = lab.start(['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', base]);
    await waitForCommand(holder.pid!, 'sleep');
    const mountinfo = execFileSync('cat', [`/proc/${holder.pid}/mountinfo`], { encoding: 'utf8' });
    assert.ok(mountinfo.length > 8192, `mountinfo is only ${mountinfo.length} bytes`);
    const utsIno = Number(execFileSync('stat', ['-c', '%i', `/proc/${holder.pid}/root${base}/uts`], { encoding: 'utf8' }));
    const result = await discover();
    const ns = find(result, utsIno);
    assert.equal(ns.type, 'uts');
    assert.deepEqual(ns.pids, []);
    assert.deepEqual(ns.bindMounts, [{ path: `${base}/uts`, mntns: nsInode(holder.pid!, 'mnt') }]);
  });
});

describe('discovery and exited processes', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('does not count a zombie as a member of any namespace', async () => {
    // The shell starts a short-lived child in a new PID namespace, then becomes a sleep that never
    // reaps it: the child stays a zombie, whose PID namespace link alone still reads.
    const parent = lab.start(['sh', '-c', 'unshare --pid --fork true & exec sleep 600']);
    await waitForCommand(parent.pid!, 'sleep');
    const zombie = await waitFor('a zombie child', () =>
      childPids(parent.pid!).find((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
        } catch {
          return false;
        }
      }),
    );
    const result = await discover();
    assert.equal(result.processes.has(zombie), false);
    assert.deepEqual([...result.namespaces.values()].filter((ns) => ns.pids.includes(zombie)), []);
  });
});
