// Node ids: a namespace's id is its {dev, ino} key, a process' id hangs below its namespace's,
// so ids stay the same across refreshes and a process id names its parent.
import { idKey, type NamespaceId } from '../model/namespaceId';
import type { NsType } from '../model/nsType';
import type { ContainerRef } from '../model/container';

export const LIMITED_NODE_ID = 'limited';
export const SESSIONS_GROUP_ID = 'sessions';
const PROCESS_SEPARATOR = '/p:';

export function typeGroupId(type: NsType): string {
  return `type:${type}`;
}

export function containerGroupId(container: ContainerRef | null): string {
  return container ? `container:${container.engine}:${container.id}` : 'host';
}

export function namespaceNodeId(id: NamespaceId): string {
  return `ns:${idKey(id)}`;
}

export function sessionNodeId(pid: number): string {
  return `session:${pid}`;
}

/** A namespace listed under a session: the same namespace as elsewhere in the tree, another node. */
export function sessionNamespaceNodeId(sessionNode: string, id: NamespaceId): string {
  return `${sessionNode}/${namespaceNodeId(id)}`;
}

export function processNodeId(namespaceNode: string, pid: number): string {
  return `${namespaceNode}${PROCESS_SEPARATOR}${pid}`;
}

/** For a process node id, the id of the namespace node it is under. */
export function parentOfProcessId(id: string): string | undefined {
  const at = id.lastIndexOf(PROCESS_SEPARATOR);
  return at < 0 ? undefined : id.slice(0, at);
}
