import { discover } from '/work/wt-topology/src/core/discovery/discover';
import { collectTopology } from '/work/wt-topology/src/core/net/collectTopology';
let t0 = performance.now();
const d = await discover();
console.log('discover ms', performance.now() - t0, d.processes.get(1)?.namespaces.net, d.processes.size);
t0 = performance.now();
const t = await collectTopology({ discovery: d });
console.log('collect ms', performance.now() - t0, t.namespaces.length);
