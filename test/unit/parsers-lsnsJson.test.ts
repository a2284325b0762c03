import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLsnsJson } from '../../src/core/parsers/lsnsJson';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'lsns', name), 'utf8');

test('default columns: 13 namespaces, no PNS/ONS/PATH', () => {
  const all = parseLsnsJson(fixture('lsns-default.json'));
  assert.equal(all.length, 13);
  assert.deepEqual(all[0], { ns: 4026531832, type: 'mnt', pid: 2, nprocs: 80, pns: null, ons: null, command: 'kthreadd', path: null });
  assert.deepEqual(all.find((n) => n.ns === 4026532318), {
    ns: 4026532318, type: 'pid', pid: 6183, nprocs: 1, pns: null, ons: null, command: 'sleep 60', path: null,
  });
});

test('--tree=parent: children are flattened, parents first, 0 becomes null', () => {
  const all = parseLsnsJson(fixture('lsns-tree-parent.json'));
  assert.equal(all.length, 13);
  assert.deepEqual(all.slice(0, 3).map((n) => [n.ns, n.type, n.pns, n.ons]), [
    [4026531837, 'user', null, null],
    [4026532315, 'user', 4026531837, 4026531837],
    [4026532317, 'user', 4026532315, 4026532315],
  ]);
  assert.deepEqual(all.find((n) => n.ns === 4026532318), {
    ns: 4026532318, type: 'pid', pid: 6183, nprocs: 1, pns: 4026532316, ons: 4026532317, command: 'sleep 60', path: null,
  });
  // Same set of namespaces as the flat listing.
  const flat = parseLsnsJson(fixture('lsns-default.json')).map((n) => n.ns).sort();
  assert.deepEqual(all.map((n) => n.ns).sort(), flat);
});

test('--tree=owner flattens too', () => {
  const all = parseLsnsJson(fixture('lsns-tree-owner.json'));
  assert.equal(all.length, 13);
  assert.equal(all.find((n) => n.ns === 4026532316)!.ons, 4026532315);
});

test('-t pid with PNS: the nesting chain of the captured PID namespaces', () => {
  assert.deepEqual(parseLsnsJson(fixture('lsns-pid-only.json')).map((n) => [n.ns, n.pns, n.ons, n.pid, n.nprocs]), [
    [4026531836, null, 4026531837, 2, 78],
    [4026532316, 4026531836, 4026532315, 6181, 2],
    [4026532318, 4026532316, 4026532317, 6183, 1],
  ]);
});

test('PATH column', () => {
  const all = parseLsnsJson(fixture('lsns-path.json'));
  assert.deepEqual(all.at(-1), { ns: 4026532318, type: 'pid', pid: 6183, nprocs: null, pns: null, ons: null, command: null, path: '/proc/6183/ns/pid' });
});

test('net columns: "nsfs": null and a string NETNSID do not disturb the rest', () => {
  assert.deepEqual(parseLsnsJson(fixture('lsns-net-nsfs.json')), [
    { ns: 4026531833, type: 'net', pid: 2, nprocs: 82, pns: null, ons: null, command: 'kthreadd', path: '/proc/2/ns/net' },
  ]);
});

test('older util-linux quotes every value', () => {
  assert.deepEqual(parseLsnsJson(fixture('lsns-strings-old.json')).slice(0, 2), [
    { ns: 4026531835, type: 'cgroup', pid: 1, nprocs: 85, pns: null, ons: null, command: '/sbin/init', path: null },
    { ns: 4026532198, type: 'user', pid: 1234, nprocs: 2, pns: 4026531837, ons: 4026531837, command: 'unshare -U sh', path: null },
  ]);
});

test('null and odd values', () => {
  const [n] = parseLsnsJson('{"namespaces":[{"ns":4294967295,"type":"net","pid":null,"nprocs":"","pns":"0","ons":null,"command":null}]}');
  assert.deepEqual(n, { ns: 4294967295, type: 'net', pid: null, nprocs: null, pns: null, ons: null, command: null, path: null });
  // Rows without a usable NS are dropped, their children kept.
  assert.deepEqual(parseLsnsJson('{"namespaces":[{"type":"pid","children":[{"ns":"5","type":"pid"}]}]}').map((x) => x.ns), [5]);
});

test('empty output means no namespaces; invalid JSON throws a clear error', () => {
  assert.deepEqual(parseLsnsJson(''), []);
  assert.deepEqual(parseLsnsJson('{"namespaces":[]}'), []);
  assert.throws(() => parseLsnsJson('{"namespaces": ['), /lsns -J output is not valid JSON/);
  assert.throws(() => parseLsnsJson('[]'), /no "namespaces" array/);
  assert.throws(() => parseLsnsJson('null'), /no "namespaces" array/);
});
