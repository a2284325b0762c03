import type { ContainerEngine, ContainerRef } from '../model/container';

const HEX64 = '([0-9a-f]{64})';
// Each rule matches one path segment; "(?<=^|/)" and "(?=/|$)" keep matches to whole segments.
const seg = (body: string) => new RegExp(`(?<=^|/)${body}(?=/|$)`, 'gi');

const RULES: { engine: ContainerEngine; re: RegExp; hex: boolean }[] = [
  // "libpod-conmon-<id>.scope" holds Podman's monitor, not the container; it never matches since "conmon" is not hex.
  { engine: 'podman', re: seg(`libpod-${HEX64}(?:\\.scope)?`), hex: true },
  { engine: 'docker', re: seg(`(?:docker-${HEX64}\\.scope|docker/${HEX64})`), hex: true },
  { engine: 'containerd', re: seg(`(?:cri-containerd-${HEX64}\\.scope|nerdctl-${HEX64}\\.scope|containerd/${HEX64})`), hex: true },
  { engine: 'nspawn', re: seg('(?:systemd-nspawn@([^/]+)\\.service|machine-([^/]+)\\.scope)'), hex: false },
  // LXC 4+ uses "lxc.payload.NAME" (LXC 3: "lxc.payload/NAME"), older releases "lxc/NAME"; "lxc.monitor.NAME" is not the container.
  { engine: 'lxc', re: seg('(?:lxc\\.payload[./]([^/]+)|lxc/([^/]+))'), hex: false },
];

// systemd escapes unit names: "build-box" becomes "build\x2dbox".
function unescapeUnit(name: string): string {
  return name.replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function kubernetes(path: string): ContainerRef | null {
  // systemd driver: "kubepods-burstable-pod<uid with _>.slice"; cgroupfs: "pod<uid>". Static pods have a 32-hex uid.
  const pod = /(?<=^|[/-])pod([0-9a-f][0-9a-f_-]*?)(?:\.slice)?(?=\/|$)/i.exec(path);
  // The container is the innermost 64-hex id, whatever runtime prefix it has (cri-containerd-, crio-, docker-).
  const ids = [...path.matchAll(/(?<=^|[/-])([0-9a-f]{64})(?=\.scope|\/|$)/gi)];
  if (!pod || ids.length === 0) return null;
  return { engine: 'kubernetes', id: ids[ids.length - 1][1].toLowerCase(), pod: pod[1].replace(/_/g, '-').toLowerCase() };
}

/**
 * The container a cgroup path belongs to, or null for host processes. When engines nest (Podman
 * inside a Docker container), the innermost (right-most) match wins.
 */
export function containerFromCgroup(path: string): ContainerRef | null {
  const chain = containersFromCgroup(path);
  return chain[chain.length - 1] ?? null;
}

/** Every container a cgroup path names, outermost first (Docker in Docker names two). */
export function containersFromCgroup(path: string): ContainerRef[] {
  if (/(?<=^|\/)kubepods\b/.test(path)) {
    const ref = kubernetes(path);
    return ref ? [ref] : [];
  }
  const found: { index: number; ref: ContainerRef }[] = [];
  for (const rule of RULES) {
    for (const m of path.matchAll(rule.re)) {
      const raw = m.slice(1).find((g) => g !== undefined) ?? '';
      const id = rule.hex ? raw.toLowerCase() : unescapeUnit(raw);
      // libvirt registers its VMs and libvirt-lxc domains as "machine-qemu-N-NAME.scope" / "machine-lxc-N-NAME.scope".
      if (rule.engine === 'nspawn' && /^(qemu|lxc)-\d+-/.test(id)) continue;
      found.push({ index: m.index, ref: { engine: rule.engine, id } });
    }
  }
  // Stable: on the same index the later rule wins, as before.
  return found.sort((a, b) => a.index - b.index).map((f) => f.ref);
}
