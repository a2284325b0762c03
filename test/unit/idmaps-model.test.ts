// The ID-maps model built from a discovery result: the chain, maps relative to each parent and on
// the host, processes, subordinate ranges, warnings, translation, and the webview message checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newNamespace } from '../../src/core/model/namespace';
import { emptyResult } from '../../src/core/model/result';
import { idKey } from '../../src/core/model/namespaceId';
import { buildIdMapsModel, owningUserNamespace } from '../../src/core/idmaps/idMapsModel';
import { translateId } from '../../src/core/idmaps/translateId';
import { overlapWarnings } from '../../src/core/idmaps/idMapWarnings';
import { parsePasswd, parseSubordinateIds } from '../../src/core/idmaps/subordinateIds';
import { checkIdMapsMessage, checkIdMapsState } from '../../src/core/idmaps/idMapsMessages';
import type { HostIdFacts } from '../../src/core/idmaps/hostIdFacts';
import { sameNamespace } from '../../src/core/idmaps/namespaceContinuity';
import type { IdMapRange } from '../../src/core/parsers/idMap';

const DEV = 4;
const r = (inside: number, outside: number, count: number): IdMapRange => ({ inside, outside, count });

function chainResult() {
  const result = emptyResult(DEV, true);
  const user = (ino: number, parent: number | null, ownerUid: number, uidMap: IdMapRange[] | null, gidMap: IdMapRange[] | null, pids: number[]) => {
    const ns = newNamespace({ dev: DEV, ino }, 'user');
    ns.parent = parent === null ? null : { dev: DEV, ino: parent };
    ns.owner = ns.parent;
    ns.pids = pids;
    ns.label = `ns${ino}`;
    ns.user = { ownerUid, uidMap, gidMap, setgroups: ino === 3 ? 'deny' : 'allow' };
    result.namespaces.set(idKey(ns.id), ns);
    return ns;
  };
  const proc = (pid: number, uid: number, userIno: number) =>
    result.processes.set(pid, { pid, ppid: 1, command: `p${pid}`, cmdline: [], cmdlineTruncated: false, uid, startTicks: pid, nspid: [pid], cgroup: '/', container: null, threads: 1, namespaces: { user: userIno } });
  user(1, null, 0, [r(0, 0, 4294967295)], [r(0, 0, 4294967295)], [1]);
  // L1, owned by alice (1000): her subordinate range, her own UID, and host 2000 which is neither.
  user(2, 1, 1000, [r(0, 100000, 1000), r(1000, 1000, 1), r(1001, 2000, 1)], [r(0, 100000, 1000)], [20, 21]);
  // L2 inside L1, as read from the host: host 100005.. is L1's 5..
  user(3, 2, 100000, [r(0, 100005, 10), r(10, 2000, 1)], [r(0, 100000, 10)], [30]);
  // L3: nothing wrote its maps yet.
  user(4, 3, 100000, [], [], [40]);
  // A sibling of L1 that maps some of the same host UIDs.
  user(5, 1, 0, [r(0, 100000, 5)], [r(0, 700000, 5)], [50]);
  const other = newNamespace({ dev: DEV, ino: 50 }, 'net');
  other.owner = { dev: DEV, ino: 3 };
  result.namespaces.set(idKey(other.id), other);
  proc(1, 0, 1);
  proc(20, 100000, 2);
  proc(21, 2000, 2);
  proc(30, 100005, 3);
  proc(40, 100005, 4);
  return result;
}

const FACTS: HostIdFacts = {
  overflowUid: 65534,
  overflowGid: 65534,
  subuid: parseSubordinateIds('# comment\nalice:100000:65536\n1001:200000:65536\nbroken line\n'),
  subgid: parseSubordinateIds('alice:100000:65536\n'),
  passwd: parsePasswd('root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n'),
};

describe('the ID-maps model', () => {
  const result = chainResult();
  const model = buildIdMapsModel(result, { dev: DEV, ino: 4 }, FACTS)!;

  it('holds the chain from the chosen namespace up to the top', () => {
    assert.deepEqual(model.levels.map((l) => l.inode), [4, 3, 2, 1]);
    assert.deepEqual(model.levels.map((l) => l.top), [false, false, false, true]);
    assert.equal(buildIdMapsModel(result, { dev: DEV, ino: 999 }, FACTS), null);
    assert.deepEqual(owningUserNamespace(result.namespaces.get(idKey({ dev: DEV, ino: 50 }))!), { dev: DEV, ino: 3 });
  });

  it('gives each line inside, relative to the parent, and on the host', () => {
    const l2 = model.levels[1];
    assert.deepEqual(l2.maps.uid, { state: 'written', lines: [{ inside: 0, count: 10, outside: 5, host: 100005 }, { inside: 10, count: 1, outside: 1001, host: 2000 }] });
    const l1 = model.levels[2];
    assert.deepEqual(l1.maps.uid.lines[0], { inside: 0, count: 1000, outside: 100000, host: 100000 }, 'the parent is the host: its IDs are host IDs');
    assert.equal(model.levels[0].maps.uid.state, 'unwritten');
    assert.equal(model.levels[3].maps.uid.lines[0].count, 4294967295);
  });

  it('lists processes with their UID inside and on the host', () => {
    assert.deepEqual(model.levels[2].processes.map((p) => [p.pid, p.uidInside, p.uidHost]), [[20, 0, 100000], [21, 1001, 2000]]);
    assert.deepEqual(model.levels[0].processes.map((p) => [p.pid, p.uidInside]), [[40, null]], 'unwritten map: the UID is unmapped inside');
  });

  it('shows the owner, setgroups and the owner\'s subordinate ranges', () => {
    const l1 = model.levels[2];
    assert.equal(l1.ownerName, 'alice');
    assert.deepEqual(l1.subordinate.uid, [{ start: 100000, count: 65536 }]);
    assert.equal(model.levels[1].setgroups, 'deny');
    assert.deepEqual(buildIdMapsModel(result, { dev: DEV, ino: 2 }, { ...FACTS, subuid: null })!.levels[0].subordinate.uid, null, 'no /etc/subuid at all');
  });

  it('warns about maps beyond the owner\'s subordinate IDs, and only where they apply', () => {
    const l1 = model.levels[2];
    const beyond = l1.warnings.filter((w) => w.kind === 'beyondSubordinate');
    assert.equal(beyond.length, 1, JSON.stringify(l1.warnings));
    assert.equal(beyond[0].idKind, 'uid');
    assert.match(beyond[0].text, /host UIDs 2000: neither the own UID of its owner, alice \(UID 1000\), nor among the owner's subordinate UIDs in \/etc\/subuid \(100000–165535\)\. newuidmap would have refused/);
    assert.equal(model.levels[1].warnings.filter((w) => w.kind === 'beyondSubordinate').length, 0, 'deeper levels are not checked against the host files');
    assert.deepEqual(model.levels[3].warnings, [], 'the top namespace gets no warnings');
  });

  it('warns when host root is mapped inside', () => {
    const rootMapped = chainResult();
    rootMapped.namespaces.get(idKey({ dev: DEV, ino: 2 }))!.user!.uidMap = [r(0, 0, 1), r(1, 100000, 1000)];
    const level = buildIdMapsModel(rootMapped, { dev: DEV, ino: 2 }, FACTS)!.levels[0];
    const root = level.warnings.find((w) => w.kind === 'hostRoot');
    assert.ok(root, JSON.stringify(level.warnings));
    assert.match(root.text, /Host UID 0 \(root\) is UID 0 in here/);
    assert.equal(model.levels[2].warnings.some((w) => w.kind === 'hostRoot'), false);
  });

  it('warns about host IDs that a namespace outside the chain maps too, not about descendants', () => {
    const shared = model.levels[2].warnings.filter((w) => w.kind === 'sharedHostIds');
    assert.deepEqual(shared.map((w) => w.idKind), ['uid'], JSON.stringify(model.levels[2].warnings));
    assert.match(shared[0].text, /mapped in user 5 \(ns5\) too \(e\.g\. host UIDs 100000–100004\)/);
    assert.equal(model.levels[1].warnings.some((w) => w.kind === 'sharedHostIds'), false, 'host 100005.. is not shared');
    const sibling = buildIdMapsModel(result, { dev: DEV, ino: 5 }, FACTS)!.levels[0];
    assert.match(sibling.warnings.find((w) => w.kind === 'sharedHostIds')!.text, /mapped in user 2 \(ns2\) too/);
  });

  it('explains overlapping lines', () => {
    const warnings = overlapWarnings([r(0, 100, 10), r(5, 500, 10)], 'uid');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].text, /Lines 1 and 2 of the uid_map overlap inside \(UIDs 0–9 and 5–14\).*kernel refuses/);
  });

  it('translates an ID given in any namespace into every other one, or says it is unmapped', () => {
    const t = translateId(model, 'uid', 3, 3)!;
    assert.equal(t.host, 100008);
    assert.deepEqual(t.levels.map((l) => [l.inode, l.state, l.id]), [[4, 'unmapped', 65534], [3, 'mapped', 3], [2, 'mapped', 8], [1, 'mapped', 100008]]);
    const fromHost = translateId(model, 'uid', 1, 2000)!;
    assert.deepEqual(fromHost.levels.map((l) => l.id), [65534, 10, 1001, 2000]);
    const unmapped = translateId(model, 'uid', 2, 5000)!;
    assert.equal(unmapped.host, null);
    assert.deepEqual(unmapped.levels.map((l) => l.state), ['unmapped', 'unmapped', 'mapped', 'unmapped']);
    const gid = translateId(model, 'gid', 3, 9)!;
    assert.deepEqual(gid.levels.map((l) => l.id), [65534, 9, 9, 100009]);
    assert.equal(translateId(model, 'uid', 77, 1), null, 'a namespace not in the chain');
  });
});

describe('messages from the ID-maps webview', () => {
  it('accepts well-formed ones', () => {
    assert.deepEqual(checkIdMapsMessage({ type: 'translate', request: 1, kind: 'uid', from: 4026531837, text: '1000' }), { type: 'translate', request: 1, kind: 'uid', from: 4026531837, text: '1000' });
    assert.deepEqual(checkIdMapsMessage({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(checkIdMapsState({ dev: 4, ino: 4026531837 }), { dev: 4, ino: 4026531837 });
  });
  for (const bad of [
    null, 'translate', [], { type: 'translate' },
    { type: 'translate', request: 1, kind: 'pid', from: 1, text: '1' },
    { type: 'translate', request: -1, kind: 'uid', from: 1, text: '1' },
    { type: 'translate', request: 1, kind: 'uid', from: '1', text: '1' },
    { type: 'translate', request: 1, kind: 'uid', from: 1, text: 'x'.repeat(101) },
    { type: 'translate', request: 1, kind: 'uid', from: 1, text: '1', extra: true },
    { type: 'refresh', now: true }, { type: 'unknown' },
  ]) {
    it(`drops ${JSON.stringify(bad)?.slice(0, 60)}`, () => assert.equal(checkIdMapsMessage(bad), undefined));
  }
  it('refuses restore state that is not {dev, ino}', () => {
    for (const bad of [undefined, null, {}, { dev: 4 }, { dev: 4, ino: 0 }, { dev: 4, ino: 1.5 }, { dev: 4, ino: 1, x: 1 }]) assert.equal(checkIdMapsState(bad), undefined);
  });
});

describe('following one namespace across refreshes', () => {
  const seen = { parentIno: 1, ownerUid: 0, pids: [10, 11] };
  it('is the same namespace while one of its processes is still in it', () => {
    assert.equal(sameNamespace(undefined, seen), true);
    assert.equal(sameNamespace(seen, { ...seen, pids: [11, 12] }), true);
    assert.equal(sameNamespace({ ...seen, pids: [] }, { ...seen, pids: [5] }), true, 'nothing to compare with');
  });
  it('is another namespace with a reused inode when the parent, the owner or every process changed', () => {
    assert.equal(sameNamespace(seen, { ...seen, parentIno: 2 }), false);
    assert.equal(sameNamespace(seen, { ...seen, ownerUid: 1000 }), false);
    assert.equal(sameNamespace(seen, { ...seen, pids: [20] }), false);
  });
});
