import { parseArgs } from 'node:util';

export type FleetKind = 'dense' | 'sparse';

/**
 * The options the benchmarks take: `--n` processes over `--namespaces` namespaces (the dense
 * fleet), `--sparse-n` processes mostly in the host's namespaces (the sparse fleet of issue #18),
 * `--fleet dense|sparse|both` (the benches that know both), `--rounds`.
 */
export function benchOptions(): { processes: number; namespaceCount: number; sparseProcesses: number; fleets: FleetKind[]; rounds: number } {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5000' },
      namespaces: { type: 'string', default: '1500' },
      rounds: { type: 'string', default: '5' },
      'sparse-n': { type: 'string', default: '3000' },
      fleet: { type: 'string', default: 'both' },
    },
  });
  const fleet = values.fleet;
  if (fleet !== 'dense' && fleet !== 'sparse' && fleet !== 'both') throw new Error(`--fleet ${fleet}: dense, sparse or both`);
  const fleets: FleetKind[] = fleet === 'both' ? ['dense', 'sparse'] : [fleet];
  if (process.getuid?.() !== 0) throw new Error('the benchmarks need root (they make namespaces and see every process)');
  return {
    processes: Number(values.n),
    namespaceCount: Number(values.namespaces),
    sparseProcesses: Number(values['sparse-n']),
    fleets,
    rounds: Number(values.rounds),
  };
}
