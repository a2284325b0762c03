// Which way into a namespace a copied command line uses: a bind mount this mount namespace sees
// (it outlives processes), and which PID a way through a process depends on. On the test's own
// real /proc files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readlinkSync, statSync } from 'node:fs';
import { bindMountEntry, entryDependsOnPid } from '../../src/core/exec/namespaceEntry';
import { newNamespace } from '../../src/core/model/namespace';

const ownMnt = Number(/\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/mnt'))![1]);
const netStat = statSync('/proc/self/ns/net');

function netWithMounts(mounts: Array<{ path: string; mntns: number }>) {
  const ns = newNamespace({ dev: netStat.dev, ino: netStat.ino }, 'net');
  ns.bindMounts.push(...mounts);
  return ns;
}

test('a bind mount in our own mount namespace that opens the namespace is the way in', () => {
  const ns = netWithMounts([{ path: '/proc/self/ns/net', mntns: ownMnt }]);
  assert.deepEqual(bindMountEntry(ns, ownMnt), { kind: 'file', path: '/proc/self/ns/net' });
});

test('a bind mount of another mount namespace, or one that opens something else now, is not', () => {
  assert.equal(bindMountEntry(netWithMounts([{ path: '/proc/self/ns/net', mntns: ownMnt + 1 }]), ownMnt), null);
  assert.equal(bindMountEntry(netWithMounts([{ path: '/proc/self/ns/uts', mntns: ownMnt }]), ownMnt), null);
  assert.equal(bindMountEntry(netWithMounts([{ path: '/run/netns/no-such-name-here', mntns: ownMnt }]), ownMnt), null);
});

test('which PID a way in depends on', () => {
  assert.equal(entryDependsOnPid({ kind: 'process', pid: 4711 }), 4711);
  assert.equal(entryDependsOnPid({ kind: 'file', path: '/proc/42/fd/7' }), 42);
  assert.equal(entryDependsOnPid({ kind: 'file', path: '/proc/43/ns/net_for_children' }), 43);
  assert.equal(entryDependsOnPid({ kind: 'file', path: '/run/netns/blue' }), undefined);
});
