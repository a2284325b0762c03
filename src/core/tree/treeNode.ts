// The nodes of the Namespaces tree, free of VS Code: the provider maps them to TreeItems.
import type { ContainerRef } from '../model/container';
import type { Namespace } from '../model/namespace';
import type { NsType } from '../model/nsType';
import type { ProcessInfo } from '../model/process';
import type { SkipCounts } from '../model/result';

/** How a namespace with no process of its own is still alive. */
export type HeldBy = 'processes' | 'bindMount' | 'fd' | 'threads' | 'children' | 'descendants';

interface NodeBase {
  /** Stable across refreshes while the thing it shows exists: VS Code keeps expansion and selection by it. */
  id: string;
  parentId: string | undefined;
}

export interface TypeGroupNode extends NodeBase {
  kind: 'typeGroup';
  type: NsType;
  count: number;
}

export interface ContainerGroupNode extends NodeBase {
  kind: 'containerGroup';
  /** null: the host group (namespaces of no container). */
  container: ContainerRef | null;
  count: number;
}

export interface NamespaceNode extends NodeBase {
  kind: 'namespace';
  ns: Namespace;
  heldBy: HeldBy;
  /** The extension host itself is in this namespace ("You are here"). */
  here: boolean;
  /** Processes shown below it (after a filter, maybe fewer than ns.pids). */
  processCount: number;
  /** The name of the isolated terminal whose session made it, if any. */
  session?: string;
}

export interface ProcessNode extends NodeBase {
  kind: 'process';
  process: ProcessInfo;
  /** The namespace it is listed under. */
  ns: Namespace;
  leader: boolean;
  here: boolean;
}

/** "Limited view": discovery ran without privileges and could not look at every process. */
export interface LimitedNode extends NodeBase {
  kind: 'limited';
  skipped: SkipCounts;
}

export type TreeNode = TypeGroupNode | ContainerGroupNode | NamespaceNode | ProcessNode | LimitedNode;
export type NodeKind = TreeNode['kind'];
