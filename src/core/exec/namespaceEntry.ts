// Whether a namespace or process from the last refresh still exists, and a way into it. The view
// shows a snapshot; these checks run when the user acts on an item, so an item that vanished
// since gets a clear message instead of a command line that fails.
import { readFileSync, readlinkSync, statSync } from 'node:fs';
import type { Namespace } from '../model/namespace';
import type { ProcessInfo } from '../model/process';
import type { NamespaceEntry } from './nsenterArgv';

/** How many of a namespace's processes to try before the files that hold it. */
const PROCESSES_TRIED = 32;

export function findNamespaceEntry(ns: Namespace, procRoot = '/proc'): NamespaceEntry | null {
  const link = `${ns.type}:[${ns.id.ino}]`;
  for (const pid of ns.pids.slice(0, PROCESSES_TRIED)) {
    if (readLink(`${procRoot}/${pid}/ns/${ns.type}`) === link) return { kind: 'process', pid };
  }
  const files = [
    ...ns.bindMounts.map((m) => m.path),
    ...ns.fdRefs.map((r) => `${procRoot}/${r.pid}/fd/${r.fd}`),
    ...ns.tids.map((tid) => `${procRoot}/${tid}/ns/${ns.type}`),
    ...ns.forChildrenPids.map((pid) => `${procRoot}/${pid}/ns/${ns.type}_for_children`),
  ];
  const path = files.find((file) => isNamespaceFile(file, ns));
  return path ? { kind: 'file', path } : null;
}

/**
 * A file that holds the namespace in the given mount namespace (a bind mount such as
 * /run/netns/NAME) and opens it now: a command line through it outlives every process in it.
 */
export function bindMountEntry(ns: Namespace, ownMountNamespaceIno: number | undefined): NamespaceEntry | null {
  const mount = ns.bindMounts.find((m) => m.mntns === ownMountNamespaceIno && isNamespaceFile(m.path, ns));
  return mount ? { kind: 'file', path: mount.path } : null;
}

/** The PID a way into a namespace lives by (a process, or its fd or thread), if any. */
export function entryDependsOnPid(entry: NamespaceEntry, procRoot = '/proc'): number | undefined {
  if (entry.kind === 'process') return entry.pid;
  const match = new RegExp(`^${procRoot}/(\\d+)/`).exec(entry.path);
  return match ? Number(match[1]) : undefined;
}

/** The same process: the PID exists and started at the same time (PIDs are reused). */
export function processStillRuns(process: ProcessInfo, procRoot = '/proc'): boolean {
  try {
    const stat = readFileSync(`${procRoot}/${process.pid}/stat`, 'utf8');
    // Field 22 (starttime); fields after the command, which may hold spaces, start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[22 - 3]) === process.startTicks;
  } catch {
    return false;
  }
}

function isNamespaceFile(path: string, ns: Namespace): boolean {
  try {
    const st = statSync(path);
    return st.ino === ns.id.ino && st.dev === ns.id.dev;
  } catch {
    return false;
  }
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
