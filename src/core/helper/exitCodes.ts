// The helper's exit codes (see the header of helper/nsinspect-helper), by meaning.
export const HELPER_EXIT = {
  ok: 0,
  usage: 64,
  badArgument: 65,
  noSuchTarget: 66,
  toolMissing: 69,
  actionFailed: 70,
  notRoot: 77,
  /** Refused by the policy in /etc/nsinspect/helper-policy (see policyRefusal.ts). */
  policyRefused: 78,
} as const;

export type HelperExitName = keyof typeof HELPER_EXIT;

/** The name of an exit code, for messages and the audit log. */
export function helperExitName(code: number | undefined): string {
  const found = Object.entries(HELPER_EXIT).find(([, value]) => value === code);
  return found ? found[0] : `exit ${code ?? 'unknown'}`;
}
