// A process' PID in every PID namespace from the reader's down to its own (NSpid), and the same
// for its threads (task/TID/status) and its children (task/TID/children, every thread's: a child's
// parent is the thread that forked it).
import { parseStatus } from '../parsers/status';
import type { PidChain, PidTranslation } from './inspectTypes';

type Read = (path: string) => string | null;

function chainOf(read: Read, statusPath: string, pid: number): (PidChain & { name: string }) | null {
  const text = read(statusPath);
  const status = text === null ? null : parseStatus(text);
  if (!status) return null;
  return { pid, nspid: status.nspid.length ? status.nspid : [pid], name: status.name };
}

/** `listTasks` lists the TIDs of /proc/PID/task; `pidNamespaces` the chain's inodes, outermost first. */
export function translatePids(procRoot: string, pid: number, read: Read, listTasks: () => number[], pidNamespaces: (number | null)[]): PidTranslation | null {
  const process = chainOf(read, `${procRoot}/${pid}/status`, pid);
  if (!process) return null;
  const threads: (PidChain & { name: string })[] = [];
  const childPids = new Set<number>();
  for (const tid of listTasks().sort((a, b) => a - b)) {
    const thread = chainOf(read, `${procRoot}/${pid}/task/${tid}/status`, tid);
    if (thread) threads.push(thread);
    for (const child of (read(`${procRoot}/${pid}/task/${tid}/children`) ?? '').trim().split(/\s+/)) if (/^\d+$/.test(child)) childPids.add(Number(child));
  }
  const children = [...childPids].sort((a, b) => a - b).flatMap((child) => chainOf(read, `${procRoot}/${child}/status`, child) ?? []);
  const depth = process.nspid.length;
  const namespaces = pidNamespaces.length === depth ? pidNamespaces : Array.from({ length: depth }, (_, i) => pidNamespaces[pidNamespaces.length - depth + i] ?? null);
  return { namespaces, process: { pid: process.pid, nspid: process.nspid }, threads, children };
}
