// A UTS namespace is labelled by its hostname, read by joining it (native/uts_hostnames.c): real
// namespaces with their own hostnames, one changed after discovery, one hostile.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { discover } from '../../src/core/discovery/discover';
import type { DiscoveryResult } from '../../src/core/model/result';
import type { Namespace } from '../../src/core/model/namespace';
import { buildTree } from '../../src/core/tree/buildTree';
import { compileFilter } from '../../src/core/tree/treeFilter';
import { namespaceDetails } from '../../src/core/tree/detailsText';
import { nodeTooltip } from '../../src/core/tree/presentation';
import type { NamespaceNode } from '../../src/core/tree/treeNode';
import { NamespaceLab, nsInode, waitForCommand } from './support/namespaces';

function utsOf(result: DiscoveryResult, pid: number): Namespace {
  const ino = nsInode(pid, 'uts');
  const ns = [...result.namespaces.values()].find((n) => n.type === 'uts' && n.id.ino === ino);
  assert.ok(ns, `the UTS namespace of ${pid} was not discovered`);
  return ns;
}

function namespaceNodes(result: DiscoveryResult, filter?: string): NamespaceNode[] {
  const tree = buildTree(result, { grouping: 'type', types: ['uts'], filter: compileFilter(filter), herePid: process.pid });
  return [...tree.structuralIds()].map((id) => tree.node(id)).filter((node): node is NamespaceNode => node?.kind === 'namespace');
}

/** A sleeper in a new UTS namespace whose hostname `set` wrote through /proc/sys/kernel/hostname. */
async function sleeperWithHostname(lab: NamespaceLab, hostname: string): Promise<number> {
  // The hostname goes in as an argument, written by printf %s: no shell parses it.
  const child = lab.start(['unshare', '--uts', 'sh', '-c', 'printf %s "$1" > /proc/sys/kernel/hostname && exec sleep 600', 'sh', hostname]);
  await waitForCommand(child.pid!, 'sleep');
  return child.pid!;
}

describe('UTS namespaces by hostname', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('labels a UTS namespace with the hostname set inside it, matches it in the filter and sees it change', async () => {
    const pid = await sleeperWithHostname(lab, `nsi-uts-${process.pid}`);
    let result = await discover();
    let ns = utsOf(result, pid);
    assert.equal(ns.hostname, `nsi-uts-${process.pid}`);
    const node = namespaceNodes(result).find((n) => n.ns === ns);
    assert.equal(node?.name, `nsi-uts-${process.pid}`, 'the tree label leads with the hostname, not "sleep"');
    assert.match(nodeTooltip(node!, result), new RegExp(`hostname: \`nsi-uts-${process.pid}\``));
    assert.match(namespaceDetails(ns, result), new RegExp(`- hostname: \`nsi-uts-${process.pid}\``));
    // The filter finds it by hostname though no process is called that.
    const matched = namespaceNodes(result, `uts-${process.pid}`);
    assert.deepEqual(matched.map((n) => n.ns.id.ino), [ns.id.ino]);
    // Changed inside after discovery: the next discovery shows the new name (no stale cache).
    execFileSync('nsenter', ['--uts', '-t', String(pid), 'hostname', `renamed-${process.pid}`]);
    result = await discover();
    ns = utsOf(result, pid);
    assert.equal(ns.hostname, `renamed-${process.pid}`);
    // The host's own UTS namespace stays "host".
    const own = utsOf(result, process.pid);
    assert.equal(namespaceNodes(result).find((n) => n.ns === own)?.name, 'host');
  });

  it('shows a hostile hostname escaped: no control characters, bidi overrides or Markdown reach the label', async () => {
    // /proc/sys/kernel/hostname stops at a newline; everything else up to 64 bytes is kept.
    const hostile = '\x1b[31mred\u202e`x`](http://h)';
    const pid = await sleeperWithHostname(lab, hostile);
    const result = await discover();
    const ns = utsOf(result, pid);
    assert.equal(ns.hostname, hostile, 'the kernel keeps the bytes as written');
    const node = namespaceNodes(result).find((n) => n.ns === ns);
    assert.ok(node);
    assert.doesNotMatch(node.name, /[\x00-\x1f\u202e]/, 'no raw control character or bidi override in the label');
    assert.match(node.name, /\\x1b\[31mred/, 'the escape is shown as text');
    assert.match(namespaceDetails(ns, result), /- hostname: ``.*`x`.*``/, 'the details put it in a code span longer than its backtick runs');
  });
});
