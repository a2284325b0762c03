import type { ContainerRef } from './container';
import type { NsType } from './nsType';

/** One process as discovery saw it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The short name (comm) from /proc/PID/stat. */
  command: string;
  /**
   * argv from /proc/PID/cmdline; empty for kernel threads. At most its first CMDLINE_CAP (4096)
   * bytes: a process picks its argv, and one of megabytes would cost that much in every scan.
   */
  cmdline: string[];
  /** The command line was longer than CMDLINE_CAP bytes: `cmdline` is its start. */
  cmdlineTruncated: boolean;
  /** Owner of /proc/PID: the effective UID, as lsns and ps show it (root for non-dumpable processes). */
  uid: number;
  /** Start time in clock ticks since boot (field 22 of /proc/PID/stat). */
  startTicks: number;
  /** Its PID in every PID namespace from the host's down to its own ("NSpid:"). */
  nspid: number[];
  /** The unified (v2) cgroup path, or the first v1 path when there is no v2 entry. */
  cgroup: string;
  container: ContainerRef | null;
  /** Thread count (num_threads in stat). */
  threads: number;
  /** Inode of the namespace of each type it is in (all on the one nsfs device). */
  namespaces: Partial<Record<NsType, number>>;
}
