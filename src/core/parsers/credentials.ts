/** What a process may do, from /proc/PID/status: its IDs, capability sets and no_new_privs. */
export interface ProcessCredentials {
  /** Real, effective, saved (and filesystem) UID, as the reader's user namespace sees them. */
  uid: number[];
  gid: number[];
  groups: number[];
  /** Capability sets as 64-bit masks in hex, as the kernel prints them (16 digits). */
  capInh: string;
  capBnd: string;
  capAmb: string;
  noNewPrivs: boolean;
}

const IDS = /^\d{1,10}( \d{1,10})*$/;
const MASK = /^[0-9a-f]{16}$/;

/** The credentials in a status text; null when a field is missing or malformed (never guessed). */
export function parseCredentials(text: string): ProcessCredentials | null {
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(text)?.[1].trim();
  const ids = (name: string, allowEmpty: boolean): number[] | null => {
    const value = field(name)?.replace(/\s+/g, ' ');
    if (value === undefined) return null;
    if (value === '') return allowEmpty ? [] : null;
    return IDS.test(value) ? value.split(' ').map(Number).filter((n) => n <= 4294967295) : null;
  };
  const mask = (name: string) => {
    const value = field(name);
    return value !== undefined && MASK.test(value) ? value : null;
  };
  const uid = ids('Uid', false);
  const gid = ids('Gid', false);
  const groups = ids('Groups', true);
  const capInh = mask('CapInh');
  const capBnd = mask('CapBnd');
  const capAmb = mask('CapAmb');
  const noNewPrivs = field('NoNewPrivs');
  if (!uid || uid.length < 3 || !gid || gid.length < 3 || !groups || !capInh || !capBnd || !capAmb) return null;
  if (noNewPrivs !== '0' && noNewPrivs !== '1') return null;
  return { uid: uid.slice(0, 3), gid: gid.slice(0, 3), groups, capInh, capBnd, capAmb, noNewPrivs: noNewPrivs === '1' };
}
