// One arrangement of one discovery result: the nodes of the tree, their children and parents.
// Namespace and group nodes are made up front (a few thousand at most); the processes below a
// namespace are made when first asked for, since most namespaces are never expanded.
import type { NamespaceId } from '../model/namespaceId';
import type { DiscoveryResult } from '../model/result';
import type { Grouping } from './grouping';
import { namespaceNodeId, parentOfProcessId, processNodeId } from './nodeIds';
import type { NamespaceNode, ProcessNode, TreeNode } from './treeNode';
import type { TreeFilter } from './treeFilter';

/** The parent key of top-level nodes in `childIds`. */
export const ROOT = '';

export interface SnapshotParts {
  result: DiscoveryResult;
  grouping: Grouping;
  filter: TreeFilter | undefined;
  nodes: Map<string, TreeNode>;
  /** Children of each node made up front, in display order; ROOT for the top level. */
  childIds: Map<string, string[]>;
  /** The processes shown below each namespace node, in display order. */
  processPids: Map<string, number[]>;
  /** What each node made up front looks like; two equal signatures render the same. */
  signatures: Map<string, string>;
  /** The process marked "you are here". */
  herePid: number | undefined;
}

export class TreeSnapshot {
  readonly result: DiscoveryResult;
  readonly grouping: Grouping;
  readonly filter: TreeFilter | undefined;

  constructor(private readonly parts: SnapshotParts) {
    this.result = parts.result;
    this.grouping = parts.grouping;
    this.filter = parts.filter;
  }

  get rootIds(): readonly string[] {
    return this.parts.childIds.get(ROOT) ?? [];
  }

  /** Ids of the nodes made up front (everything but processes), for diffs. */
  structuralIds(): IterableIterator<string> {
    return this.parts.signatures.keys();
  }

  signature(id: string): string | undefined {
    return this.parts.signatures.get(id);
  }

  structuralChildIds(id: string): readonly string[] {
    return this.parts.childIds.get(id) ?? [];
  }

  node(id: string): TreeNode | undefined {
    const node = this.parts.nodes.get(id);
    if (node) return node;
    // A process node not made yet: making its parent's children makes it.
    const parent = parentOfProcessId(id);
    if (parent === undefined || !this.parts.nodes.has(parent)) return undefined;
    this.children(parent);
    return this.parts.nodes.get(id);
  }

  children(id: string = ROOT): TreeNode[] {
    const nodes = (this.parts.childIds.get(id) ?? []).map((childId) => this.parts.nodes.get(childId)!);
    const parent = this.parts.nodes.get(id);
    if (parent?.kind === 'namespace') nodes.push(...this.processNodes(parent));
    return nodes;
  }

  /** Cheaper than children(id).length: does not make process nodes. */
  hasChildren(id: string): boolean {
    return (this.parts.childIds.get(id)?.length ?? 0) > 0 || (this.parts.processPids.get(id)?.length ?? 0) > 0;
  }

  parent(id: string): TreeNode | undefined {
    const parentId = this.node(id)?.parentId;
    return parentId === undefined ? undefined : this.parts.nodes.get(parentId);
  }

  /** The node showing a namespace, when the current grouping and filter show it. */
  namespaceNode(id: NamespaceId): NamespaceNode | undefined {
    const node = this.parts.nodes.get(namespaceNodeId(id));
    return node?.kind === 'namespace' ? node : undefined;
  }

  namespaceNodes(): NamespaceNode[] {
    return [...this.parts.nodes.values()].filter((node): node is NamespaceNode => node.kind === 'namespace');
  }

  private processNodes(parent: NamespaceNode): ProcessNode[] {
    const leaders = new Set(parent.ns.leaders);
    const nodes: ProcessNode[] = [];
    for (const pid of this.parts.processPids.get(parent.id) ?? []) {
      const id = processNodeId(parent.id, pid);
      let node = this.parts.nodes.get(id) as ProcessNode | undefined;
      const process = this.result.processes.get(pid);
      if (!node && process) {
        node = { kind: 'process', id, parentId: parent.id, process, ns: parent.ns, leader: leaders.has(pid), here: pid === this.parts.herePid };
        this.parts.nodes.set(id, node);
      }
      if (node) nodes.push(node);
    }
    return nodes;
  }
}
