import { collectTopology } from '../src/core/net/collectTopology';
import * as fs from 'node:fs';
async function main() {
  console.log(fs.readlinkSync('/proc/1/ns/net'));
  const t = await collectTopology();
  console.log(t.namespaces.map(n => `${n.inode} ${n.label} ${n.isHost} ${n.isOwn}`));
}
main();
