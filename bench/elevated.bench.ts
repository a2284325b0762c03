/**
 * node --import tsx bench/elevated.bench.ts [--n 5000] [--namespaces 1500] [--sparse-n 3000] [--fleet both] [--rounds 5]
 *
 * Elevated discovery (the helper's snapshot, parsed and run through the pipeline) against
 * discovery as root and against `lsns -J`, in alternating rounds in one process, over each fleet
 * in turn (the dense one and the sparse one of issue #18). Needs root. Kills every process it started.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { benchOptions } from './benchOptions';
import { discover } from '../src/core/discovery/discover';
import { parseHelperSnapshot } from '../src/core/discovery/helperSnapshot';
import { startFleet, stopFleet } from './spawnFleet';

const options = benchOptions();
const { rounds } = options;
const HELPER = resolve('helper/nsinspect-helper');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(work: () => Promise<T> | T): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function snapshotText(): string {
  const run = spawnSync('/bin/sh', [HELPER, 'snapshot'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`snapshot failed: ${run.stderr}`);
  return run.stdout;
}

async function main(): Promise<void> {
  for (const kind of options.fleets) await measureFleet(kind);
}

async function measureFleet(kind: 'dense' | 'sparse'): Promise<void> {
  const fleet = await startFleet(kind, options);
  try {
    const rows = { root: [] as number[], snapshot: [] as number[], parseAndDiscover: [] as number[], lsns: [] as number[] };
    await discover();
    let bytes = 0;
    for (let round = 0; round < rounds; round++) {
      rows.root.push(await time(() => discover()));
      let text = '';
      rows.snapshot.push(await time(() => (text = snapshotText())));
      bytes = text.length;
      rows.parseAndDiscover.push(await time(() => discover({ snapshot: parseHelperSnapshot(text) })));
      rows.lsns.push(await time(() => spawnSync('lsns', ['-J'], { maxBuffer: 1 << 30 })));
      console.log(`round ${round + 1}: root ${rows.root.at(-1)!.toFixed(0)} ms, snapshot ${rows.snapshot.at(-1)!.toFixed(0)} ms + parse/discover ${rows.parseAndDiscover.at(-1)!.toFixed(0)} ms, lsns -J ${rows.lsns.at(-1)!.toFixed(0)} ms`);
    }
    const root = median(rows.root);
    const elevated = median(rows.snapshot) + median(rows.parseAndDiscover);
    console.log('');
    console.log(`== ${fleet.title}`);
    console.log(`snapshot: ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`discovery as root (in process): median ${root.toFixed(0)} ms`);
    console.log(`elevated: helper snapshot median ${median(rows.snapshot).toFixed(0)} ms + parse and pipeline ${median(rows.parseAndDiscover).toFixed(0)} ms = ${elevated.toFixed(0)} ms (${(elevated / root).toFixed(2)}x root discovery; target <= 1.5x)`);
    console.log(`lsns -J: median ${median(rows.lsns).toFixed(0)} ms (elevated is ${(median(rows.lsns) / elevated).toFixed(2)}x as fast)`);
    console.log('');
  } finally {
    await stopFleet(fleet);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
