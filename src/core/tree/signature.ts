// Signatures say whether a node looks the same in two snapshots, so a refresh re-renders only
// the nodes that changed. A namespace's signature covers the processes listed below it (PID,
// start time, command), so a process that came, went or exec'd refreshes its namespace.
import type { DiscoveryResult } from '../model/result';
import type { NamespaceNode, TreeNode } from './treeNode';

export function nodeSignature(node: Exclude<TreeNode, NamespaceNode>): string {
  switch (node.kind) {
    case 'typeGroup':
    case 'sessionGroup':
      return `${node.count}`;
    case 'containerGroup':
      // An engine's answer arriving later changes the label, description and tooltip.
      return JSON.stringify([node.count, node.container?.facts, node.container?.monitorName, node.container?.sharesWithHost]);
    case 'session':
      return `${node.session.name}|${node.session.icon}|${node.namespaceCount}`;
    case 'limited':
      return JSON.stringify(node.skipped);
    case 'process':
      return `${node.process.startTicks}|${node.process.command}|${node.leader}|${node.here}`;
  }
}

export function namespaceSignature(node: NamespaceNode, pids: readonly number[], result: DiscoveryResult): string {
  const ns = node.ns;
  const own = JSON.stringify([
    ns.label, node.name, node.heldBy, node.here, node.processCount, ns.owner, ns.parent, ns.senior, ns.container,
    ns.bindMounts, ns.fdRefs, ns.tids.length, ns.forChildrenPids.length, ns.user, node.session,
  ]);
  return `${own}|${processesHash(pids, result)}`;
}

/** A 32-bit FNV-1a hash over PID, start time and command of each process: cheap for thousands. */
function processesHash(pids: readonly number[], result: DiscoveryResult): string {
  let hash = 0x811c9dc5;
  const mix = (value: number) => {
    hash = Math.imul(hash ^ value, 0x01000193);
  };
  for (const pid of pids) {
    const process = result.processes.get(pid);
    mix(pid);
    if (!process) continue;
    mix(process.startTicks);
    for (let i = 0; i < process.command.length; i++) mix(process.command.charCodeAt(i));
  }
  return `${pids.length}:${(hash >>> 0).toString(16)}`;
}
