// The wires between interfaces: veth peers (across namespaces through the link's nsid, resolved
// to the real namespace), bridge ports, macvlan/ipvlan/vlan parents and vxlan underlays.
import type { NetInterface, NetNamespaceNode, Wire, WireKind } from './topology';

/** For each namespace key: what its nsids stand for (nsid → namespace key). */
export type NsidMaps = Map<string, Map<number, string>>;

export interface WireResult {
  wires: Wire[];
  /** "ns label/ifname": links whose other end is in no namespace we could read. */
  dangling: string[];
}

export function resolveWires(namespaces: readonly NetNamespaceNode[], nsids: NsidMaps): WireResult {
  const byKey = new Map(namespaces.map((ns) => [ns.key, ns]));
  const byIndex = new Map<string, NetInterface>();
  for (const ns of namespaces) for (const iface of ns.interfaces) byIndex.set(iface.id, iface);
  const wires = new Map<string, Wire>();
  const dangling: string[] = [];
  const add = (kind: WireKind, from: NetInterface, to: NetInterface) => {
    // A veth pair is seen from both ends: one wire, named by its ends in a fixed order.
    const [a, b] = kind === 'veth' && to.id < from.id ? [to, from] : [from, to];
    const id = `${kind}:${a.id}~${b.id}`;
    if (!wires.has(id)) wires.set(id, { id, kind, from: a.id, to: b.id });
  };
  for (const ns of namespaces) {
    const byName = new Map(ns.interfaces.map((iface) => [iface.name, iface]));
    for (const iface of ns.interfaces) {
      if (iface.master) {
        const master = byName.get(iface.master);
        if (master) add('bridge', iface, master);
      }
      if (iface.kind === 'vxlan' && iface.vxlan?.dev) {
        const underlay = byName.get(iface.vxlan.dev);
        if (underlay) add('vxlan', iface, underlay);
      }
      const other = linkedInterface(ns, iface, byName, byKey, byIndex, nsids);
      if (other === undefined) continue;
      if (other === null) {
        dangling.push(`${ns.label}/${iface.name}`);
        continue;
      }
      add(iface.kind === 'veth' ? 'veth' : 'parent', iface, other);
    }
  }
  return { wires: [...wires.values()], dangling };
}

/** The peer or parent link: undefined when the interface has none, null when it cannot be found. */
function linkedInterface(
  ns: NetNamespaceNode,
  iface: NetInterface,
  byName: Map<string, NetInterface>,
  byKey: Map<string, NetNamespaceNode>,
  byIndex: Map<string, NetInterface>,
  nsids: NsidMaps,
): NetInterface | null | undefined {
  if (iface.linkName !== undefined) return byName.get(iface.linkName) ?? null;
  if (iface.linkIndex === undefined || iface.linkIndex === 0) return undefined;
  // An ifindex-only link in the same namespace (ip prints no name when it cannot resolve it).
  if (iface.linkNetnsid === undefined) return byIndex.get(`${ns.key}/${iface.linkIndex}`) ?? null;
  const otherKey = nsids.get(ns.key)?.get(iface.linkNetnsid);
  if (otherKey === undefined || !byKey.has(otherKey)) return null;
  return byIndex.get(`${otherKey}/${iface.linkIndex}`) ?? null;
}

/** Every interface by its ifindex, with its namespace: what nsidCandidates looks through. */
export type IfindexIndex = Map<number, Array<{ ns: NetNamespaceNode; iface: NetInterface }>>;

export function indexByIfindex(namespaces: readonly NetNamespaceNode[]): IfindexIndex {
  const index: IfindexIndex = new Map();
  for (const ns of namespaces) {
    for (const iface of ns.interfaces) {
      const list = index.get(iface.ifindex);
      if (list) list.push({ ns, iface });
      else index.set(iface.ifindex, [{ ns, iface }]);
    }
  }
  return index;
}

/**
 * Namespaces that may be what `iface`'s nsid stands for: those with an interface at its link
 * index that links back (for a veth) — so the nsid question is asked of few namespaces.
 */
export function nsidCandidates(ns: NetNamespaceNode, iface: NetInterface, index: IfindexIndex): NetNamespaceNode[] {
  return (index.get(iface.linkIndex ?? -1) ?? [])
    .filter(({ ns: other, iface: there }) => other.key !== ns.key && (iface.kind !== 'veth' || (there.linkIndex === iface.ifindex && there.linkNetnsid !== undefined)))
    .map(({ ns: other }) => other);
}
