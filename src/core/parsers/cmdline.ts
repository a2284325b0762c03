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
