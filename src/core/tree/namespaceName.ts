// What a person knows a namespace by, for the head of its tree label: "host" for the host's own
// namespaces, the container's name, the `ip netns` (bind-mount) name, else the senior process.
// Host text passes through hostText/printable here; the inode goes to the description.
import type { Namespace } from '../model/namespace';
import type { ProcessInfo } from '../model/process';
import type { DiscoveryResult } from '../model/result';
import { containerLabel } from './containerText';
import { hostText } from '../text/hostText';
import { isKernelThread } from './kernelThreads';

/**
 * The host's namespaces are those of the host's init (PID 1) and of kthreadd (PID 2): every kernel
 * thread lives in them. `pids` is sorted, so this looks at two entries at most.
 */
export function isHostNamespace(ns: Namespace): boolean {
  return ns.pids[0] === 1 || ns.pids[0] === 2 || ns.pids[1] === 2;
}

export function namespaceName(ns: Namespace, result: DiscoveryResult): string {
  if (isHostNamespace(ns)) return 'host';
  if (ns.container) return containerLabel(ns.container);
  const senior: ProcessInfo | undefined = ns.senior === null ? undefined : result.processes.get(ns.senior);
  // ns.label is the bind-mount name when there is one (an `ip netns` name), else the senior's command.
  if (ns.bindMounts.length || !senior || !isKernelThread(senior)) return hostText(ns.label) || `${ns.type}:[${ns.id.ino}]`;
  return 'kernel';
}
