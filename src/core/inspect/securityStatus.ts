// The security fields of /proc/PID/status (proc(5)): the five capability sets, no_new_privs,
// seccomp mode and filter count. IDs come from parseCredentials, NSpid from parseStatus.
import type { Capabilities, CapabilitySet, Security } from './inspectTypes';
import { decodeCapabilityMask } from './capabilityNames';
import { compareWithDefault, DEFAULT_CONTAINER_CAPS_SOURCE } from './dockerDefaults';

const SECCOMP_MODES = ['disabled', 'strict', 'filter'] as const;

function field(text: string, name: string): string | undefined {
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(text)?.[1].trim();
}

function capabilitySet(text: string, name: string): CapabilitySet | null {
  const mask = field(text, name);
  const names = mask === undefined ? null : decodeCapabilityMask(mask);
  return mask !== undefined && names ? { mask, names } : null;
}

/** The capability sets; null when one is missing or malformed (never guessed). */
export function parseCapabilities(text: string): Capabilities | null {
  const [effective, permitted, inheritable, bounding, ambient] = ['CapEff', 'CapPrm', 'CapInh', 'CapBnd', 'CapAmb'].map((name) => capabilitySet(text, name));
  if (!effective || !permitted || !inheritable || !bounding || !ambient) return null;
  return { effective, permitted, inheritable, bounding, ambient, versusDefault: { source: DEFAULT_CONTAINER_CAPS_SOURCE, ...compareWithDefault(bounding.names) } };
}

/** no_new_privs and seccomp; a field the kernel does not print (too old) reads as unknown. */
export function parseSecurity(text: string): Omit<Security, 'lsm'> {
  const mode = field(text, 'Seccomp');
  const seccompMode = mode === '0' || mode === '1' || mode === '2' ? (Number(mode) as 0 | 1 | 2) : null;
  const filters = field(text, 'Seccomp_filters');
  return {
    noNewPrivs: field(text, 'NoNewPrivs') === '1',
    seccompMode,
    seccomp: seccompMode === null ? 'unknown' : SECCOMP_MODES[seccompMode],
    seccompFilters: filters !== undefined && /^\d+$/.test(filters) ? Number(filters) : null,
  };
}

/** The one-letter state and its word ("S (sleeping)"), as status prints it. */
export function parseState(text: string): string {
  return field(text, 'State') ?? 'unknown';
}
