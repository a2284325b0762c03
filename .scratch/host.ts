import { discover } from '../src/core/discovery/discover';
async function main() {
  const d = await discover();
  const p1 = d.processes.get(1);
  console.log(p1 ? JSON.stringify(p1.namespaces) : 'no pid 1', [...d.namespaces.values()].filter(n => n.type === 'net').map(n => `${n.id.ino} ${n.label} ${n.pids.slice(0,3)}`));
}
main();
