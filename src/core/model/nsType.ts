/** The eight Linux namespace types, named as in /proc/PID/ns and lsns. */
export const NS_TYPES = ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time'] as const;
export type NsType = (typeof NS_TYPES)[number];

/**
 * Links under /proc/PID/ns: the eight types plus the "for children" links, which name the
 * namespace a process' future children will be in (they differ after unshare without fork).
 */
export const NS_LINKS = [...NS_TYPES, 'pid_for_children', 'time_for_children'] as const;
export type NsLink = (typeof NS_LINKS)[number];

/** The namespace type a /proc/PID/ns link refers to. */
export function typeOfLink(link: NsLink): NsType {
  if (link === 'pid_for_children') return 'pid';
  if (link === 'time_for_children') return 'time';
  return link;
}

export function isNsType(value: string): value is NsType {
  return (NS_TYPES as readonly string[]).includes(value);
}

/** Only PID and user namespaces form a parent/child hierarchy. */
export function isHierarchical(type: NsType): boolean {
  return type === 'pid' || type === 'user';
}

/** The CLONE_NEW* flags the kernel reports for NS_GET_NSTYPE. */
export const CLONE_FLAG_TO_TYPE: ReadonlyMap<number, NsType> = new Map([
  [0x00020000, 'mnt'],
  [0x20000000, 'pid'],
  [0x40000000, 'net'],
  [0x08000000, 'ipc'],
  [0x04000000, 'uts'],
  [0x10000000, 'user'],
  [0x02000000, 'cgroup'],
  [0x00000080, 'time'],
]);
