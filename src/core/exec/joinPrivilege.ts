// Why joining a process' namespaces may need privileges the caller lacks, said before nsenter
// fails with a bare "Operation not permitted".

export interface JoinFacts {
  callerUid: number;
  /** Owner of the target process; undefined for a namespace file. */
  targetUid: number | undefined;
  /** Whether the join includes the target's user namespace (which grants capabilities there). */
  joinsUser: boolean;
}

/** The reasons a join would be refused, or undefined when it should work. */
export function joinPrivilegeProblem(facts: JoinFacts): string | undefined {
  if (facts.callerUid === 0) return undefined;
  const reasons: string[] = [];
  if (facts.targetUid !== undefined && facts.targetUid !== facts.callerUid) {
    reasons.push(`the process belongs to UID ${facts.targetUid} (ptrace access to another user's process is refused)`);
  }
  if (!facts.joinsUser) reasons.push('joining a namespace needs CAP_SYS_ADMIN over its owning user namespace, which only root has here');
  return reasons.length ? `You are not root: ${reasons.join('; ')}.` : undefined;
}
