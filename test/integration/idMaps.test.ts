// The ID-maps model on real user namespaces: a three-level nest with multi-range maps written
// into /proc/PID/uid_map, `unshare --map-root-user`, `unshare --map-users/--map-groups` (through
// newuidmap and /etc/subuid), and a namespace whose maps nobody wrote yet. The model must say
// what /proc/PID/uid_map says when read from each level's parent, and Translate what the kernel
// says when it shows a process' UID to a reader in each namespace.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { discover } from '../../src/core/discovery/discover';
import { buildIdMapsModel } from '../../src/core/idmaps/idMapsModel';
import { readHostIdFacts } from '../../src/core/idmaps/hostIdFacts';
import { translateId } from '../../src/core/idmaps/translateId';
import { composeChain } from '../../src/core/idmaps/idMapMath';
import type { IdMapsModel } from '../../src/core/idmaps/idMapsTypes';
import { parseIdMap } from '../../src/core/parsers/idMap';
import { NamespaceLab, nsInode, waitForCommand } from './support/namespaces';
import { makeUserNest, readAs, writeMap, type UserNest } from './support/userNest';

async function modelFor(ino: number): Promise<IdMapsModel> {
  const result = await discover();
  const model = buildIdMapsModel(result, { dev: result.nsfsDev, ino }, readHostIdFacts());
  assert.ok(model, `user namespace ${ino} was not discovered`);
  return model;
}

/** "Uid:" of /proc/PID/status (real UID) as a reader in the user namespace of `fromPid` sees it. */
function uidSeenFrom(pid: number, fromPid?: number): number {
  const status = readAs(pid, 'status', fromPid);
  return Number(/^Uid:\s+(\d+)/m.exec(status)![1]);
}

describe('ID maps of real user namespaces', () => {
  const lab = new NamespaceLab();
  let nest: UserNest;
  let model: IdMapsModel;
  after(() => lab.stop());

  before(async () => {
    nest = await makeUserNest(lab);
    model = await modelFor(nest.inodes[2]);
  });

  it('holds the three levels of the nest and the host, deepest first', () => {
    assert.deepEqual(model.levels.map((l) => l.inode), [...[...nest.inodes].reverse(), nsInode('self', 'user')]);
    assert.equal(model.levels[3].top, true);
    assert.deepEqual(model.levels.map((l) => l.ownerUid), [100000, 100000, 100000, 0]);
  });

  it('matches /proc/PID/uid_map and gid_map of each level as read from its parent and from the host', () => {
    for (let level = 0; level < 3; level++) {
      const pid = nest.pids[level];
      const parentPid = level === 0 ? undefined : nest.pids[level - 1];
      const lines = model.levels[2 - level].maps;
      for (const kind of ['uid', 'gid'] as const) {
        const fromParent = parseIdMap(readAs(pid, `${kind}_map`, parentPid));
        const fromHost = parseIdMap(readAs(pid, `${kind}_map`));
        assert.equal(lines[kind].state, 'written');
        assert.deepEqual(lines[kind].lines.map((l) => ({ inside: l.inside, outside: l.outside, count: l.count })), fromParent, `level ${level + 1} ${kind}_map relative to the parent`);
        assert.deepEqual(lines[kind].lines.map((l) => ({ inside: l.inside, outside: l.host, count: l.count })), fromHost, `level ${level + 1} ${kind}_map on the host`);
      }
    }
    assert.ok(model.levels[0].maps.uid.lines.length === 3 && model.levels[0].maps.uid.lines.some((l) => l.count === 1), 'a multi-range map with a single-ID line');
  });

  it('composes the maps each parent sees into the host IDs the kernel shows the host', () => {
    for (const kind of ['uid', 'gid'] as const) {
      // Deepest first, each as read from inside its parent; level 1's parent is the host.
      const relative = [2, 1, 0].map((level) => parseIdMap(readAs(nest.pids[level], `${kind}_map`, level === 0 ? undefined : nest.pids[level - 1])));
      assert.deepEqual(composeChain(relative), parseIdMap(readAs(nest.pids[2], `${kind}_map`)), `${kind}: the composite of three maps`);
      assert.deepEqual(composeChain(relative).map((r) => r.outside), model.levels[0].maps[kind].lines.map((l) => l.host));
    }
  });

  it('translates a UID like the kernel shows it in every namespace of the chain', async () => {
    // A process that runs as UID 100 of the deepest level; each reader sees its UID in its own terms.
    const probe = lab.start(['nsenter', '--target', String(nest.pids[2]), '--user', '--setuid', '100', '--setgid', '0', '--', 'sleep', '600']).pid!;
    await waitForCommand(probe, 'sleep');
    const readers = [nest.pids[2], nest.pids[1], nest.pids[0], undefined];
    const kernel = readers.map((reader) => uidSeenFrom(probe, reader));
    assert.deepEqual(kernel, [100, 20, 5000, 300000], 'what the kernel shows (a sanity check of the nest)');
    const translation = translateId(model, 'uid', nest.inodes[2], 100)!;
    assert.deepEqual(translation.levels.map((l) => l.id), kernel);
    assert.equal(translation.host, 300000);
    // From the host side: host UID 2000 is 1000 in level 1, 10 in level 2, 1 in level 3.
    const up = translateId(model, 'uid', model.levels[3].inode, 2000)!;
    assert.deepEqual(up.levels.map((l) => l.id), [1, 10, 1000, 2000]);
    // Unmapped: level-1 UID 999 is not in level 2's map, so level 2 and 3 show the overflow UID, as the kernel does.
    const probe2 = lab.start(['nsenter', '--target', String(nest.pids[0]), '--user', '--setuid', '999', '--setgid', '0', '--', 'sleep', '600']).pid!;
    await waitForCommand(probe2, 'sleep');
    const overflow = Number(readFileSync('/proc/sys/kernel/overflowuid', 'utf8'));
    const unmapped = translateId(model, 'uid', nest.inodes[0], 999)!;
    assert.deepEqual(unmapped.levels.map((l) => [l.state, l.id]), [['unmapped', overflow], ['unmapped', overflow], ['mapped', 999], ['mapped', 100999]]);
    assert.deepEqual(readers.map((reader) => uidSeenFrom(probe2, reader)), unmapped.levels.map((l) => l.id));
  });

  it('lists each level\'s processes with their UID inside and on the host', () => {
    const deepest = model.levels[0];
    assert.ok(deepest.processes.length >= 1);
    for (const p of deepest.processes) assert.deepEqual([p.uidHost, p.uidInside], [100000, 0], `pid ${p.pid}`);
  });

  it('warns that level 1 maps more than its owner\'s subordinate IDs', () => {
    const warning = model.levels[2].warnings.find((w) => w.kind === 'beyondSubordinate' && w.idKind === 'uid');
    assert.ok(warning, JSON.stringify(model.levels[2].warnings));
    assert.match(warning.text, /host UIDs 100001–100999, 2000, 300000–300099/);
  });

  it('shows `unshare --map-root-user`: root to the caller, setgroups deny, host root mapped inside', async () => {
    const pid = lab.start(['unshare', '--user', '--map-root-user', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    const level = (await modelFor(nsInode(pid, 'user'))).levels[0];
    assert.deepEqual(level.maps.uid.lines, [{ inside: 0, count: 1, outside: 0, host: 0 }]);
    assert.equal(level.setgroups, 'deny');
    assert.deepEqual(parseIdMap(readFileSync(`/proc/${pid}/uid_map`, 'utf8')), [{ inside: 0, outside: 0, count: 1 }]);
    assert.ok(level.warnings.some((w) => w.kind === 'hostRoot' && w.idKind === 'uid'), JSON.stringify(level.warnings));
  });

  it('shows maps written by newuidmap/newgidmap (`unshare --map-users/--map-groups`) within root\'s subordinate IDs', async () => {
    const subuid = readFileSync('/etc/subuid', 'utf8');
    assert.match(subuid, /^root:1000000:65536$/m, 'root needs its /etc/subuid range: run `bash scripts/setup.sh`');
    // util-linux 2.38 takes outer,inner,count (2.39 changed it to inner:outer:count).
    const pid = lab.start(['unshare', '--map-users=1000000,0,65536', '--map-groups=1000000,0,65536', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    const level = (await modelFor(nsInode(pid, 'user'))).levels[0];
    assert.deepEqual(level.maps.uid.lines, [{ inside: 0, count: 65536, outside: 1000000, host: 1000000 }]);
    assert.deepEqual(level.maps.gid.lines, [{ inside: 0, count: 65536, outside: 1000000, host: 1000000 }]);
    assert.deepEqual(level.subordinate.uid, [{ start: 1000000, count: 65536 }]);
    assert.deepEqual(level.warnings, [], 'within the owner\'s subordinate IDs, no root: nothing to warn about');
    assert.deepEqual(level.processes.map((p) => p.uidInside), [null], 'the caller (host root) is not mapped inside');
  });

  it('warns when a sibling namespace maps the same host IDs', async () => {
    const first = lab.start(['unshare', '--map-users=1000000,0,65536', '--map-groups=1000000,0,65536', 'sleep', '600']).pid!;
    const second = lab.start(['unshare', '--map-users=1000000,0,1000', '--map-groups=1000000,0,1000', 'sleep', '600']).pid!;
    await waitForCommand(first, 'sleep');
    await waitForCommand(second, 'sleep');
    const level = (await modelFor(nsInode(first, 'user'))).levels[0];
    const shared = level.warnings.filter((w) => w.kind === 'sharedHostIds');
    assert.deepEqual(shared.map((w) => w.idKind), ['uid', 'gid'], JSON.stringify(level.warnings));
    assert.match(shared[0].text, new RegExp(`mapped in .*user ${nsInode(second, 'user')} \\(sleep\\).* too \\(e\\.g\\. host UIDs 1000000–`));
  });

  it('says a map is unwritten until something writes it, then shows it', async () => {
    const pid = lab.start(['unshare', '--user', 'sleep', '600']).pid!;
    await waitForCommand(pid, 'sleep');
    const ino = nsInode(pid, 'user');
    const before = (await modelFor(ino)).levels[0];
    assert.equal(before.maps.uid.state, 'unwritten');
    assert.equal(before.maps.gid.state, 'unwritten');
    writeMap(pid, 'uid_map', '0 400000 10\n');
    const level = (await modelFor(ino)).levels[0];
    assert.deepEqual(level.maps.uid, { state: 'written', lines: [{ inside: 0, count: 10, outside: 400000, host: 400000 }] });
    assert.equal(level.maps.gid.state, 'unwritten');
  });
});
