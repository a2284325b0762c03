// contextValue of tree items, "<kind>:<type>:<flags>" (e.g. "namespace:net:bound,here",
// "process:pid:leader"), and the patterns package.json menus use to match them. A unit test
// checks that every viewItem pattern in package.json is one of these.
import type { TreeNode } from './treeNode';

export const CONTEXT_PATTERNS = {
  namespace: /^namespace:/,
  netNamespace: /^namespace:net:/,
  process: /^process:/,
  namespaceOrProcess: /^(namespace|process):/,
  /** A session node, or a namespace an isolated terminal made: "Show Terminal". */
  session: /^(session:|namespace:.*session)/,
  userNamespace: /^namespace:user:/,
  limited: /^limited:/,
  boundNetNamespace: /^namespace:net:.*bound/,
  /** A process, or a container's group (not the host group): Inspect Process and the debug commands. */
  processOrContainer: /^(process:|containerGroup::$)/,
} as const;

export function contextValue(node: TreeNode): string {
  const flags: string[] = [];
  let type = '';
  switch (node.kind) {
    case 'typeGroup':
      type = node.type;
      break;
    case 'containerGroup':
      if (!node.container) flags.push('host');
      break;
    case 'namespace':
      type = node.ns.type;
      if (node.ns.bindMounts.length) flags.push('bound');
      if (node.ns.fdRefs.length) flags.push('fd');
      if (node.heldBy !== 'processes') flags.push('noProcess');
      if (node.here) flags.push('here');
      if (node.session !== undefined) flags.push('session');
      break;
    case 'process':
      type = node.ns.type;
      if (node.leader) flags.push('leader');
      if (node.here) flags.push('here');
      break;
    case 'sessionGroup':
    case 'session':
    case 'limited':
      break;
  }
  return `${node.kind}:${type}:${flags.join(',')}`;
}
