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
