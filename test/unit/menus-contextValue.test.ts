// package.json menus match tree items by contextValue: every viewItem pattern there must be one
// of the patterns core/tree/contextValue.ts exports, and each must match the items it is for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_PATTERNS, contextValue } from '../../src/core/tree/contextValue';
import { buildTree } from '../../src/core/tree/buildTree';
import { shellJoin } from '../../src/core/exec/shellQuote';
import { nsenterNamespaceArgv } from '../../src/core/exec/nsenterArgv';
import { DEV, fakeResult } from './support/fakeResult';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

test('every viewItem pattern in package.json menus is one of CONTEXT_PATTERNS', () => {
  const whens: string[] = Object.values(manifest.contributes.menus).flatMap((items) => (items as Array<{ when?: string }>).map((i) => i.when ?? ''));
  const used = whens.flatMap((when) => [...when.matchAll(/viewItem =~ \/(.+?)\/(?:\s|$)/g)].map((m) => m[1]));
  const known = Object.values(CONTEXT_PATTERNS).map((re) => re.source);
  assert.ok(used.length > 0);
  assert.deepEqual(used.filter((source) => !known.includes(source)), []);
});

test('contextValue is <kind>:<type>:<flags> and the patterns pick the right items', () => {
  const tree = buildTree(fakeResult(), { grouping: 'type', herePid: 1 });
  const blue = contextValue(tree.node(`ns:${DEV}:21`)!);
  assert.equal(blue, 'namespace:net:bound,noProcess');
  assert.equal(contextValue(tree.node(`ns:${DEV}:20`)!), 'namespace:net:here');
  const proc = contextValue(tree.node(`ns:${DEV}:20/p:1`)!);
  assert.equal(proc, 'process:net:leader,here');
  assert.ok(CONTEXT_PATTERNS.namespace.test(blue) && !CONTEXT_PATTERNS.namespace.test(proc));
  assert.ok(CONTEXT_PATTERNS.namespaceOrProcess.test(proc));
  assert.equal(CONTEXT_PATTERNS.namespaceOrProcess.test(contextValue(tree.node('type:net')!)), false);
  assert.ok(CONTEXT_PATTERNS.userNamespace.test(contextValue(tree.node(`ns:${DEV}:2`)!)), 'a user namespace item');
  assert.ok(!CONTEXT_PATTERNS.userNamespace.test(blue) && !CONTEXT_PATTERNS.userNamespace.test(proc));
});

test('nsenter command lines are quoted for a shell only where needed', () => {
  assert.equal(shellJoin(nsenterNamespaceArgv('net', { kind: 'process', pid: 42 })), 'nsenter --target 42 --net');
  assert.equal(shellJoin(nsenterNamespaceArgv('net', { kind: 'file', path: "/run/netns/it's blue" })), `nsenter '--net=/run/netns/it'\\''s blue'`);
});
