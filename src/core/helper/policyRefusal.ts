// A refusal by the helper's policy (exit 78): which rule refused, and the setting an admin
// changes, read from the helper's one-line message and said in words a user can act on.

/** The root-owned policy file the helper reads (see the helper's header). */
export const HELPER_POLICY_PATH = '/etc/nsinspect/helper-policy';

/** The rules the helper's policy has; each is also the setting that changes it. */
export const POLICY_RULES = ['others_namespaces', 'host_changes', 'host_prefixes', 'host_capture', 'netns_quota'] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];

export interface PolicyRefusal {
  rule: PolicyRule;
  /** Why, as the helper says it (e.g. "UID 1000 may not change host interfaces"). */
  why: string;
  /** What an admin writes in the policy file (e.g. "host_changes=yes"). */
  allowWith: string;
}

const REFUSAL = /^nsinspect-helper: refused by policy \(rule ([a-z_]+)\): ([^\n]*); an admin can allow it with ([^\n]*) in \/etc\/nsinspect\/helper-policy$/m;

/** The refusal in the helper's stderr, or undefined when it is not one. */
export function parsePolicyRefusal(stderr: string): PolicyRefusal | undefined {
  const match = REFUSAL.exec(stderr);
  if (!match || !(POLICY_RULES as readonly string[]).includes(match[1])) return undefined;
  return { rule: match[1] as PolicyRule, why: match[2].slice(0, 200), allowWith: match[3].slice(0, 80) };
}

/** The message a user sees: what failed, the rule that refused it, and how an admin allows it. */
export function policyRefusalMessage(what: string, refusal: PolicyRefusal): string {
  return `${what}: the helper's policy refused it (rule ${refusal.rule}): ${refusal.why}. An administrator can allow it with ${refusal.allowWith} in ${HELPER_POLICY_PATH}.`;
}
