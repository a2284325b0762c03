// A session's namespaces are those its terminal's process tree is in and the extension host is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionNamespaceKeys } from '../../src/core/isolate/sessionNamespaces';
import { DEV, DOCKER_ID, fakeResult } from './support/fakeResult';

const HOST = { mnt: 100, pid: 10, net: 20, ipc: 30, uts: 40, user: 1, cgroup: 50, time: 60 };

test('the namespaces of a process tree that differ from the host', () => {
  const keys = sessionNamespaceKeys(fakeResult(), 300, HOST);
  assert.deepEqual([...keys].sort(), [`${DEV}:11`, `${DEV}:2`, `${DEV}:3`]);
});

test('a session whose process is gone has no namespaces', () => {
  assert.equal(sessionNamespaceKeys(fakeResult(), 9999, HOST).size, 0);
});

test('the tree labels session namespaces with the terminal name and flags them for "Show Terminal"', async () => {
  const { buildTree } = await import('../../src/core/tree/buildTree');
  const { nodeDescription } = await import('../../src/core/tree/presentation');
  const { CONTEXT_PATTERNS, contextValue } = await import('../../src/core/tree/contextValue');
  const result = fakeResult();
  const sessions = [{ pid: 300, name: 'Isolated: UTS+PID', namespaceKeys: sessionNamespaceKeys(result, 300, HOST) }];
  const tree = buildTree(result, { grouping: 'type', sessions });
  const pidNs = tree.node(`ns:${DEV}:11`)!;
  assert.match(nodeDescription(pidNs), /^session "Isolated: UTS\+PID" · /);
  assert.ok(CONTEXT_PATTERNS.session.test(contextValue(pidNs)));
  assert.equal(CONTEXT_PATTERNS.session.test(contextValue(tree.node(`ns:${DEV}:10`)!)), false);
});

test('a "Sessions" group at the top in every grouping: each session named after its terminal, its namespaces below', async () => {
  const { buildTree } = await import('../../src/core/tree/buildTree');
  const { nodeDescription, nodeLabel } = await import('../../src/core/tree/presentation');
  const { CONTEXT_PATTERNS, contextValue } = await import('../../src/core/tree/contextValue');
  const { GROUPINGS } = await import('../../src/core/tree/grouping');
  const result = fakeResult();
  const sessions = [{ pid: 300, name: 'Isolated: UTS+PID (t-1)', namespaceKeys: sessionNamespaceKeys(result, 300, HOST) }];
  for (const grouping of GROUPINGS) {
    const tree = buildTree(result, { grouping, sessions });
    const top = tree.children()[0];
    assert.equal(nodeLabel(top), 'Sessions', grouping);
    assert.equal(nodeDescription(top), '1 isolated terminal');
    const [session] = tree.children(top.id);
    assert.equal(session.id, 'session:300');
    assert.equal(nodeLabel(session), 'Isolated: UTS+PID (t-1)');
    assert.equal(nodeDescription(session), 'PID 300 · 3 namespaces');
    assert.ok(CONTEXT_PATTERNS.session.test(contextValue(session)), contextValue(session));
    assert.equal(CONTEXT_PATTERNS.namespaceOrProcess.test(contextValue(session)), false);
    // Its namespaces by type, as items of their own (ids differ from the same namespace elsewhere).
    const below = tree.children(session.id);
    assert.deepEqual(below.map((n) => nodeLabel(n)), Array(3).fill(`docker ${DOCKER_ID.slice(0, 12)}`), 'a container\'s namespaces lead with its name (unnamed: engine and short id)');
    assert.deepEqual(below.map((n) => n.id), [`session:300/ns:${DEV}:11`, `session:300/ns:${DEV}:2`, `session:300/ns:${DEV}:3`]);
    assert.ok(below.every((n) => CONTEXT_PATTERNS.namespace.test(contextValue(n)) && CONTEXT_PATTERNS.session.test(contextValue(n))));
    assert.equal(tree.parent(below[0].id)?.id, session.id);
    // Below the session node the session is not named again; where the grouping puts it, it is.
    assert.equal(nodeDescription(below[0]), '2 processes · pid 11');
    assert.match(nodeDescription(tree.namespaceNode({ dev: DEV, ino: 11 })!), /^session "Isolated: UTS\+PID \(t-1\)" · /);
    // They expand to their processes like anywhere else.
    assert.deepEqual(tree.children(below[0].id).map((p) => p.id), [`session:300/ns:${DEV}:11/p:300`, `session:300/ns:${DEV}:11/p:301`]);
    assert.equal(tree.parent(`session:300/ns:${DEV}:11/p:301`)?.id, below[0].id);
    // The canonical node of the namespace is still where the grouping puts it.
    assert.notEqual(tree.namespaceNode({ dev: DEV, ino: 11 })?.parentId, session.id);
  }
});

test('no session, no "Sessions" group; a closed session disappears and the diff says the top level changed', async () => {
  const { buildTree } = await import('../../src/core/tree/buildTree');
  const { diffTrees } = await import('../../src/core/tree/diffTrees');
  const result = fakeResult();
  const open = buildTree(result, { grouping: 'type', sessions: [{ pid: 300, name: 'Isolated: net', namespaceKeys: new Set([`${DEV}:21`]) }] });
  assert.equal(open.rootIds[0], 'sessions');
  const closed = buildTree(result, { grouping: 'type', sessions: [] });
  assert.equal(closed.rootIds.includes('sessions'), false);
  assert.equal(closed.node('session:300'), undefined);
  assert.deepEqual(diffTrees(open, closed), { root: true, changed: [] });
});

test('a filter keeps only sessions with a namespace that passes; a session not yet unshared shows with none', async () => {
  const { buildTree } = await import('../../src/core/tree/buildTree');
  const { compileFilter } = await import('../../src/core/tree/treeFilter');
  const { nodeDescription } = await import('../../src/core/tree/presentation');
  const result = fakeResult();
  const sessions = [
    { pid: 300, name: 'Isolated: UTS+PID', namespaceKeys: sessionNamespaceKeys(result, 300, HOST) },
    { pid: 999, name: 'Isolated: starting', namespaceKeys: new Set<string>() },
  ];
  const all = buildTree(result, { grouping: 'type', sessions });
  assert.deepEqual(all.children('sessions').map((n) => n.id), ['session:300', 'session:999']);
  assert.equal(nodeDescription(all.node('session:999')!), 'PID 999 · no namespaces of its own yet');
  const filtered = buildTree(result, { grouping: 'type', sessions, filter: compileFilter('blue') });
  assert.equal(filtered.node('sessions'), undefined);
});
