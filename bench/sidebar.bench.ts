/**
 * npm run bench [-- --n 5000] [--namespaces 1500] [--rounds 5]
 *
 * The Namespaces view's cost on a busy host: the time from a refresh to the first tree level
 * (discovery, the tree model, and the provider's work for each top-level item: label,
 * description, tooltip, contextValue), the tree model alone per grouping, the refresh diff, and
 * the longest event-loop block while auto-refresh runs back to back. VS Code-free parts, measured
 * in Node directly; the extension host runs the same code. Kills every process it started.
 */
import { benchOptions } from './benchOptions';
import { discover } from '../src/core/discovery/discover';
import { buildTree } from '../src/core/tree/buildTree';
import { diffTrees } from '../src/core/tree/diffTrees';
import { GROUPINGS } from '../src/core/tree/grouping';
import { contextValue } from '../src/core/tree/contextValue';
import { nodeDescription, nodeLabel, nodeTooltip } from '../src/core/tree/presentation';
import type { TreeSnapshot } from '../src/core/tree/treeSnapshot';
import type { DiscoveryResult } from '../src/core/model/result';
import { spawnFleet } from './spawnFleet';
import { measureEventLoopBlock } from './eventLoopBlock';

const { processes, namespaceCount, rounds } = benchOptions();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

/** What getChildren() + getTreeItem() compute for the top level, minus the VS Code objects. */
function firstLevel(snapshot: TreeSnapshot, result: DiscoveryResult): number {
  let chars = 0;
  for (const node of snapshot.children()) {
    chars += nodeLabel(node).length + nodeDescription(node).length + nodeTooltip(node, result).length + contextValue(node).length;
    chars += Number(snapshot.hasChildren(node.id));
  }
  return chars;
}

async function main(): Promise<void> {
  console.log(`starting ${processes} processes in about ${namespaceCount} new namespaces...`);
  const fleet = await spawnFleet(processes, namespaceCount);
  try {
    const toFirstLevel: number[] = [];
    const discovery: number[] = [];
    const model: number[] = [];
    let result: DiscoveryResult | undefined;
    let snapshot: TreeSnapshot | undefined;
    await discover(); // warm up
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      result = await discover();
      const discovered = performance.now();
      snapshot = buildTree(result, { grouping: 'type', herePid: process.pid });
      firstLevel(snapshot, result);
      const end = performance.now();
      discovery.push(discovered - start);
      model.push(end - discovered);
      toFirstLevel.push(end - start);
    }
    console.log('');
    console.log(`host: ${result!.processes.size} processes, ${result!.namespaces.size} namespaces`);
    console.log(`refresh to first tree level (by type): median ${median(toFirstLevel).toFixed(0)} ms ` +
      `(discovery ${median(discovery).toFixed(0)} ms, tree model + first level ${median(model).toFixed(1)} ms)`);
    for (const grouping of GROUPINGS) {
      const times = Array.from({ length: rounds }, () => timed(() => buildTree(result!, { grouping, herePid: process.pid }))[1]);
      console.log(`  tree model by ${grouping}: median ${median(times).toFixed(1)} ms, max ${max(times).toFixed(1)} ms`);
    }
    const expandHost = timed(() => snapshot!.children(snapshot!.namespaceNode({ dev: result!.nsfsDev, ino: result!.processes.get(process.pid)!.namespaces.mnt! })!.id))[1];
    console.log(`  expanding the host mount namespace (${result!.processes.size} process nodes): ${expandHost.toFixed(1)} ms`);

    // Auto-refresh back to back, as the view does it: discover, build, diff against the last tree.
    let last = snapshot!;
    const diffs: number[] = [];
    const { blockMs: discoveryOnlyMs } = await measureEventLoopBlock(async () => {
      for (let round = 0; round < rounds; round++) await discover();
    });
    const { blockMs } = await measureEventLoopBlock(async () => {
      for (let round = 0; round < rounds; round++) {
        const result = await discover();
        await new Promise((resolve) => setImmediate(resolve)); // as NamespacesView.refresh() does
        const next = buildTree(result, { grouping: 'type', herePid: process.pid });
        diffs.push(timed(() => diffTrees(last, next))[1]);
        last = next;
      }
    });
    console.log(`  refresh diff: median ${median(diffs).toFixed(1)} ms`);
    console.log(`auto-refresh x${rounds}: longest event-loop block ${blockMs.toFixed(1)} ms (target <= 50 ms; discovery alone ${discoveryOnlyMs.toFixed(1)} ms)`);
  } finally {
    fleet.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
