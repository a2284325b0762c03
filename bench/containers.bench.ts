/**
 * node --import tsx bench/containers.bench.ts [--containers 20] [--rounds 9]
 *
 * What the engines cost a refresh: with real Docker containers running, times the view's refresh
 * as it is (discover(), then the cached engine answers applied and the staleness check) against
 * discover() alone, in alternating rounds; also the attribution step alone and one background
 * ask of the engines (which no refresh waits for). Target: the engine layer adds at most 10%.
 * Starts dockerd/containerd only if they are not running, and removes what it started.
 */
import { parseArgs } from 'node:util';
import { discover } from '../src/core/discovery/discover';
import { Attribution } from '../src/core/discovery/attributeContainers';
import { ContainerCatalog, containersOf } from '../src/core/containers/containerCatalog';
import { EngineLab, TAG } from '../test/integration/support/engines';

const { values } = parseArgs({ options: { containers: { type: 'string', default: '20' }, rounds: { type: 'string', default: '15' } } });
const count = Number(values.containers);
const rounds = Number(values.rounds);
if (process.getuid?.() !== 0) throw new Error('the container benchmark needs root');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function main(): Promise<void> {
  const lab = new EngineLab();
  try {
    await lab.docker();
    for (let i = 0; i < count; i++) lab.dockerRun(`${TAG}-bench-${i}`, ['--label', `com.docker.compose.project=bench${i % 4}`]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const catalog = new ContainerCatalog();
    const first = await discover();
    let start = process.hrtime.bigint();
    await catalog.refresh(first);
    const askMs = ms(start);
    catalog.apply(first);
    const named = [...containersOf(first)].filter((ref) => ref.facts).length;
    const plain: number[] = [];
    const withEngines: number[] = [];
    const attribution: number[] = [];
    const engineLayer: number[] = [];
    for (let round = 0; round < rounds; round++) {
      start = process.hrtime.bigint();
      await discover();
      plain.push(ms(start));
      start = process.hrtime.bigint();
      const result = await discover();
      const applyStart = process.hrtime.bigint();
      catalog.apply(result);
      if (catalog.stale(result, Date.now())) void catalog.refresh(result);
      engineLayer.push(ms(applyStart));
      withEngines.push(ms(start));
      start = process.hrtime.bigint();
      const again = new Attribution(result.processes);
      for (const pid of result.processes.keys()) again.of(pid);
      attribution.push(ms(start));
    }
    const result = await discover();
    const a = median(plain);
    const b = median(withEngines);
    console.log(`host: ${result.processes.size} processes, ${containersOf(result).size} containers (${named} named by Docker)`);
    console.log(`discover():                          median ${a.toFixed(1)} ms`);
    console.log(`discover() + cached engine answers:  median ${b.toFixed(1)} ms (${(((b - a) / a) * 100).toFixed(1)}%, target <= 10%)`);
    console.log(`the engine layer alone (apply + staleness check): median ${median(engineLayer).toFixed(3)} ms (${((median(engineLayer) / a) * 100).toFixed(2)}% of discover())`);
    console.log(`attribution step alone:              median ${median(attribution).toFixed(2)} ms`);
    console.log(`one background ask of Docker (${count} containers): ${askMs.toFixed(1)} ms (no refresh waits for it)`);
  } finally {
    await lab.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
