// What a person knows a namespace by, for the head of its tree label: "host" for the host's own
// namespaces, the container's name, the `ip netns` (bind-mount) name, a UTS namespace's hostname,
// else the senior process. Host text passes through hostText here; the inode goes to the description.
import type { Namespace } from '../model/namespace';
import type { NsType } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import type { DiscoveryResult } from '../model/result';
import { containerLabel } from './containerText';
import { hostText } from '../text/hostText';
import { isKernelThread } from './kernelThreads';

/**
 * The host's namespaces: those of PID 1 when its links could be read, else (a sandbox hides its
 * init) those of the reader, as attributeContainers decides "shares with the host"; and always
 * kthreadd's (PID 2), where every kernel thread lives. `pids` is sorted: two entries looked at.
 */
export function hostNamespaces(result: DiscoveryResult, readerPid: number | undefined): Partial<Record<NsType, number>> {
  const init = result.processes.get(1)?.namespaces;
  if (init && Object.keys(init).length) return init;
  return (readerPid !== undefined && result.processes.get(readerPid)?.namespaces) || {};
}

export function isHostNamespace(ns: Namespace, host: Partial<Record<NsType, number>>): boolean {
  return host[ns.type] === ns.id.ino || ns.pids[0] === 2 || ns.pids[1] === 2;
}

export function namespaceName(ns: Namespace, result: DiscoveryResult, isHost: boolean): string {
  if (isHost) return 'host';
  if (ns.container) return containerLabel(ns.container);
  if (ns.hostname && !ns.bindMounts.length) return hostText(ns.hostname);
  const senior: ProcessInfo | undefined = ns.senior === null ? undefined : result.processes.get(ns.senior);
  // ns.label is the bind-mount name when there is one (an `ip netns` name), else the senior's command.
  if (ns.bindMounts.length || !senior || !isKernelThread(senior)) return hostText(ns.label) || `${ns.type}:[${ns.id.ino}]`;
  return 'kernel';
}
