// Search in the picture: a namespace by its label, netns name or inode; an interface by name,
// MAC or address (a prefix of an address or a whole CIDR). Pure, shared by the webview and tests.
import type { Topology } from './topology';

export interface SearchHits {
  namespaces: Set<string>;
  interfaces: Set<string>;
}

export function searchTopology(topology: Topology, query: string): SearchHits {
  const q = query.trim().toLowerCase();
  const hits: SearchHits = { namespaces: new Set(), interfaces: new Set() };
  if (!q) return hits;
  for (const ns of topology.namespaces) {
    if (ns.label.toLowerCase().includes(q) || ns.netnsName?.toLowerCase().includes(q) || String(ns.inode) === q) hits.namespaces.add(ns.key);
    for (const iface of ns.interfaces) {
      const byName = iface.name.toLowerCase().includes(q) || iface.mac.toLowerCase() === q;
      const byAddress = iface.addresses.some((a) => a.address.toLowerCase().startsWith(q) || a.cidr.toLowerCase() === q);
      if (byName || byAddress) hits.interfaces.add(iface.id);
    }
  }
  return hits;
}

/**
 * What decides the layout: namespaces, interfaces and wires, not states, addresses or counters.
 * Equal signatures keep the picture's positions; the webview only repaints.
 */
export function layoutSignature(topology: Topology): string {
  const parts: string[] = [];
  for (const ns of topology.namespaces) {
    parts.push(`${ns.key}|${ns.label}|${ns.interfaces.map((i) => `${i.ifindex}:${i.name}:${i.kind}:${i.addresses.length}`).join(',')}`);
  }
  parts.push(topology.wires.map((w) => w.id).join(','));
  return parts.join('\n');
}
