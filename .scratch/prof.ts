import { readlinkSync } from 'node:fs';
import { discover } from '../src/core/discovery/discover';
import { collectTopology } from '../src/core/net/collectTopology';
import { runArgv } from '../src/core/net/runArgv';
import { ipArgv, netnsEntry } from '../src/core/net/netnsEntry';
import { IP_BATCH } from '../src/core/net/parseIpBatch';
const inode = (p: string) => Number(/\[(\d+)\]$/.exec(readlinkSync(p))![1]);
async function main() {
  const d = await discover();
  const entries = [...d.namespaces.values()].filter((n) => n.type === 'net').map((n) => netnsEntry(n, inode('/proc/self/ns/net'), inode('/proc/self/ns/mnt'))!).filter(Boolean);
  console.log('namespaces', entries.length);
  for (let r = 0; r < 2; r++) {
    let t = performance.now();
    for (const e of entries) await runArgv(ipArgv(e, ['-j', '-d', 'link', 'show']), '').catch(() => '');
    console.log('seq link', Math.round(performance.now() - t));
    t = performance.now();
    for (const e of entries) await runArgv(ipArgv(e, ['-j', '-d', '-s', '-b', '-']), IP_BATCH).catch(() => '');
    console.log('seq batch', Math.round(performance.now() - t));
    for (const c of [2, 4, 8]) {
      t = performance.now();
      let i = 0;
      await Promise.all(Array.from({ length: c }, async () => { while (i < entries.length) { const e = entries[i++]; await runArgv(ipArgv(e, ['-j', '-d', '-s', '-b', '-']), IP_BATCH).catch(() => ''); } }));
      console.log('par batch', c, Math.round(performance.now() - t));
    }
    t = performance.now();
    await collectTopology({ discovery: d });
    console.log('collect', Math.round(performance.now() - t));
  }
}
main();
