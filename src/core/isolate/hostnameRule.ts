// What a hostname typed for an isolated terminal may be. It is passed to `hostname` as an argument
// (never through a shell), but a strict rule still keeps odd names out of prompts and logs.

/** RFC 1123 label characters; the kernel allows 64 bytes (__NEW_UTS_LEN). */
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
export const HOSTNAME_MAX_BYTES = 64;

/** Why a hostname is refused, or undefined when it is fine. */
export function hostnameProblem(name: string): string | undefined {
  if (name.length === 0) return 'A hostname needs at least one character.';
  if (Buffer.byteLength(name, 'utf8') > HOSTNAME_MAX_BYTES) return `A hostname is at most ${HOSTNAME_MAX_BYTES} bytes (this one has ${Buffer.byteLength(name, 'utf8')}).`;
  const bad = [...name].find((ch) => !/[A-Za-z0-9-]/.test(ch));
  if (bad !== undefined) return `A hostname may hold only letters, digits and "-" (not ${describe(bad)}).`;
  if (!LABEL.test(name)) return 'A hostname may not start or end with "-".';
  return undefined;
}

function describe(ch: string): string {
  if (ch === ' ') return 'a space';
  return `"${ch}"`;
}
