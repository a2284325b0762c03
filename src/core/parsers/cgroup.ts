/** One line of /proc/PID/cgroup: "hierarchy-ID:controller-list:cgroup-path" (cgroups(7)). */
export interface CgroupEntry {
  hierarchyId: number;
  /** Empty for the v2 hierarchy; v1 may co-mount several ("cpu,cpuacct") or name one ("name=systemd"). */
  controllers: string[];
  path: string;
}

export function parseCgroup(text: string): CgroupEntry[] {
  const entries: CgroupEntry[] = [];
  for (const line of text.split('\n')) {
    // The path itself may contain ':', so only the first two colons separate fields.
    const m = /^(\d+):([^:]*):(.*)$/.exec(line);
    if (m) entries.push({ hierarchyId: Number(m[1]), controllers: m[2] ? m[2].split(',') : [], path: m[3] });
  }
  return entries;
}

/** The v2 ("0::") path, else the name=systemd v1 path (container engines name their cgroups there too), else the first. */
export function primaryCgroupPath(entries: CgroupEntry[]): string {
  const v2 = entries.find((e) => e.hierarchyId === 0 && e.controllers.length === 0);
  const systemd = entries.find((e) => e.controllers.includes('name=systemd'));
  return (v2 ?? systemd ?? entries[0])?.path ?? '';
}
