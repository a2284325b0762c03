// The network topology model: every network namespace with its interfaces, addresses, routes
// and listening sockets, and the wires between interfaces (veth peers, bridge ports, parents).
// Plain data (JSON-safe): the webview gets it as is.

export type InterfaceKind =
  | 'loopback'
  | 'veth'
  | 'bridge'
  | 'macvlan'
  | 'macvtap'
  | 'ipvlan'
  | 'vlan'
  | 'vxlan'
  | 'tun'
  | 'tap'
  | 'wireguard'
  | 'dummy'
  | 'bond'
  | 'physical'
  | 'other';

export interface NetAddress {
  family: 'inet' | 'inet6';
  address: string;
  prefixLength: number;
  scope: string;
  /** address/prefixLength */
  cidr: string;
}

export interface NetRoute {
  /** "default" or a prefix. */
  dst: string;
  gateway?: string;
  /** Interface name the route goes out through. */
  dev?: string;
  table: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  metric?: number;
  type: string;
}

export interface NetCounters {
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDropped: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
}

export interface NetInterface {
  /** "<namespace key>/<ifindex>": unique across the topology. */
  id: string;
  ifindex: number;
  name: string;
  kind: InterfaceKind;
  /** Administratively up (the UP flag). */
  adminUp: boolean;
  /** The kernel's operstate: UP, DOWN, UNKNOWN (loopback, tun), LOWERLAYERDOWN, ... */
  operState: string;
  /** What the picture shows: up (carrier and UP), down (not UP), no-carrier (UP but no link). */
  state: 'up' | 'down' | 'no-carrier';
  mtu: number;
  mac: string;
  addresses: NetAddress[];
  /** The bridge (or bond) this interface is enslaved to, by name, in the same namespace. */
  master?: string;
  /** The peer or parent link: by name when in the same namespace, else ifindex + nsid. */
  linkName?: string;
  linkIndex?: number;
  linkNetnsid?: number;
  /** VXLAN id, remote/local/group and underlay device. */
  vxlan?: { vni?: number; remote?: string; local?: string; group?: string; dev?: string; port?: number };
  counters?: NetCounters;
}

export interface NetSocket {
  protocol: 'tcp' | 'udp';
  family: 'inet' | 'inet6';
  address: string;
  port: number;
  inode: number;
  /** The process holding it, when one in this namespace does. */
  pid?: number;
  command?: string;
}

export type LabelSource = 'host' | 'netns' | 'container' | 'session' | 'process' | 'file';

export interface NetNamespaceNode {
  /** "dev:ino", the same key the Namespaces view uses. */
  key: string;
  inode: number;
  label: string;
  labelSource: LabelSource;
  /** The `ip netns` name, when it is bind-mounted under /run/netns. */
  netnsName?: string;
  isHost: boolean;
  /** Whether VS Code (the collector) runs in it. */
  isOwn: boolean;
  /** A path that opens the namespace (/run/netns/NAME, /proc/PID/ns/net, /proc/PID/fd/N). */
  path: string;
  pids: number[];
  interfaces: NetInterface[];
  routes: NetRoute[];
  sockets: NetSocket[];
  /** Why it could not be read (then it has no interfaces). */
  error?: string;
}

export type WireKind = 'veth' | 'bridge' | 'parent' | 'vxlan';

/** A wire between two interfaces: veth peers, a port and its bridge, a child and its parent link. */
export interface Wire {
  id: string;
  kind: WireKind;
  /** Interface ids; for 'bridge' from is the port and to the bridge, for 'parent'/'vxlan' to is the parent/underlay. */
  from: string;
  to: string;
}

export interface Topology {
  namespaces: NetNamespaceNode[];
  wires: Wire[];
  /** Interfaces whose peer or parent could not be found (e.g. in a namespace we cannot see). */
  danglingLinks: string[];
  warnings: string[];
  collectedAt: number;
  /** Read as root through the privileged helper (net-read), for a user who could not enter them. */
  readThroughHelper?: boolean;
}
