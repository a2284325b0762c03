// The thin VS Code side of the tree: elements are node ids (strings), so an element stays the
// same across refreshes and VS Code keeps expansion and selection; everything else comes from the
// current TreeSnapshot. A new result fires change events only for the nodes that changed.
import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../../core/model/result';
import type { NsType } from '../../../core/model/nsType';
import { buildTree } from '../../../core/tree/buildTree';
import { diffTrees } from '../../../core/tree/diffTrees';
import type { Grouping } from '../../../core/tree/grouping';
import type { TreeFilter } from '../../../core/tree/treeFilter';
import type { TreeSnapshot } from '../../../core/tree/treeSnapshot';
import type { SessionRef } from '../../../core/tree/treeNode';
import { treeItemFor } from './treeItemFor';

export interface TreeOptionsState {
  grouping: Grouping;
  filter: TreeFilter | undefined;
  types: NsType[];
  showKernelThreads: boolean;
}

export class NamespacesTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | string[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: TreeSnapshot | undefined;
  private firstSnapshot: Promise<TreeSnapshot>;
  private resolveFirst!: (snapshot: TreeSnapshot) => void;

  constructor(
    private options: TreeOptionsState,
    /** The open isolated-terminal sessions and their namespaces in a result. */
    private readonly sessionRefs: (result: DiscoveryResult) => readonly SessionRef[] = () => [],
  ) {
    this.firstSnapshot = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  /** The tree as shown now; undefined before the first discovery finished. */
  get snapshot(): TreeSnapshot | undefined {
    return this.current;
  }

  get treeOptions(): Readonly<TreeOptionsState> {
    return this.options;
  }

  /** Shows a new discovery result; returns the ids it fired changes for ("root" for all). */
  showResult(result: DiscoveryResult): void {
    const next = this.build(result);
    const before = this.current;
    this.current = next;
    this.resolveFirst(next);
    if (!before) return this.changed.fire(undefined);
    const changes = diffTrees(before, next);
    if (changes.root) return this.changed.fire(undefined);
    if (changes.changed.length) this.changed.fire(changes.changed);
  }

  /** New grouping, filter or types: the whole tree is rebuilt from the current result. */
  setOptions(options: Partial<TreeOptionsState>): void {
    this.options = { ...this.options, ...options };
    if (!this.current) return;
    this.current = this.build(this.current.result);
    this.changed.fire(undefined);
  }

  async getChildren(element?: string): Promise<string[]> {
    const snapshot = this.current ?? (await this.firstSnapshot);
    return snapshot.children(element).map((node) => node.id);
  }

  getTreeItem(element: string): vscode.TreeItem {
    const snapshot = this.current;
    const node = snapshot?.node(element);
    // An id from before a refresh that removed it: VS Code asks only until it re-reads the parent.
    if (!snapshot || !node) return new vscode.TreeItem('(gone)', vscode.TreeItemCollapsibleState.None);
    return treeItemFor(node, snapshot.result, snapshot.hasChildren(element));
  }

  getParent(element: string): string | undefined {
    return this.current?.parent(element)?.id;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private build(result: DiscoveryResult): TreeSnapshot {
    return buildTree(result, { ...this.options, herePid: process.pid, sessions: this.sessionRefs(result) });
  }
}
