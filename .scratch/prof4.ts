import { discover } from '../src/core/discovery/discover';
import { collectTopology } from '../src/core/net/collectTopology';
async function main() {
  const d = await discover();
  for (let r = 0; r < 3; r++) { const t = performance.now(); await collectTopology({ discovery: d }); console.log('collect', Math.round(performance.now() - t)); }
}
main();
