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
  /** What a person knows it by (namespaceName.ts): the head of its label. */
  name: string;
  heldBy: HeldBy;
  /** The extension host itself is in this namespace ("You are here"). */
  here: boolean;
  /** Processes shown below it (after a filter, maybe fewer than ns.pids). */
  processCount: number;
  /** The name of the isolated terminal whose session made it, if any. */
  session?: string;
  /** Listed under its session's node (which already names the terminal). */
  inSession?: boolean;
}

export interface ProcessNode extends NodeBase {
  kind: 'process';
  process: ProcessInfo;
  /** The namespace it is listed under. */
  ns: Namespace;
  leader: boolean;
  here: boolean;
}

/** An isolated terminal's session: the process its terminal started and the namespaces it made. */
export interface SessionRef {
  /** The terminal's process (unshare or sudo): stable while the session lives. */
  pid: number;
  /** The terminal's name. */
  name: string;
  /** The terminal's codicon, when known. */
  icon?: string;
  /** "dev:ino" keys of the namespaces its process tree is in and the extension host is not. */
  namespaceKeys: ReadonlySet<string>;
}

/** "Sessions": the open isolated terminals, at the top in every grouping. */
export interface SessionGroupNode extends NodeBase {
  kind: 'sessionGroup';
  count: number;
}

export interface SessionNode extends NodeBase {
  kind: 'session';
  session: SessionRef;
  /** Namespaces shown below it. */
  namespaceCount: number;
}

/** "Limited view": discovery ran without privileges and could not look at every process. */
export interface LimitedNode extends NodeBase {
  kind: 'limited';
  skipped: SkipCounts;
}

export type TreeNode = TypeGroupNode | ContainerGroupNode | SessionGroupNode | SessionNode | NamespaceNode | ProcessNode | LimitedNode;
export type NodeKind = TreeNode['kind'];
