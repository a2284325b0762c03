// Reusable webview plumbing: small checks for validating what a webview posts (any shape may
// arrive: the page is untrusted input). In the core (no vscode) so webviews and tests share them.
export type Checked = Record<string, unknown>;

/** The message as a plain object with exactly these keys, else undefined. */
export function withKeys(message: unknown, keys: readonly string[]): Checked | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const own = Object.keys(message);
  if (own.length !== keys.length || !keys.every((k) => own.includes(k))) return undefined;
  return message as Checked;
}

export function isUint(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

export function isShortString(value: unknown, maxLength = 1000): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

export function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}
