// Three kernel questions are answered in three places (ARCHITECTURE.md says why): the native
// addon (C, in the extension and the command line), the privileged helper (Perl inside the
// script, as root) and TypeScript (the walk over the helper's facts, and /proc/PID/net for an
// unprivileged caller). Asked on the same real namespaces, every copy must give the same answer:
// - the namespace ioctl walk (NS_GET_NSTYPE, NS_GET_USERNS, NS_GET_PARENT, NS_GET_OWNER_UID,
//   following owners and parents): addon probe() against the helper's snapshot walked by snapshotProbe();
// - the nsid one network namespace gives another (RTM_GETNSID): addon netnsIds() against net-read's nsids;
// - the listening sockets of a network namespace: addon netnsListening() (sock_diag from inside),
//   net-read's /proc/thread-self/net lines, and /proc/PID/net read by TypeScript.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nativeAddon } from '../../src/core/discovery/nativeAddon';
import { parseHelperSnapshot, snapshotProbe, type HelperSnapshot } from '../../src/core/discovery/helperSnapshot';
import { ioctlRecordAt, NS_FIELDS } from '../../src/core/discovery/nsIoctl';
import { helperArgv } from '../../src/core/helper/helperArgv';
import type { NetTarget } from '../../src/core/helper/netTarget';
import { netTargetPath } from '../../src/core/helper/netTarget';
import { parseHelperNetRead, type HelperNetRead } from '../../src/core/net/parseHelperNetRead';
import { listeningSocketsOf, parseProcNetFiles, parseProcNetListing } from '../../src/core/net/procNetSockets';
import type { NetSocket } from '../../src/core/net/topology';
import { NamespaceLab, nsInode } from './support/namespaces';
import { buildTestTopology, type TestTopology } from './support/topologyLab';
import { makeUserNest, type UserNest } from './support/userNest';
import { runHelper } from './support/helperRun';

/** A probe's flat records as sorted "dev:ino type owner parent uid" lines (the walk's order is not the answer). */
function records(flat: number[] | null): string[] {
  assert.ok(flat, 'the path opened');
  const out: string[] = [];
  for (let at = 0; at + NS_FIELDS <= flat.length; at += NS_FIELDS) {
    const r = ioctlRecordAt(flat, at);
    out.push(`${r.id.dev}:${r.id.ino} ${r.cloneFlag} ${r.owner ? `${r.owner.dev}:${r.owner.ino}` : '-'} ${r.parent ? `${r.parent.dev}:${r.parent.ino}` : '-'} ${r.ownerUid}`);
  }
  return out.sort();
}

function socketKeys(sockets: NetSocket[]): string[] {
  return sockets.map((s) => `${s.protocol} ${s.family} ${s.address} ${s.port} ${s.inode}`).sort();
}

describe('one kernel question, three copies (C addon, Perl helper, TypeScript): the same answers on real namespaces', () => {
  const lab = new NamespaceLab();
  const addon = nativeAddon();
  let t: TestTopology;
  let nest: UserNest;
  let snapshot: HelperSnapshot;
  let targets: NetTarget[];
  let read: HelperNetRead;

  before(async () => {
    t = await buildTestTopology(lab);
    nest = await makeUserNest(lab);
    const snap = runHelper(['snapshot']);
    assert.equal(snap.status, 0, snap.stderr);
    snapshot = parseHelperSnapshot(snap.stdout);
    targets = [{ kind: 'netns', name: t.a }, { kind: 'netns', name: t.b }, { kind: 'netns', name: t.c }, { kind: 'pid', pid: t.holderPid }];
    const run = runHelper(helperArgv({ verb: 'net-read', targets }));
    assert.equal(run.status, 0, run.stderr);
    read = parseHelperNetRead(run.stdout, targets.length);
    for (const [i, target] of read.targets.entries()) assert.equal(target.error, undefined, `target ${i}: ${target.error}`);
  });
  after(() => lab.cleanup());

  it('the namespace ioctl walk: the addon\'s probe equals the helper\'s facts walked in TypeScript', () => {
    const deepest = nest.pids[2];
    const paths = [`/proc/${deepest}/ns/user`, `/proc/${deepest}/ns/net`, `/proc/${t.holderPid}/ns/net`, `/proc/${t.listenerPid}/ns/pid`];
    for (const path of paths) {
      assert.deepEqual(records(snapshotProbe(snapshot, path, true)), records(addon.probe(path, true)), `${path} with its ancestors`);
      assert.deepEqual(records(snapshotProbe(snapshot, path, false)), records(addon.probe(path, false)), path);
    }
    // Not a trivial answer: the deepest level's walk holds the whole user namespace chain, with owners.
    const walked = records(addon.probe(`/proc/${deepest}/ns/user`, true)).join('\n');
    for (const inode of [...nest.inodes, nsInode('self', 'user')]) assert.match(walked, new RegExp(`^\\d+:${inode} `, 'm'), `user namespace ${inode} in the walk`);
  });

  it('the nsid lookup: the addon\'s netnsIds equals net-read\'s nsids, for every nsid a namespace\'s links name', () => {
    const paths = targets.map((target) => netTargetPath(target));
    let compared = 0;
    for (const [i, target] of read.targets.entries()) {
      const ids = addon.netnsIds(paths[i], paths);
      assert.ok(ids, `${paths[i]} opened`);
      for (const [nsid, j] of target.nsids) {
        assert.equal(ids[j], nsid, `the nsid ${paths[i]} gives ${paths[j]}`);
        compared++;
      }
    }
    // a's bridge has veth ports to b, c and the process-held namespace: three nsids there, one back from each.
    assert.deepEqual([...read.targets[0].nsids.values()].sort(), [1, 2, 3]);
    assert.equal(compared, 6);
  });

  it('the listening sockets: the addon (sock_diag inside), net-read (/proc/thread-self/net inside) and /proc/PID/net agree', () => {
    const inB = socketKeys(parseProcNetListing(read.targets[1].sockets ?? ''));
    assert.ok(inB.some((key) => key.startsWith(`tcp inet 0.0.0.0 ${t.port} `)), `the listener on ${t.port} is in b: ${inB.join('; ')}`);
    assert.deepEqual(socketKeys(parseProcNetFiles(addon.netnsListening(netTargetPath(targets[1]))!)), inB, 'addon = helper');
    assert.deepEqual(socketKeys(listeningSocketsOf('/proc', t.listenerPid)), inB, 'TypeScript through /proc/PID/net = helper');
    for (const i of [0, 2, 3]) {
      assert.deepEqual(socketKeys(parseProcNetFiles(addon.netnsListening(netTargetPath(targets[i]))!)), socketKeys(parseProcNetListing(read.targets[i].sockets ?? '')), `target ${i}`);
    }
  });
});
