import { parseArgs } from 'node:util';

/** The options both benchmarks take: `--n` processes over `--namespaces` namespaces, `--rounds`. */
export function benchOptions(): { processes: number; namespaceCount: number; rounds: number } {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5000' },
      namespaces: { type: 'string', default: '1500' },
      rounds: { type: 'string', default: '5' },
    },
  });
  if (process.getuid?.() !== 0) throw new Error('the benchmarks need root (they make namespaces and see every process)');
  return { processes: Number(values.n), namespaceCount: Number(values.namespaces), rounds: Number(values.rounds) };
}
