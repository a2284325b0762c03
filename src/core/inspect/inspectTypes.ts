// What "Inspect Process" shows about one process: the shape of `nsinspect inspect PID --json`
// (docs/inspect.schema.json documents it) and of what the panel draws. Every string read from the
// host (comm, paths, labels, mount sources, addresses of unix sockets) is hostile: escape to show.
import type { ContainerEngine } from '../model/container';

export const INSPECT_SCHEMA_VERSION = 1;

/** One capability set, decoded. */
export interface CapabilitySet {
  /** The mask as the kernel prints it (16 hex digits). */
  mask: string;
  /** Names ("CAP_NET_ADMIN"), lowest bit first; bits this table does not know as "CAP_<bit>". */
  names: string[];
}

export interface Capabilities {
  effective: CapabilitySet;
  permitted: CapabilitySet;
  inheritable: CapabilitySet;
  bounding: CapabilitySet;
  ambient: CapabilitySet;
  /** The bounding set compared with Docker's default container set (see dockerDefaults.ts). */
  versusDefault: {
    source: string;
    /** In the bounding set but not in the default set: what this process was given on top. */
    added: string[];
    /** In the default set but not in the bounding set: what was dropped. */
    dropped: string[];
  };
}

/** A PID in each PID namespace, outermost (the reader's) first. */
export interface PidChain {
  pid: number;
  nspid: number[];
}

export interface PidTranslation {
  /** Inode of each PID namespace of the chain, outermost first, where the kernel told (else null). */
  namespaces: (number | null)[];
  process: PidChain;
  threads: (PidChain & { name: string })[];
  children: (PidChain & { name: string })[];
}

/** One ID (real, effective, saved or filesystem) on the host and inside the process' user namespace. */
export interface TranslatedIdentity {
  role: 'real' | 'effective' | 'saved' | 'filesystem';
  host: number;
  /** null: not mapped into its user namespace (it shows as the overflow ID there). */
  inside: number | null;
}

export interface Identity {
  userNamespace: number | null;
  uids: TranslatedIdentity[];
  gids: TranslatedIdentity[];
  /** Supplementary groups as host GIDs. */
  groups: number[];
}

export interface Security {
  noNewPrivs: boolean;
  /** 0 disabled, 1 strict, 2 filter (proc(5)). */
  seccompMode: 0 | 1 | 2 | null;
  seccomp: 'disabled' | 'strict' | 'filter' | 'unknown';
  seccompFilters: number | null;
  /** The LSM label from /proc/PID/attr/current (SELinux, Smack...) and attr/apparmor/current. */
  lsm: { module: string; label: string }[];
}

/** One controller's limit and use, in the unit the kernel gives (bytes, microseconds, count). */
export interface CgroupLimit {
  resource: 'memory' | 'cpu' | 'pids';
  /** "v1" or "v2": which hierarchy it came from. */
  version: 'v1' | 'v2';
  /** The cgroup folder read. */
  path: string;
  /** null: no limit ("max", or v1's unlimited). */
  limit: number | null;
  /** Current use; for cpu the period (quota per period is the limit). */
  current: number | null;
  /** cpu only: the period in microseconds. */
  period?: number | null;
}

export interface CgroupFacts {
  /** The lines of /proc/PID/cgroup. */
  entries: { hierarchyId: number; controllers: string[]; path: string }[];
  limits: CgroupLimit[];
}

export interface Rlimit {
  name: string;
  soft: number | null;
  hard: number | null;
  unit: string;
}

export interface ProcessSocket {
  protocol: 'tcp' | 'udp' | 'unix';
  family: 'inet' | 'inet6' | 'unix';
  /** "listen" (TCP LISTEN, unconnected UDP, listening unix), else the TCP state name or "connected". */
  state: string;
  listening: boolean;
  local: string;
  remote: string | null;
  inode: number;
}

export interface MountNode {
  mountId: number;
  parentId: number;
  mountPoint: string;
  root: string;
  source: string;
  fsType: string;
  options: string;
  superOptions: string;
  /** "shared:N", "master:N", "propagate_from:N", "unbindable", or "private" when none. */
  propagation: string[];
  /** Another mount sits on the same mount point on top of this one: hidden from paths. */
  overmounted: boolean;
  /** Hidden because an ancestor is overmounted. */
  hidden: boolean;
  children: MountNode[];
}

export interface ContainerOfProcess {
  engine: ContainerEngine;
  id: string;
  name: string;
  image: string | null;
  state: string | null;
  /** Whether this process is the container's main (lowest host PID) process. */
  main: boolean;
  mainPid: number;
}

export interface InspectReport {
  schemaVersion: number;
  pid: number;
  /** Start time in clock ticks since boot: with the PID, it names one process (PIDs are reused). */
  startTicks: number;
  command: string;
  cmdline: string[];
  ppid: number;
  state: string;
  namespaces: Record<string, number>;
  container: ContainerOfProcess | null;
  pids: PidTranslation;
  identity: Identity;
  capabilities: Capabilities;
  security: Security;
  cgroup: CgroupFacts;
  rlimits: Rlimit[];
  root: string | null;
  cwd: string | null;
  sockets: ProcessSocket[];
  mounts: MountNode[];
  /** Facts that could not be read, with why (a permission, a vanished file); never silent. */
  unreadable: { what: string; why: string }[];
  /** Only on explicit request (it holds secrets): "NAME=value" strings. */
  environment?: string[];
}
