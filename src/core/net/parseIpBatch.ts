// Parses what one `ip -j -d -s -b -` run prints for the batch in IP_BATCH: one JSON array a line
// (addresses with their links, then routes).
import { interfaceKind } from './interfaceKind';
import type { NetAddress, NetCounters, NetInterface, NetRoute } from './topology';

/**
 * The batch run inside each namespace: one process reads links, addresses and routes. Not
 * `netns list-id`: it opens every /run/netns entry to name each nsid (quadratic with many
 * namespaces); the kernel answers the nsid question instead (resolveNsids).
 */
export const IP_BATCH = 'addr show\nroute show table all\n';

export interface IpBatchResult {
  interfaces: NetInterface[];
  routes: NetRoute[];
}

interface IpAddrInfo {
  family?: string;
  local?: string;
  prefixlen?: number;
  scope?: string;
}

interface IpStats {
  bytes?: number;
  packets?: number;
  errors?: number;
  dropped?: number;
}

interface IpLink {
  ifindex: number;
  ifname: string;
  flags?: string[];
  mtu?: number;
  operstate?: string;
  link_type?: string;
  address?: string;
  master?: string;
  link?: string | null;
  link_index?: number;
  link_netnsid?: number;
  linkinfo?: {
    info_kind?: string;
    info_data?: { type?: string; id?: number; remote?: string; local?: string; group?: string; link?: string; port?: number };
  };
  addr_info?: IpAddrInfo[];
  stats64?: { rx?: IpStats; tx?: IpStats };
}

interface IpRoute {
  type?: string;
  dst?: string;
  gateway?: string;
  dev?: string;
  table?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  metric?: number;
}

export function parseIpBatch(stdout: string, namespaceKey: string): IpBatchResult {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) throw new Error(`ip printed ${lines.length} of the 2 expected JSON lines`);
  const links = JSON.parse(lines[0]) as IpLink[];
  const routes = JSON.parse(lines[1]) as IpRoute[];
  return {
    interfaces: links.map((link) => toInterface(link, namespaceKey)),
    routes: routes.filter(isShownRoute).map(toRoute),
  };
}

function toInterface(link: IpLink, namespaceKey: string): NetInterface {
  const flags = link.flags ?? [];
  const adminUp = flags.includes('UP');
  const kind = interfaceKind(link);
  const iface: NetInterface = {
    id: `${namespaceKey}/${link.ifindex}`,
    ifindex: link.ifindex,
    name: link.ifname,
    kind,
    adminUp,
    operState: link.operstate ?? 'UNKNOWN',
    state: !adminUp ? 'down' : flags.includes('NO-CARRIER') || flags.includes('M-DOWN') || link.operstate === 'LOWERLAYERDOWN' ? 'no-carrier' : 'up',
    mtu: link.mtu ?? 0,
    mac: link.address ?? '',
    addresses: (link.addr_info ?? []).filter((a) => a.local !== undefined && (a.family === 'inet' || a.family === 'inet6')).map(toAddress),
  };
  if (link.master) iface.master = link.master;
  if (typeof link.link === 'string') iface.linkName = link.link;
  if (link.link_index !== undefined) iface.linkIndex = link.link_index;
  if (link.link_netnsid !== undefined) iface.linkNetnsid = link.link_netnsid;
  if (kind === 'vxlan') {
    const data = link.linkinfo?.info_data ?? {};
    iface.vxlan = { vni: data.id, remote: data.remote, local: data.local, group: data.group, dev: data.link, port: data.port };
  }
  if (link.stats64) iface.counters = toCounters(link.stats64);
  return iface;
}

function toAddress(info: IpAddrInfo): NetAddress {
  const family = info.family === 'inet6' ? 'inet6' : 'inet';
  const prefixLength = info.prefixlen ?? (family === 'inet' ? 32 : 128);
  return { family, address: info.local!, prefixLength, scope: info.scope ?? 'global', cidr: `${info.local}/${prefixLength}` };
}

function toCounters(stats: { rx?: IpStats; tx?: IpStats }): NetCounters {
  return {
    rxBytes: stats.rx?.bytes ?? 0,
    rxPackets: stats.rx?.packets ?? 0,
    rxErrors: stats.rx?.errors ?? 0,
    rxDropped: stats.rx?.dropped ?? 0,
    txBytes: stats.tx?.bytes ?? 0,
    txPackets: stats.tx?.packets ?? 0,
    txErrors: stats.tx?.errors ?? 0,
    txDropped: stats.tx?.dropped ?? 0,
  };
}

// The local table holds one route per own address and broadcast: it repeats the addresses.
function isShownRoute(route: IpRoute): boolean {
  return route.table !== 'local';
}

function toRoute(route: IpRoute): NetRoute {
  const out: NetRoute = { dst: route.dst ?? 'default', table: route.table ?? 'main', type: route.type ?? 'unicast' };
  if (route.gateway) out.gateway = route.gateway;
  if (route.dev) out.dev = route.dev;
  if (route.protocol) out.protocol = route.protocol;
  if (route.scope) out.scope = route.scope;
  if (route.prefsrc) out.prefsrc = route.prefsrc;
  if (route.metric !== undefined) out.metric = route.metric;
  return out;
}
