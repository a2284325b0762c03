// What a user types as a UID or GID: a decimal number 0..4294967294. Shared by the webview (an
// inline message) and the extension (which checks every message again).
import { MAX_ID } from './idMapMath';

export type ParsedId = { ok: true; id: number } | { ok: false; message: string };

export function parseId(text: string): ParsedId {
  const s = text.trim();
  if (s === '') return { ok: false, message: 'Type a UID or GID: a whole number from 0 to 4294967294.' };
  if (/^-\d+$/.test(s)) return { ok: false, message: `${s} is negative: IDs start at 0.` };
  if (!/^\d+$/.test(s)) return { ok: false, message: `"${s}" is not a number: type digits only, e.g. 1000.` };
  const id = Number(s);
  if (id === MAX_ID + 1) return { ok: false, message: '4294967295 is (uid_t) -1, which means "no ID"; the largest ID is 4294967294.' };
  if (!Number.isSafeInteger(id) || id > MAX_ID) return { ok: false, message: `${s} is beyond 32 bits: the largest ID is 4294967294.` };
  return { ok: true, id };
}
