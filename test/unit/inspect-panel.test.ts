// The pure parts behind the Inspect Process panel and command: the checks on what the webview
// sends and saves, the container's main process, and the menu pattern for process and container
// items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInspectMessage, checkInspectState } from '../../src/core/inspect/inspectMessages';
import { containerOfProcess, mainPidOf } from '../../src/core/inspect/containerOfProcess';
import { CONTEXT_PATTERNS, contextValue } from '../../src/core/tree/contextValue';
import { buildTree } from '../../src/core/tree/buildTree';
import { containerGroupId } from '../../src/core/tree/nodeIds';
import { DOCKER_ID, fakeResult } from './support/fakeResult';

test('webview messages: only the two known shapes pass', () => {
  assert.deepEqual(checkInspectMessage({ type: 'refresh' }), { type: 'refresh' });
  assert.deepEqual(checkInspectMessage({ type: 'showEnvironment' }), { type: 'showEnvironment' });
  for (const bad of [null, 'refresh', [], {}, { type: 'showEnvironment', pid: 1 }, { type: 'readFile', path: '/etc/shadow' }, { type: 'ready', x: 1 }]) {
    assert.equal(checkInspectMessage(bad), undefined, JSON.stringify(bad));
  }
});

test('saved state: a PID and a start time, nothing else', () => {
  assert.deepEqual(checkInspectState({ pid: 42, startTicks: 1000 }), { pid: 42, startTicks: 1000 });
  for (const bad of [{ pid: 0, startTicks: 1 }, { pid: -1, startTicks: 1 }, { pid: 2 ** 32, startTicks: 1 }, { pid: 1.5, startTicks: 1 }, { pid: '1', startTicks: 1 }, { pid: 1 }, { pid: 1, startTicks: 1, env: [] }]) {
    assert.equal(checkInspectState(bad), undefined, JSON.stringify(bad));
  }
});

test('a container\'s main process: the one whose parent is outside it', () => {
  const result = fakeResult();
  assert.equal(mainPidOf(result, { engine: 'docker', id: DOCKER_ID }), 300);
  assert.equal(mainPidOf(result, { engine: 'docker', id: 'cd'.repeat(32) }), undefined);
  assert.deepEqual(containerOfProcess(result, 301), { engine: 'docker', id: DOCKER_ID, name: DOCKER_ID, image: null, state: null, main: false, mainPid: 300 });
  assert.equal(containerOfProcess(result, 2), null);
});

test('the menu pattern picks process items and container groups, not the host group', () => {
  const tree = buildTree(fakeResult(), { grouping: 'container', herePid: 1 });
  const container = contextValue(tree.node(containerGroupId({ engine: 'docker', id: DOCKER_ID }))!);
  const host = contextValue(tree.node(containerGroupId(null))!);
  assert.ok(CONTEXT_PATTERNS.processOrContainer.test(container), container);
  assert.ok(!CONTEXT_PATTERNS.processOrContainer.test(host), host);
  assert.ok(CONTEXT_PATTERNS.processOrContainer.test('process:pid:leader'));
  assert.ok(!CONTEXT_PATTERNS.processOrContainer.test('namespace:pid:'));
});
