import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHelperSnapshot, snapshotProbe } from '../../src/core/discovery/helperSnapshot';
import { discover } from '../../src/core/discovery/discover';

/** A snapshot as the helper writes it: NUL, @@section, NUL, then the section's records. */
function snapshot(sections: Record<string, string[] | string>): string {
  return Object.entries(sections)
    .map(([name, records]) => `\0@@${name}\0${Array.isArray(records) ? records.map((r) => `${r}\0`).join('') : records}`)
    .join('');
}

const links = (pid: number, tid: number, inos: Record<string, number>) => Object.entries(inos).map(([link, ino]) => `/proc/${pid}/task/${tid}/ns/${link} ${link.replace('_for_children', '')}:[${ino}]`);
const HOST = { mnt: 10, pid: 11, net: 12, ipc: 13, uts: 14, user: 15, cgroup: 16, time: 17, pid_for_children: 11, time_for_children: 17 };
const stat = (pid: number, comm: string, ppid: number, state = 'S') => `/proc/${pid}/stat:${pid} (${comm}) ${state} ${ppid} ${Array(15).fill(0).join(' ')} 1 0 ${1000 + pid} 0\n`;

const text = snapshot({
  self: '900',
  nsfsdev: '4\n',
  procs: ['1 0', '50 1000', '900 0', '901 0', '60 0'],
  links: [
    ...links(1, 1, HOST),
    ...links(50, 50, { ...HOST, net: 99 }),
    ...links(50, 51, { ...HOST, net: 99, uts: 98 }),
    ...links(900, 900, HOST),
    ...links(901, 901, HOST),
    ...links(60, 60, HOST),
  ],
  fds: ['/proc/1/fd/7 4 97 net:[97]', '/proc/1/fd/8 4 96 /run/netns/with space'],
  stat: [stat(1, 'init', 0), stat(50, 'we)ird\ncomm', 1), stat(900, 'sh', 1), stat(901, 'find', 900), stat(60, 'gone', 1, 'Z')],
  status: ['/proc/50/status:Name:\twe)ird\\ncomm\nNSpid:\t50\n'],
  cmdline: ['/proc/1/cmdline:/sbin/init', '/proc/50/cmdline:a b', '/proc/50/cmdline:', '/proc/50/cmdline:c'],
  cgroup: ['/proc/50/cgroup:0::/system.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope\n'],
  uid_map: ['/proc/1/uid_map:         0          0 4294967295\n'],
  gid_map: [],
  setgroups: ['/proc/1/setgroups:allow\n'],
  mountinfo: '/proc/1/mountinfo:500 30 0:4 net:[96] /run/netns/with\\040space rw shared:1 - nsfs nsfs rw\n',
  ioctl: ['4 15 268435456 -1 -1 -1 -1 0', '4 12 1073741824 4 15 -1 -1 -1', '4 99 1073741824 4 15 -1 -1 -1', '4 96 1073741824 4 15 -1 -1 -1', '4 97 1073741824 4 15 -1 -1 -1', '4 98 67108864 4 15 -1 -1 -1'].join('\n') + '\n',
  end: '',
});

describe('the helper snapshot as discovery records', () => {
  it('parses processes (odd comm, empty arguments, container), threads, fds and mounts, and leaves out the helper and zombies', () => {
    const parsed = parseHelperSnapshot(text);
    assert.equal(parsed.selfPid, 900);
    assert.deepEqual(parsed.chunk.tasks.map((t) => [t.pid, t.state]), [[1, 'read'], [50, 'read'], [60, 'gone']]);
    const odd = parsed.chunk.tasks[1];
    assert.equal(odd.comm, 'we)ird\ncomm');
    assert.equal(odd.ppid, 1);
    assert.equal(odd.uid, 1000);
    assert.equal(odd.cmdline, 'a b\0\0c\0');
    assert.deepEqual(odd.threadRefs, [{ tid: 51, type: 'uts', ino: 98 }]);
    assert.deepEqual(parsed.chunk.tasks[0].fds, [{ fd: 7, ino: 97, dev: 4, type: 'net' }, { fd: 8, ino: 96, dev: 4, type: null }]);
    assert.deepEqual(parsed.chunk.mounts.map((m) => [m.mntns, m.pid]), [[10, 1]]);
    assert.equal(snapshotProbe(parsed, '/proc/1/root/run/netns/with space', false)?.[1], 96, 'a bind mount path leads to its namespace');
    assert.deepEqual(snapshotProbe(parsed, '/proc/50/ns/net', true)?.filter((_, i) => i % 8 === 1), [99, 15], 'with ancestors: the owner');
    assert.equal(snapshotProbe(parsed, '/proc/1/fd/99', false), null);
  });

  it('runs through the discovery pipeline: labels, owners, references, containers', async () => {
    const result = await discover({ snapshot: parseHelperSnapshot(text) });
    assert.equal(result.privileged, true);
    assert.deepEqual([...result.processes.keys()].sort((a, b) => a - b), [1, 50]);
    assert.equal(result.skipped.processes, 1, 'the zombie');
    const bound = result.namespaces.get('4:96')!;
    assert.equal(bound.label, 'with space');
    assert.deepEqual(bound.fdRefs, [{ pid: 1, fd: 8 }]);
    assert.equal(bound.owner?.ino, 15);
    assert.deepEqual(result.namespaces.get('4:98')!.tids, [51]);
    assert.equal(result.processes.get(50)!.container?.engine, 'docker');
    assert.deepEqual(result.processes.get(50)!.cmdline, ['a b', '', 'c']);
    assert.deepEqual(result.namespaces.get('4:15')!.user?.uidMap, [{ inside: 0, outside: 0, count: 4294967295 }]);
  });

  it('marks the command lines the helper cut, and cuts those an older helper sent whole', async () => {
    const cut = text.replace('\0@@mountinfo\0', '\0@@cmdlinecut\x001\0\0@@mountinfo\0');
    const parsed = parseHelperSnapshot(cut);
    assert.deepEqual(parsed.chunk.tasks.map((t) => [t.pid, t.cmdlineCut]), [[1, true], [50, false], [60, false]]);
    const result = await discover({ snapshot: parsed });
    assert.deepEqual([result.processes.get(1)!.cmdline, result.processes.get(1)!.cmdlineTruncated], [['/sbin/init'], true]);
    assert.equal(result.processes.get(50)!.cmdlineTruncated, false);
    // No cmdlinecut section (an older helper): a command line of 10 000 bytes is cut here.
    const whole = text.replace('/proc/1/cmdline:/sbin/init\0', `/proc/1/cmdline:/sbin/init\0/proc/1/cmdline:${'x'.repeat(10_000)}\0`);
    const old = (await discover({ snapshot: parseHelperSnapshot(whole) })).processes.get(1)!;
    assert.equal(old.cmdlineTruncated, true);
    assert.deepEqual(old.cmdline, ['/sbin/init', 'x'.repeat(4096 - '/sbin/init'.length - 1)]);
  });

  it('takes the maps read once per user namespace and the mounts read once per mount namespace for every process in them', () => {
    // The helper reads uid_map, gid_map and setgroups from one process of each user namespace and
    // mountinfo from one of each mount namespace, each worker from the first it meets: here 70's
    // maps stand for 80 too, and 80's mounts (another worker's first) for 70.
    const shared = { ...HOST, user: 40, mnt: 41 };
    const once = snapshot({
      self: '900',
      nsfsdev: '4\n',
      procs: ['70 0', '80 0', '60 0'],
      links: [...links(60, 60, { pid: 11 }), ...links(70, 70, shared), ...links(80, 80, shared)],
      fds: [],
      stat: [stat(60, 'gone', 1, 'Z'), stat(70, 'a', 1), stat(80, 'b', 1)],
      uid_map: ['/proc/70/uid_map:         0       1000          1\n'],
      gid_map: [],
      setgroups: ['/proc/70/setgroups:deny\n'],
      mountinfo: '/proc/80/mountinfo:501 30 0:4 net:[95] /run/netns/x rw - nsfs nsfs rw\n',
      ioctl: '4 95 1073741824 4 40 -1 -1 -1\n',
      end: '',
    });
    const parsed = parseHelperSnapshot(once);
    for (const pid of [70, 80]) {
      assert.equal(parsed.files.get(`/proc/${pid}/uid_map`), '         0       1000          1\n', `the user namespace's map for ${pid}`);
      assert.equal(parsed.files.get(`/proc/${pid}/gid_map`), '', `an empty gid_map for ${pid}: none was printed`);
      assert.equal(parsed.files.get(`/proc/${pid}/setgroups`), 'deny\n');
    }
    assert.deepEqual(parsed.chunk.mounts.map((m) => [m.mntns, m.pid]), [[41, 80]]);
    assert.equal(snapshotProbe(parsed, '/proc/80/root/run/netns/x', false)?.[1], 95);
  });

  it('refuses a truncated snapshot', () => {
    assert.throws(() => parseHelperSnapshot(text.slice(0, text.indexOf('\0@@end'))), /incomplete/);
  });
});
