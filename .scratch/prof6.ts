import { runArgv } from '../src/core/net/runArgv';
import { IP_BATCH } from '../src/core/net/parseIpBatch';
async function main() {
  const names = Array.from({ length: 200 }, (_, i) => `nsi-prof-${i}`);
  const par = async (c: number, argv: (n: string) => string[]) => { const t = performance.now(); let i = 0; await Promise.all(Array.from({ length: c }, async () => { while (i < names.length) { const n = names[i++]; await runArgv(argv(n), IP_BATCH); } })); return Math.round(performance.now() - t); };
  for (let r = 0; r < 4; r++) {
    const a = await par(1, (n) => ['ip', '-n', n, '-j', '-d', 'link', 'show']);
    const b = await par(8, (n) => ['ip', '-n', n, '-j', '-d', '-s', '-b', '-']);
    const c = await par(8, (n) => ['nsenter', `--net=/run/netns/${n}`, '--', 'ip', '-j', '-d', '-s', '-b', '-']);
    const d = await par(1, (n) => ['nsenter', `--net=/run/netns/${n}`, '--', 'ip', '-j', '-d', '-s', '-b', '-']);
    console.log(`peer seq ip -n link ${a} | ip -n batch c8 ${b} | nsenter batch c8 ${c} | nsenter batch seq ${d}`);
  }
}
main();
