import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { discover } from '../../src/core/discovery/discover';
import { parseHelperSnapshot } from '../../src/core/discovery/helperSnapshot';
import type { DiscoveryResult } from '../../src/core/model/result';
import type { Namespace } from '../../src/core/model/namespace';
import { idKey } from '../../src/core/model/namespaceId';
import { NamespaceLab, deepestDescendant, nsInode, waitFor, waitForCommand } from './support/namespaces';
import { runHelper } from './support/helperRun';

/** What must be equal: the namespace, its hierarchy and ownership, and what references it. */
function facts(ns: Namespace) {
  return {
    type: ns.type,
    parent: ns.parent && idKey(ns.parent),
    owner: ns.owner && idKey(ns.owner),
    ownerUid: ns.user?.ownerUid ?? null,
    uidMap: ns.user?.uidMap ?? null,
    pids: ns.pids,
    tids: ns.tids,
    forChildrenPids: ns.forChildrenPids,
    bindMounts: ns.bindMounts.map((mount) => mount.path).sort(),
    fdRefs: ns.fdRefs.map((ref) => `${ref.pid}:${ref.fd}`).sort(),
    label: ns.label,
  };
}

/** Only what does not change as processes come and go. */
function structure(ns: Namespace) {
  const { type, parent, owner, ownerUid, uidMap, bindMounts } = facts(ns);
  return { type, parent, owner, ownerUid, uidMap, bindMounts };
}

async function elevatedDiscover(): Promise<DiscoveryResult> {
  const run = runHelper(['snapshot']);
  assert.equal(run.status, 0, run.stderr);
  return discover({ snapshot: parseHelperSnapshot(run.stdout) });
}

describe('elevated discovery (helper snapshot) equals discovery as root', () => {
  const lab = new NamespaceLab();
  const made: { what: string; ino: number }[] = [];
  after(() => lab.cleanup());

  before(async () => {
    // Nested user and PID namespaces: the middle ones have no process of their own.
    const nested = lab.start(['unshare', '--user', '--map-root-user', '--pid', '--fork', 'unshare', '--user', '--map-root-user', '--pid', '--fork', 'sleep', '600']);
    const sleeper = await deepestDescendant(nested.pid!, 2);
    await waitForCommand(sleeper, 'sleep');
    made.push({ what: 'inner user', ino: nsInode(sleeper, 'user') }, { what: 'inner pid', ino: nsInode(sleeper, 'pid') });
    // A user namespace with no mapping yet (its uid_map is empty, not unreadable).
    const unmapped = lab.start(['unshare', '--user', 'sleep', '600']);
    await waitForCommand(unmapped.pid!, 'sleep');
    made.push({ what: 'unmapped user', ino: nsInode(unmapped.pid!, 'user') });
    // A UTS+IPC+mount namespace with a process.
    const plain = lab.start(['unshare', '--uts', '--ipc', '--mount', 'sleep', '600']);
    await waitForCommand(plain.pid!, 'sleep');
    made.push({ what: 'uts', ino: nsInode(plain.pid!, 'uts') }, { what: 'mnt', ino: nsInode(plain.pid!, 'mnt') });
    // A network namespace held by a bind mount only, and one held by an open fd only.
    const bound = lab.addNetns('elev-bound');
    made.push({ what: 'bind-mounted netns', ino: Number(execFileSync('stat', ['-L', '-c', '%i', `/run/netns/${bound}`], { encoding: 'utf8' })) });
    const fdName = lab.netnsName('elev-fd');
    execFileSync('ip', ['netns', 'add', fdName]);
    const holder = lab.start(['sh', '-c', `exec 3</run/netns/${fdName}; exec sleep 600`]);
    await waitForCommand(holder.pid!, 'sleep');
    made.push({ what: 'fd-held netns', ino: Number(execFileSync('stat', ['-L', '-c', '%i', `/proc/${holder.pid}/fd/3`], { encoding: 'utf8' })) });
    execFileSync('ip', ['netns', 'del', fdName]);
    // A process whose pid_for_children differs from its own PID namespace.
    const forChildren = lab.start(['unshare', '--pid', 'sh', '-c', 'sleep 600 & exec sleep 601']);
    await waitFor('the pid_for_children sleeper', () => (execFileSync('ps', ['-o', 'comm=', '-p', String(forChildren.pid)], { encoding: 'utf8' }).trim() === 'sleep' ? true : undefined));
    made.push({ what: 'pid for children', ino: nsInode(forChildren.pid!, 'pid_for_children') });
  });

  it('finds the namespaces the test made with the same parents, owners and references', async () => {
    const root = await discover();
    const elevated = await elevatedDiscover();
    assert.equal(elevated.privileged, true);
    for (const { what, ino } of made) {
      const key = idKey({ dev: root.nsfsDev, ino });
      const expected = root.namespaces.get(key);
      const got = elevated.namespaces.get(key);
      assert.ok(expected, `${what}: root discovery did not find ${ino}`);
      assert.ok(got, `${what}: elevated discovery did not find ${ino}`);
      assert.deepEqual(facts(got), facts(expected), what);
      // The ancestors too: the walk up must meet the same namespaces (their processes, often the
      // host's, come and go between the two runs).
      for (const link of [expected.parent, expected.owner]) {
        if (!link) continue;
        assert.deepEqual(structure(elevated.namespaces.get(idKey(link))!), structure(root.namespaces.get(idKey(link))!), `${what}: ancestor ${link.ino}`);
      }
    }
  });

  it('finds every namespace of the host that root discovery finds before and after it, with equal facts', async () => {
    const before = await discover();
    const elevated = await elevatedDiscover();
    const afterwards = await discover();
    // Other work on this machine starts and ends processes meanwhile: only what is the same in
    // both root runs is compared, and the helper's own processes are not in the elevated one.
    let compared = 0;
    for (const [key, ns] of before.namespaces) {
      const later = afterwards.namespaces.get(key);
      if (!later || JSON.stringify(facts(later)) !== JSON.stringify(facts(ns))) continue;
      const got = elevated.namespaces.get(key);
      assert.ok(got, `namespace ${key} (${ns.type}, ${ns.label}) is missing from elevated discovery`);
      const { pids, ...rest } = facts(ns);
      const { pids: elevatedPids, ...elevatedRest } = facts(got);
      // An ancestor root discovery could only name (its walk up failed: no process left to open
      // it through) may be known fully to the helper's probe, which opens it through a reference.
      if (ns.label === 'no process' && ns.owner === null && ns.parent === null && rest.ownerUid === null) {
        Object.assign(rest, { owner: elevatedRest.owner, parent: elevatedRest.parent, ownerUid: elevatedRest.ownerUid });
      }
      assert.deepEqual(elevatedRest, rest, `namespace ${key}`);
      // Its stable processes are there (the root runs' own node process is not the helper's).
      const stablePids = pids.filter((pid) => pid !== process.pid);
      assert.deepEqual(elevatedPids.filter((pid) => stablePids.includes(pid)), stablePids, `namespace ${key}: processes`);
      compared++;
    }
    assert.ok(compared > 10, `only ${compared} namespaces were stable enough to compare`);
    for (const [pid, info] of before.processes) {
      const later = afterwards.processes.get(pid);
      const got = elevated.processes.get(pid);
      if (pid === process.pid || JSON.stringify(later) !== JSON.stringify(info)) continue;
      assert.ok(got, `process ${pid} (${info.command}) is missing from elevated discovery`);
      // A kernel worker renames itself as it takes work: its name may differ in between.
      const kernelThread = info.ppid === 2;
      assert.deepEqual({ ...got, threads: 0, command: kernelThread ? '' : got.command }, { ...info, threads: 0, command: kernelThread ? '' : info.command }, `process ${pid}`);
    }
  });

  it('leaves out the helper\'s own processes', async () => {
    const elevated = await elevatedDiscover();
    const commands = [...elevated.processes.values()].filter((p) => p.cmdline.some((arg) => arg.endsWith('nsinspect-helper')));
    assert.deepEqual(commands, []);
  });
});
