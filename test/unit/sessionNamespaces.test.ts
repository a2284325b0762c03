// A session's namespaces are those its terminal's process tree is in and the extension host is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionNamespaceKeys } from '../../src/core/isolate/sessionNamespaces';
import { DEV, fakeResult } from './support/fakeResult';

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
  const sessions = new Map([...sessionNamespaceKeys(result, 300, HOST)].map((key) => [key, 'Isolated: UTS+PID']));
  const tree = buildTree(result, { grouping: 'type', sessions });
  const pidNs = tree.node(`ns:${DEV}:11`)!;
  assert.match(nodeDescription(pidNs), /^session "Isolated: UTS\+PID" · /);
  assert.ok(CONTEXT_PATTERNS.session.test(contextValue(pidNs)));
  assert.equal(CONTEXT_PATTERNS.session.test(contextValue(tree.node(`ns:${DEV}:10`)!)), false);
});
