// `ip -j link show` output -> the few facts the interface commands need.

export interface LinkInfo {
  name: string;
  up: boolean;
  /** veth, bridge, loopback, ... when ip says (link_type or linkinfo kind). */
  kind: string;
  /** "veth0@if12" style peer index, when the link has one. */
  peerIndex?: number;
}

export function parseIpLinkJson(text: string): LinkInfo[] {
  const parsed: unknown = JSON.parse(text || '[]');
  if (!Array.isArray(parsed)) throw new Error('ip -j link: expected a JSON array');
  return parsed
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null && typeof (entry as { ifname?: unknown }).ifname === 'string')
    .map((entry) => ({
      name: entry.ifname as string,
      up: Array.isArray(entry.flags) && entry.flags.includes('UP'),
      kind: String((entry.linkinfo as { info_kind?: string } | undefined)?.info_kind ?? entry.link_type ?? ''),
      peerIndex: typeof entry.link_index === 'number' ? entry.link_index : undefined,
    }));
}
