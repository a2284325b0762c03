import type { NamespaceId } from './namespaceId';
import type { NsType } from './nsType';
import type { ContainerRef } from './container';
import type { IdMapRange } from '../parsers/idMap';

/** A path a namespace is bind-mounted to, as seen from one mount namespace. */
export interface BindMountRef {
  path: string;
  /** Inode of the mount namespace whose mountinfo lists it. */
  mntns: number;
}

/** A process holding the namespace open through a file descriptor. */
export interface FdRef {
  pid: number;
  fd: number;
}

/** What only user namespaces have. */
export interface UserNamespaceDetails {
  /** The effective UID of the process that created it (NS_GET_OWNER_UID). */
  ownerUid: number | null;
  uidMap: IdMapRange[] | null;
  gidMap: IdMapRange[] | null;
  setgroups: 'allow' | 'deny' | null;
}

/** One namespace and everything discovery learned about it. */
export interface Namespace {
  id: NamespaceId;
  type: NsType;
  /** Processes whose /proc/PID/ns/TYPE link is this namespace. */
  pids: number[];
  /** Threads in this namespace whose process (thread group leader) is not. */
  tids: number[];
  /** Processes whose pid_for_children/time_for_children is this namespace but whose own is not. */
  forChildrenPids: number[];
  /** Parent namespace (PID and user namespaces only). */
  parent: NamespaceId | null;
  /** The user namespace that owns this one (for a user namespace: its parent). */
  owner: NamespaceId | null;
  bindMounts: BindMountRef[];
  fdRefs: FdRef[];
  /** Processes in the namespace whose parent process is not. */
  leaders: number[];
  /** The process that started earliest, the "ealdorman" in lxkns' words. */
  senior: number | null;
  /** What a person knows it by: a bind-mount name, else the senior process' command. */
  label: string;
  container: ContainerRef | null;
  user: UserNamespaceDetails | null;
  /** A UTS namespace's hostname, as `hostname` prints it inside; absent when it could not be joined. */
  hostname?: string;
}

export function newNamespace(id: NamespaceId, type: NsType): Namespace {
  return {
    id,
    type,
    pids: [],
    tids: [],
    forChildrenPids: [],
    parent: null,
    owner: null,
    bindMounts: [],
    fdRefs: [],
    leaders: [],
    senior: null,
    label: '',
    container: null,
    user: null,
  };
}
