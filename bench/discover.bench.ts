/**
 * npm run bench [-- --n 10000] [--namespaces 1500] [--sparse-n 3000] [--fleet both] [--rounds 5]
 *
 * Times `nsinspect discover --json` against `lsns -J` on the same host, in alternating runs, over
 * each fleet in turn: the dense one (sleeping processes in many namespaces) and the sparse one
 * (most processes in the host's namespaces, issue #18); then measures an in-process discovery's
 * longest event-loop block and peak memory. Kills every process it started.
 */
import { benchOptions } from './benchOptions';
import { spawnSync } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { discover } from '../src/core/discovery/discover';
import { startFleet, stopFleet } from './spawnFleet';
import { measureEventLoopBlock } from './eventLoopBlock';
import { waitForQuietHost } from './waitForQuietHost';
import { measureKernelFloor } from './kernelFloor';

const options = benchOptions();
const { rounds } = options;
if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');

/** Wall time in ms and peak RSS in MiB of one command, from GNU time. */
function timed(argv: string[]): { ms: number; peakMiB: number } {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed: ${run.stderr}`);
  const kib = Number(run.stderr.trim().split('\n').pop());
  return { ms, peakMiB: kib / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  for (const kind of options.fleets) await measureFleet(kind);
}

async function measureFleet(kind: 'dense' | 'sparse'): Promise<void> {
  const fleet = await startFleet(kind, options);
  try {
    const settled = await waitForQuietHost();
    console.log(`host settled after ${(settled.waitedMs / 1000).toFixed(0)} s (CPU ${(settled.busy * 100).toFixed(0)}% busy)`);
    const ours: { ms: number; peakMiB: number }[] = [];
    const theirs: { ms: number; peakMiB: number }[] = [];
    // The command as installed (the package's bin): its first lines start node the way users get it.
    const nsinspect = ['dist/cli.js', 'discover', '--json'];
    timed(nsinspect); // warm the page cache for node and the bundle
    for (let round = 0; round < rounds; round++) {
      ours.push(timed(nsinspect));
      theirs.push(timed(['lsns', '-J']));
      console.log(`round ${round + 1}: nsinspect ${ours.at(-1)!.ms.toFixed(0)} ms, lsns -J ${theirs.at(-1)!.ms.toFixed(0)} ms`);
    }
    const { blockMs, result, peakMiB } = await measureEventLoopBlock(() => discover());
    // The view's refresh: discovery from the last one (known processes read only in part).
    const incremental = await measureEventLoopBlock(() => discover({ previous: result }));
    // CPU of the whole process (the scan's threads too): a full discovery against one from the last.
    const cpuMs = async (work: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await work();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    };
    const fullCpu: number[] = [];
    const incrementalCpu: number[] = [];
    for (let round = 0; round < rounds; round++) {
      fullCpu.push(await cpuMs(() => discover()));
      incrementalCpu.push(await cpuMs(() => discover({ previous: result })));
    }
    const oursMs = median(ours.map((r) => r.ms));
    const theirsMs = median(theirs.map((r) => r.ms));
    console.log('');
    console.log(`== ${fleet.title}`);
    console.log(`host: ${result.processes.size} processes, ${result.namespaces.size} namespaces found`);
    console.log(`nsinspect discover --json: median ${oursMs.toFixed(0)} ms, peak ${median(ours.map((r) => r.peakMiB)).toFixed(0)} MiB`);
    console.log(`lsns -J:                   median ${theirsMs.toFixed(0)} ms, peak ${median(theirs.map((r) => r.peakMiB)).toFixed(0)} MiB`);
    console.log(`ratio: nsinspect takes ${(oursMs / theirsMs).toFixed(2)}x the time of lsns -J, ${(theirsMs / oursMs).toFixed(2)}x as fast (target <= 0.25x)`);
    const floor = measureKernelFloor(readlinkSync('/proc/self/ns/pid'));
    const reads = Object.entries(floor.perRead).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`).join(', ');
    console.log(`the floor: the kernel's time for the facts read, ${floor.processes} processes: ${reads} ms of system CPU ` +
      `(${floor.systemMs.toFixed(0)} ms; ${floor.spreadMs.toFixed(0)} ms over every CPU) + Node.js start ${floor.nodeStartMs.toFixed(0)} ms ` +
      `= ${(floor.spreadMs + floor.nodeStartMs).toFixed(0)} ms at best, ${((floor.spreadMs + floor.nodeStartMs) / theirsMs).toFixed(2)}x lsns -J, ` +
      `before any parsing or output`);
    console.log(`in-process discover(): longest event-loop block ${blockMs.toFixed(1)} ms (target <= 50 ms), peak RSS ${peakMiB.toFixed(0)} MiB`);
    console.log(`in-process discover({ previous }): longest event-loop block ${incremental.blockMs.toFixed(1)} ms (target <= 50 ms)`);
    console.log(`in-process CPU: full discovery median ${median(fullCpu).toFixed(0)} ms, from the last one ${median(incrementalCpu).toFixed(0)} ms ` +
      `(${(median(incrementalCpu) / median(fullCpu)).toFixed(2)}x)`);
    console.log('');
  } finally {
    await stopFleet(fleet);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
