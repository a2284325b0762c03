// Why joining a process' namespaces may need privileges the caller lacks, said before nsenter
// fails with a bare "Operation not permitted" or "Permission denied".
import type { IdMapRange } from '../parsers/idMap';

export interface JoinFacts {
  callerUid: number;
  /** Owner of the target process (root for a process that is not dumpable); undefined for a namespace file. */
  targetUid: number | undefined;
  /** Whether the join includes the target's user namespace (which grants capabilities there). */
  joinsUser: boolean;
  /**
   * The user namespace that owns the namespaces joined: the caller's own (where only root has
   * CAP_SYS_ADMIN), or another one made by the user with this UID; undefined when unknown.
   */
  owner: { callers: true } | { callers: false; ownerUid: number | undefined } | undefined;
  /** /proc/sys/kernel/yama/ptrace_scope; undefined without Yama. */
  ptraceScope: number | undefined;
}

/** A reason or note: a headline short enough for a quick pick row, and the whole sentence. */
export interface JoinReason {
  headline: string;
  text: string;
}

export interface JoinProblem {
  /** Another user's process, namespaces owned by a user namespace where the caller has no say. */
  reasons: JoinReason[];
  /** What ptrace restrictions mean for debugging tools inside, when they matter. */
  notes: JoinReason[];
  /** Everything in one message: "You are not root (UID n): reason; reason. Note." */
  message: string;
}

/** The reasons a join would be refused, or undefined when it should work. */
export function joinPrivilegeProblem(facts: JoinFacts): JoinProblem | undefined {
  if (facts.callerUid === 0) return undefined;
  const reasons: JoinReason[] = [];
  if (facts.targetUid !== undefined && facts.targetUid !== facts.callerUid) {
    reasons.push({
      headline: `The process runs as UID ${facts.targetUid}`,
      text: `the process runs as UID ${facts.targetUid} (or is not dumpable): the kernel's ptrace access check lets only its owner or root open its /proc/PID/ns files`,
    });
  }
  const owner = facts.owner;
  if (owner?.callers) {
    reasons.push({
      headline: 'Its namespaces are owned by your own user namespace',
      text: 'its namespaces are owned by your own user namespace, where joining needs CAP_SYS_ADMIN: only root has it',
    });
  } else if (owner && owner.ownerUid !== facts.callerUid) {
    reasons.push({
      headline: `Its namespaces are owned by another user's user namespace`,
      text: `its namespaces are owned by a user namespace of UID ${owner.ownerUid ?? 'unknown'}, where you have no privileges`,
    });
  } else if (owner && !facts.joinsUser) {
    reasons.push({
      headline: 'Its user namespace is not joined',
      text: 'its namespaces are owned by a user namespace you made: join that user namespace too (it gives you the privileges there)',
    });
  }
  if (reasons.length === 0) return undefined;
  const notes = ptraceNotes(facts.ptraceScope);
  const message = `You are not root (UID ${facts.callerUid}): ${reasons.map((r) => r.text).join('; ')}.${notes.length ? ` ${notes.map((n) => n.text).join(' ')}` : ''}`;
  return { reasons, notes, message };
}

/**
 * Yama restricts ptrace attach (strace, gdb), not the access check for opening namespace files;
 * it matters for debugging tools used in the joined namespaces.
 */
export function ptraceNotes(scope: number | undefined): JoinReason[] {
  const what: Record<number, string> = {
    1: 'strace and gdb there attach only to their own children.',
    2: 'only root (CAP_SYS_PTRACE) can attach strace or gdb.',
    3: 'nobody can attach strace or gdb until reboot.',
  };
  if (scope === undefined || !what[scope]) return [];
  const headline = `kernel.yama.ptrace_scope is ${scope}`;
  return [{ headline, text: `${headline}: ${what[scope]}` }];
}

/**
 * nsenter makes the caller root (UID and GID 0, no supplementary groups) in a joined user
 * namespace unless told to keep its credentials. That fails where 0 is not mapped there (e.g.
 * `unshare --map-current-user`) and where setgroups is denied (as an unprivileged
 * `unshare --map-root-user` leaves it): nsenter's setgroups() call is refused.
 */
export function needsPreservedCredentials(uidMap: readonly IdMapRange[], gidMap: readonly IdMapRange[], setgroups: 'allow' | 'deny' | null): boolean {
  const mapsRoot = (map: readonly IdMapRange[]) => map.some((r) => r.inside === 0 && r.count > 0);
  return !mapsRoot(uidMap) || !mapsRoot(gidMap) || setgroups === 'deny';
}
