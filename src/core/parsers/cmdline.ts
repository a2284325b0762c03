/**
 * Splits /proc/PID/cmdline into argv. Each argument ends in a NUL, so exactly one trailing NUL is
 * dropped and empty arguments in between survive. Kernel threads have an empty cmdline: [].
 */
export function parseCmdline(data: Buffer | string): string[] {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (text === '') return [];
  const args = text.split('\0');
  if (text.endsWith('\0')) args.pop();
  return args;
}

/**
 * The bytes of a command line kept per process. A process chooses its argv (up to the kernel's
 * ~2 GiB on a large stack limit), so it is never read, kept or shown whole. The native scan and
 * the helper read one byte more than this, which tells a longer one.
 */
export const CMDLINE_CAP = 4096;

/**
 * argv from at most CMDLINE_CAP bytes of a cmdline; `truncated` when there were more (or `cut`:
 * the reader cut it already). The cut falls on a character boundary, so the last argument is
 * the start of the real one.
 */
export function parseCappedCmdline(text: string, cut = false): { args: string[]; truncated: boolean } {
  // A UTF-16 unit is at most 3 UTF-8 bytes: only a long string needs its bytes counted.
  if (text.length * 3 <= CMDLINE_CAP || Buffer.byteLength(text, 'utf8') <= CMDLINE_CAP) {
    return { args: parseCmdline(text), truncated: cut };
  }
  const bytes = Buffer.from(text, 'utf8');
  let end = CMDLINE_CAP;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // not inside a character
  return { args: parseCmdline(bytes.subarray(0, end)), truncated: true };
}
