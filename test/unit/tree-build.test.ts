// The tree model: each grouping puts namespaces under the right parents, ids are stable, the
// filter narrows, processes show their PID inside their PID namespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTree } from '../../src/core/tree/buildTree';
import { compileFilter } from '../../src/core/tree/treeFilter';
import { nodeDescription, nodeLabel } from '../../src/core/tree/presentation';
import type { TreeSnapshot } from '../../src/core/tree/treeSnapshot';
import { DEV, fakeResult } from './support/fakeResult';

const nsId = (ino: number) => `ns:${DEV}:${ino}`;
const labels = (snapshot: TreeSnapshot, id?: string) => snapshot.children(id).map(nodeLabel);
const parentOf = (snapshot: TreeSnapshot, id: string) => snapshot.parent(id)?.id;

test('by type: one folder per type with counts, namespaces by inode below', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type' });
  assert.deepEqual(labels(tree), ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']);
  const net = tree.children()[2];
  assert.equal(nodeDescription(net), '2 network');
  assert.deepEqual(labels(tree, net.id), ['host', 'blue'], 'the host\'s namespace says "host", a named netns leads with its name');
  assert.equal(parentOf(tree, nsId(21)), 'type:net');
});

test('a namespace held only by a bind mount is shown and says so', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type' });
  const blue = tree.node(nsId(21))!;
  assert.equal(nodeDescription(blue), 'held by a bind mount only · net 21');
  assert.deepEqual(tree.children(blue.id), []);
});

test('processes: leaders first, PID inside the namespace and on the host', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type' });
  const procs = tree.children(nsId(11));
  assert.deepEqual(procs.map((p) => p.id), [`${nsId(11)}/p:300`, `${nsId(11)}/p:301`]);
  assert.equal(nodeDescription(procs[0]), 'PID 1 · host 300 · leader');
  assert.equal(nodeDescription(procs[1]), 'PID 2 · host 301');
  assert.equal(parentOf(tree, `${nsId(11)}/p:301`), nsId(11));
});

test('a process node can be looked up (for reveal) before its namespace was expanded', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type' });
  assert.equal(tree.node(`${nsId(20)}/p:300`)?.kind, 'process');
  assert.equal(tree.node(`${nsId(20)}/p:999`), undefined);
});

test('by user namespace: the ownership tree, child user namespaces before owned ones', () => {
  const tree = buildTree(fakeResult(), { grouping: 'userNamespace' });
  assert.deepEqual(tree.rootIds, [nsId(1)]);
  const below = tree.children(nsId(1)).filter((n) => n.kind === 'namespace').map((n) => n.id);
  assert.deepEqual(below, [nsId(2), nsId(100), nsId(10), nsId(20), nsId(21), nsId(30), nsId(40), nsId(50), nsId(60)]);
  assert.equal(parentOf(tree, nsId(3)), nsId(2));
  assert.equal(parentOf(tree, nsId(11)), nsId(2), 'the PID namespace is owned by the user namespace that made it');
});

test('by PID namespace: the PID hierarchy only', () => {
  const tree = buildTree(fakeResult(), { grouping: 'pidNamespace' });
  assert.deepEqual(tree.rootIds, [nsId(10)]);
  assert.equal(parentOf(tree, nsId(11)), nsId(10));
  assert.equal(tree.node(nsId(20)), undefined);
});

test('by container: containers with their namespaces, the host last', () => {
  const tree = buildTree(fakeResult(), { grouping: 'container' });
  assert.deepEqual(labels(tree), ['docker abababababab', 'host']);
  assert.deepEqual(tree.children(tree.rootIds[0]).map((n) => n.id), [nsId(11), nsId(2), nsId(3)]);
  assert.equal(parentOf(tree, nsId(20)), 'host');
});

test('shown types: only those folders', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type', types: ['net', 'pid'] });
  assert.deepEqual(labels(tree), ['pid', 'net']);
});

test('filter by command keeps matching processes and their namespaces, hides empty folders', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type', filter: compileFilter('BASH') });
  assert.deepEqual(labels(tree), ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']);
  assert.deepEqual(tree.children(nsId(20)).map((n) => n.id), [`${nsId(20)}/p:2`]);
  assert.equal(tree.node(nsId(21)), undefined);
  assert.equal(nodeDescription(tree.node(nsId(20))!), '1 process · net 20');
});

test('filter by inode shows that namespace with all its processes', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type', filter: compileFilter(' 21 ') });
  assert.deepEqual(labels(tree), ['net']);
  assert.deepEqual(tree.children('type:net').map((n) => n.id), [nsId(21)]);
});

test('filter by PID matches the host PID and the PID inside', () => {
  const host = buildTree(fakeResult(), { grouping: 'pidNamespace', filter: compileFilter('301') });
  assert.deepEqual(host.children(nsId(11)).map((n) => n.id), [`${nsId(11)}/p:301`]);
  const inner = buildTree(fakeResult(), { grouping: 'type', filter: compileFilter('2') });
  assert.ok(inner.children(nsId(11)).some((n) => n.id.endsWith('/p:301')), 'PID 2 inside its PID namespace');
});

test('filter by container id prefix, in a hierarchy keeps the ancestors', () => {
  const tree = buildTree(fakeResult(), { grouping: 'userNamespace', filter: compileFilter('ababab') });
  assert.deepEqual(tree.rootIds, [nsId(1)]);
  assert.equal(parentOf(tree, nsId(3)), nsId(2));
  assert.equal(tree.node(nsId(21)), undefined);
});

test('a filter that matches nothing gives an empty tree', () => {
  const tree = buildTree(fakeResult(), { grouping: 'container', filter: compileFilter('no-such-thing') });
  assert.deepEqual(tree.rootIds, []);
});

test('you are here: the namespaces of the given process are marked', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type', herePid: 300 });
  assert.equal(tree.node(nsId(11))?.kind === 'namespace' && tree.node(nsId(11)), tree.namespaceNode({ dev: DEV, ino: 11 }));
  assert.match(nodeDescription(tree.node(nsId(11))!), /^you are here/);
  assert.doesNotMatch(nodeDescription(tree.node(nsId(10))!), /you are here/);
  assert.match(nodeDescription(tree.node(`${nsId(20)}/p:300`)!), /you are here/);
});

test('limited view: an unprivileged result gets an item at the top', () => {
  const result = fakeResult();
  result.privileged = false;
  result.skipped.processes = 57;
  const tree = buildTree(result, { grouping: 'type' });
  assert.equal(tree.rootIds[0], 'limited');
  assert.equal(nodeLabel(tree.children()[0]), 'Limited view: 57 processes not inspected');
});

/** The fake host with kthreadd (PID 2, no command line) and one kernel thread (PID 3, parent 2). */
function withKernelThreads() {
  const result = fakeResult();
  const host = result.processes.get(1)!.namespaces;
  result.processes.set(2, { ...result.processes.get(2)!, command: 'kthreadd', cmdline: [], ppid: 0 });
  result.processes.set(3, { ...result.processes.get(2)!, pid: 3, command: 'kworker/0:1', ppid: 2, namespaces: host });
  for (const ns of result.namespaces.values()) if (ns.pids.includes(2)) ns.pids = [...ns.pids, 3].sort((a, b) => a - b);
  return result;
}

test('labels lead with the name: "host" for the host\'s namespaces (never kthreadd), a container\'s name, the netns name', () => {
  const result = withKernelThreads();
  // PID 1 unreadable (a sandbox's init): kthreadd is now the senior process of the host's namespaces.
  result.processes.delete(1);
  for (const ns of result.namespaces.values()) if (ns.pids[0] === 1) ns.pids = ns.pids.slice(1);
  result.namespaces.get(`${DEV}:11`)!.container!.facts = { name: 'web-1' };
  const tree = buildTree(result, { grouping: 'type' });
  assert.equal(nodeLabel(tree.node(nsId(20))!), 'host');
  assert.equal(nodeLabel(tree.node(nsId(11))!), 'web-1');
  assert.equal(nodeLabel(tree.node(nsId(21))!), 'blue');
  assert.ok(![...result.namespaces.values()].some((ns) => nodeLabel(tree.namespaceNode(ns.id)!).includes('kthreadd')));
});

test('with PID 1 unreadable and no kthreadd, the reader\'s namespaces are the host\'s', () => {
  const result = fakeResult();
  result.processes.delete(1);
  result.processes.delete(2);
  for (const ns of result.namespaces.values()) ns.pids = ns.pids.filter((pid) => pid > 2);
  const tree = buildTree(result, { grouping: 'type', herePid: 301 });
  assert.equal(nodeLabel(tree.node(nsId(20))!), 'host');
  assert.equal(nodeLabel(tree.node(nsId(3))!), 'host', 'the reader\'s own user namespace');
  assert.notEqual(nodeLabel(tree.node(nsId(2))!), 'host');
});

test('kernel threads are hidden by default and shown with showKernelThreads', () => {
  const result = withKernelThreads();
  const hidden = buildTree(result, { grouping: 'type' });
  assert.deepEqual(hidden.children(nsId(20)).map((p) => p.id), [`${nsId(20)}/p:1`, `${nsId(20)}/p:300`, `${nsId(20)}/p:301`]);
  assert.match(nodeDescription(hidden.node(nsId(20))!), /^3 processes · /);
  // A filter naming a hidden kernel thread does not bring it back.
  assert.equal(buildTree(result, { grouping: 'type', filter: compileFilter('kworker') }).rootIds.length, 0);
  const shown = buildTree(result, { grouping: 'type', showKernelThreads: true });
  assert.deepEqual(shown.children(nsId(20)).map((p) => p.id), [1, 2, 3, 300, 301].map((pid) => `${nsId(20)}/p:${pid}`));
  assert.match(nodeDescription(shown.node(nsId(20))!), /^5 processes · /);
  assert.equal(buildTree(result, { grouping: 'type', filter: compileFilter('kworker'), showKernelThreads: true }).rootIds.length > 0, true);
});

test('the filter matches the shown name ("host") and a container\'s name', () => {
  const result = fakeResult();
  result.namespaces.get(`${DEV}:11`)!.container!.facts = { name: 'web-1' };
  result.processes.get(300)!.container!.facts = { name: 'web-1' };
  const host = buildTree(result, { grouping: 'type', filter: compileFilter('HOST') });
  assert.ok(host.node(nsId(20)), 'the host\'s net namespace matches "host"');
  assert.equal(host.node(nsId(21)), undefined);
  const web = buildTree(result, { grouping: 'type', filter: compileFilter('web-1') });
  assert.ok(web.node(nsId(11)));
  assert.equal(nodeLabel(web.node(nsId(11))!), 'web-1');
});
