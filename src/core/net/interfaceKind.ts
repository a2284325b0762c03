// What sort of interface a link is, from iproute2's JSON (`ip -j -d link`).
import type { InterfaceKind } from './topology';

const KNOWN: Record<string, InterfaceKind> = {
  veth: 'veth',
  bridge: 'bridge',
  macvlan: 'macvlan',
  macvtap: 'macvtap',
  ipvlan: 'ipvlan',
  ipvtap: 'ipvlan',
  vlan: 'vlan',
  vxlan: 'vxlan',
  wireguard: 'wireguard',
  dummy: 'dummy',
  bond: 'bond',
};

export interface IpLinkKindFields {
  link_type?: string;
  linkinfo?: { info_kind?: string; info_data?: { type?: string } };
}

export function interfaceKind(link: IpLinkKindFields): InterfaceKind {
  if (link.link_type === 'loopback') return 'loopback';
  const kind = link.linkinfo?.info_kind;
  if (kind === 'tun') return link.linkinfo?.info_data?.type === 'tap' ? 'tap' : 'tun';
  if (kind !== undefined) return KNOWN[kind] ?? 'other';
  // No rtnl kind: a device a driver made (ethernet, wifi), or a tun without -d details.
  if (link.link_type === 'ether' || link.link_type === 'ieee802.11') return 'physical';
  if (link.link_type === 'none') return 'tun';
  return 'other';
}
