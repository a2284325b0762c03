// The facts joinPrivilegeProblem weighs, read from /proc now: the target's owner, the user
// namespace that owns what is joined, Yama's ptrace scope. Unreadable facts stay unknown.
import { readFileSync, statSync } from 'node:fs';
import { parseIdMap, parseSetgroups, type IdMapRange } from '../parsers/idMap';

export function readPtraceScope(procRoot = '/proc'): number | undefined {
  try {
    const value = Number(readFileSync(`${procRoot}/sys/kernel/yama/ptrace_scope`, 'utf8').trim());
    return Number.isInteger(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The UID that owns /proc/PID: the process' effective UID, or root when it is not dumpable. */
export function processOwnerUid(pid: number, procRoot = '/proc'): number | undefined {
  try {
    return statSync(`${procRoot}/${pid}`).uid;
  } catch {
    return undefined;
  }
}

/** A process' user-namespace maps and setgroups, as the caller sees them; empty or null when unreadable. */
export function processIdMaps(pid: number, procRoot = '/proc'): { uidMap: IdMapRange[]; gidMap: IdMapRange[]; setgroups: 'allow' | 'deny' | null } {
  const read = (file: string) => {
    try {
      return readFileSync(`${procRoot}/${pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  };
  return { uidMap: parseIdMap(read('uid_map')), gidMap: parseIdMap(read('gid_map')), setgroups: parseSetgroups(read('setgroups')) };
}
