async function main() {


let t0 = performance.now();
const d = await discover();
console.log('discover ms', performance.now() - t0, d.processes.get(1)?.namespaces.net, d.processes.size);
t0 = performance.now();
const t = await collectTopology({ discovery: d });
console.log('collect ms', performance.now() - t0, t.namespaces.length);
}
import { discover } from '../src/core/discovery/discover';
import { collectTopology } from '../src/core/net/collectTopology';
main();
