// What the network commands accept as "which namespace": a Namespaces tree node id ("ns:dev:ino",
// from a context menu), or a topology key ("dev:ino"), an `ip netns` name or "host" (the topology
// panel, keybindings, tests). The network commands resolve the latter three (netNamespacePick).

export interface ConnectArgs {
  /** Namespace keys ("dev:ino") or `ip netns` names. */
  a?: string;
  b?: string;
  ifA?: string;
  ifB?: string;
  /** Addresses (ADDRESS/PREFIX); "" or absent for none. */
  cidrA?: string;
  cidrB?: string;
}

export function whichNamespace(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.startsWith('ns:') ? value.slice('ns:'.length) : value;
}

/** The object argument of a command (the first or the second), else {}. */
export function objectArg(...args: unknown[]): Record<string, unknown> {
  const found = args.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
  return (found ?? {}) as Record<string, unknown>;
}

export function connectArgs(first: unknown, second: unknown): ConnectArgs {
  const given = objectArg(first, second);
  const out: ConnectArgs = {};
  for (const key of ['a', 'b', 'ifA', 'ifB', 'cidrA', 'cidrB'] as const) {
    const value = given[key];
    if (typeof value === 'string') out[key] = key === 'a' || key === 'b' ? whichNamespace(value) : value;
  }
  // From a tree item's context menu, the item is the first end.
  const fromItem = whichNamespace(first);
  if (fromItem !== undefined && out.a === undefined) out.a = fromItem;
  return out;
}
