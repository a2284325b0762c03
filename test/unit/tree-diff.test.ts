// A refresh fires change events only for what changed, and only the top-most of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTree } from '../../src/core/tree/buildTree';
import { diffTrees } from '../../src/core/tree/diffTrees';
import { compileFilter } from '../../src/core/tree/treeFilter';
import { DEV, fakeResult } from './support/fakeResult';
import { idKey } from '../../src/core/model/namespaceId';

const nsId = (ino: number) => `ns:${DEV}:${ino}`;

test('the same result twice: nothing changed', () => {
  assert.deepEqual(diffTrees(buildTree(fakeResult(), { grouping: 'type' }), buildTree(fakeResult(), { grouping: 'type' })), { root: false, changed: [] });
});

test('a process that exec\'d changes only the namespaces it is listed under', () => {
  const after = fakeResult();
  after.processes.get(2)!.command = 'vim';
  const byType = diffTrees(buildTree(fakeResult(), { grouping: 'type' }), buildTree(after, { grouping: 'type' }));
  assert.equal(byType.root, false);
  assert.deepEqual(byType.changed.sort(), [nsId(1), nsId(10), nsId(100), nsId(20), nsId(30), nsId(40), nsId(50), nsId(60)].sort());
  // In the ownership tree they all hang below the host's user namespace: only it is listed.
  const byOwner = diffTrees(buildTree(fakeResult(), { grouping: 'userNamespace' }), buildTree(after, { grouping: 'userNamespace' }));
  assert.deepEqual(byOwner.changed, [nsId(1)]);
});

test('a new namespace changes its folder only, not the folder\'s ancestors or siblings', () => {
  const after = fakeResult();
  const blue = after.namespaces.get(idKey({ dev: DEV, ino: 21 }))!;
  after.namespaces.set(idKey({ dev: DEV, ino: 22 }), { ...blue, id: { dev: DEV, ino: 22 }, label: 'green' });
  const changes = diffTrees(buildTree(fakeResult(), { grouping: 'type' }), buildTree(after, { grouping: 'type' }));
  assert.deepEqual(changes, { root: false, changed: ['type:net'] });
});

test('a changed namespace below a changed one is not listed again', () => {
  const after = fakeResult();
  after.namespaces.delete(idKey({ dev: DEV, ino: 3 }));
  after.namespaces.get(idKey({ dev: DEV, ino: 2 }))!.label = 'renamed';
  const changes = diffTrees(buildTree(fakeResult(), { grouping: 'userNamespace' }), buildTree(after, { grouping: 'userNamespace' }));
  assert.deepEqual(changes, { root: false, changed: [nsId(2)] });
});

test('a new top-level node, another grouping or another filter refreshes the root', () => {
  const unprivileged = fakeResult();
  unprivileged.privileged = false;
  const byType = buildTree(fakeResult(), { grouping: 'type' });
  assert.equal(diffTrees(byType, buildTree(unprivileged, { grouping: 'type' })).root, true);
  assert.equal(diffTrees(byType, buildTree(fakeResult(), { grouping: 'container' })).root, true);
  assert.equal(diffTrees(byType, buildTree(fakeResult(), { grouping: 'type', filter: compileFilter('bash') })).root, true);
});
