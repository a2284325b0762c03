import { collectTopology } from '/work/wt-topology/src/core/net/collectTopology';
const t0 = performance.now();
const t = await collectTopology();
console.log('ms', performance.now() - t0);
for (const ns of t.namespaces) console.log(ns.label, ns.labelSource, ns.isHost, ns.error ?? '', ns.interfaces.map(i => `${i.name}:${i.kind}:${i.state}:${i.addresses.map(a=>a.cidr)}`).join(' '), ns.sockets.map(s=>`${s.protocol}:${s.port}:${s.command}`).join(','));
console.log(t.wires, t.danglingLinks, t.warnings);
