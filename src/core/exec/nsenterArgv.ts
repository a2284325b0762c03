// nsenter(1) command lines that enter a namespace or all namespaces of a process.
import type { NsType } from '../model/nsType';
import { NAMESPACE_OPTION, OPTION_ORDER } from './namespaceOptions';

/** A way into a namespace that works right now: a process in it, or a file that is it. */
export type NamespaceEntry = { kind: 'process'; pid: number } | { kind: 'file'; path: string };

export function nsenterNamespaceArgv(type: NsType, entry: NamespaceEntry): string[] {
  return entry.kind === 'process'
    ? ['nsenter', '--target', String(entry.pid), NAMESPACE_OPTION[type]]
    : ['nsenter', `${NAMESPACE_OPTION[type]}=${entry.path}`];
}

/** Every namespace of a process, the way `docker exec` would see it. */
export function nsenterProcessArgv(pid: number): string[] {
  return ['nsenter', '--target', String(pid), '--all'];
}

/** Where a shell joins namespaces: a live process' (some or all), or one namespace held by a file. */
export type NsenterTarget =
  | { kind: 'process'; pid: number; namespaces: Partial<Record<NsType, number>> }
  | { kind: 'file'; path: string; type: NsType };

export interface NsenterCommandRequest {
  target: NsenterTarget;
  /** Types of a process target to join; all that differ from the caller's when absent. */
  types?: readonly NsType[];
  /** The caller's own namespaces (type → inode): one it is already in is not joined again. */
  own: Partial<Record<NsType, number>>;
  /** Keep the caller's uid and gid in a joined user namespace instead of becoming root there. */
  preserveCredentials?: boolean;
  /**
   * With the PID namespace but not the mount namespace joined: run the command in a mount
   * namespace of its own with a /proc of the joined PID namespace (ps, top, ss -p, strace -p see
   * the inner PIDs; the host's /proc would make ps fail with "lookup self").
   */
  privateProc?: boolean;
  command: readonly string[];
}

export type NsenterResult = { ok: true; argv: string[]; joined: NsType[] } | { ok: false; message: string };

/**
 * "Host tools": the target's network, PID, UTS and IPC namespaces with the host's filesystem, so
 * ip, ss, strace and tcpdump from the host work against a container that has none of them.
 */
export const HOST_TOOLS_TYPES: readonly NsType[] = ['net', 'pid', 'uts', 'ipc'];


export function nsenterCommandArgv(request: NsenterCommandRequest): NsenterResult {
  if (request.command.length === 0 || request.command[0] === '') return { ok: false, message: 'No program to run inside.' };
  const target = request.target;
  if (target.kind === 'file') {
    return { ok: true, argv: ['nsenter', `${NAMESPACE_OPTION[target.type]}=${target.path}`, '--', ...request.command], joined: [target.type] };
  }
  const joined = joinedTypes(target, request);
  if (!Array.isArray(joined)) return joined;
  const argv = ['nsenter', '--target', String(target.pid), ...joined.map((t) => NAMESPACE_OPTION[t])];
  if (joined.includes('user') && request.preserveCredentials) argv.push('--preserve-credentials');
  // In its mount namespace, also take the target's root and working directory: a container that
  // pivoted or chrooted shows its own filesystem, not the mount namespace's root.
  if (joined.includes('mnt')) argv.push('--root', '--wd');
  argv.push('--', ...withPrivateProc(request, joined));
  return { ok: true, argv, joined };
}

/** The types of a process target that are joined, in a stable order; a message when there are none. */
export function joinedTypes(target: NsenterTarget & { kind: 'process' }, request: Pick<NsenterCommandRequest, 'types' | 'own'>): NsType[] | { ok: false; message: string } {
  const wanted = request.types ?? OPTION_ORDER;
  // setns() into one's own user namespace fails, and joining any other one again is a no-op.
  const joined = OPTION_ORDER.filter((t) => wanted.includes(t) && target.namespaces[t] !== undefined && target.namespaces[t] !== request.own[t]);
  if (joined.length === 0) {
    return { ok: false, message: `Process ${target.pid} shares the chosen namespaces (${wanted.join(', ')}) with VS Code: there is nothing to join.` };
  }
  return joined;
}

// unshare --mount-proc makes a private mount namespace (propagation private) and mounts the
// current PID namespace's proc on /proc: nsenter forked into the joined one before it runs.
function withPrivateProc(request: NsenterCommandRequest, joined: readonly NsType[]): readonly string[] {
  return request.privateProc && joined.includes('pid') && !joined.includes('mnt') ? ['unshare', '--mount-proc', '--', ...request.command] : request.command;
}
