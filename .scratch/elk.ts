import ELK from 'elkjs/lib/elk.bundled.js';
async function main() {
  const N = 200, P = 400;
  const edges: any[] = [];
  for (let k = 0; k < P; k++) { const a = k % N; const b = (a + 1 + ((k * 7 + Math.floor(k / N) * 13) % (N - 1))) % N; edges.push({ id: 'e' + k, sources: ['n' + a], targets: ['n' + b] }); }
  const children = Array.from({ length: N }, (_, i) => ({ id: 'n' + i, width: 230, height: 150 }));
  const elk = new ELK();
  for (const [name, opts] of Object.entries({
    layered: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES', 'elk.separateConnectedComponents': 'true', 'elk.aspectRatio': '1.6' },
    layeredFast: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES', 'elk.layered.crossingMinimization.strategy': 'NONE', 'elk.layered.nodePlacement.strategy': 'SIMPLE', 'elk.layered.thoroughness': '1', 'elk.aspectRatio': '1.6', 'elk.edgeRouting': 'POLYLINE' },
    layeredLS: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.layered.thoroughness': '1', 'elk.layered.nodePlacement.strategy': 'SIMPLE', 'elk.layered.layering.strategy': 'LONGEST_PATH', 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': '1.6' },
    stress: { 'elk.algorithm': 'stress' },
    force: { 'elk.algorithm': 'force', 'elk.force.iterations': '100' },
    rectpacking: { 'elk.algorithm': 'rectpacking' },
  })) {
    const t0 = performance.now();
    const r = await elk.layout({ id: 'root', layoutOptions: opts as any, children: JSON.parse(JSON.stringify(children)), edges: JSON.parse(JSON.stringify(edges)) });
    console.log(name, Math.round(performance.now() - t0), 'ms', Math.round(r.width!), 'x', Math.round(r.height!));
  }
}
main();
