// What discovery reads of /proc/PID/status: only the NSpid chain (for processes outside the
// scanner's PID namespace). Name, IDs and the rest come from other files or are not needed.

function numbers(value: string | undefined): number[] {
  return value ? value.trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/**
 * The NSpid chain of a status text: the PID in each PID namespace, outermost (the reader's)
 * first; empty on kernels before 4.1. Name cannot fake the line: the kernel escapes newlines in it.
 */
export function parseNspid(text: string): number[] {
  return numbers(/^NSpid:(.*)$/m.exec(text)?.[1]);
}
