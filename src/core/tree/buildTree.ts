// Arranges a discovery result into the Namespaces tree for one grouping, filter and set of shown
// types. Pure: the same input gives the same ids, order and signatures.
import type { Namespace } from '../model/namespace';
import { idKey, type NamespaceId } from '../model/namespaceId';
import { NS_TYPES, type NsType } from '../model/nsType';
import type { DiscoveryResult } from '../model/result';
import type { ContainerRef } from '../model/container';
import { byInode, byTypeThenInode } from '../model/namespaceOrder';
import type { Grouping } from './grouping';
import { heldBy } from './heldBy';
import { isKernelThread } from './kernelThreads';
import { hostNamespaces, isHostNamespace, namespaceName } from './namespaceName';
import { containerGroupId, LIMITED_NODE_ID, namespaceNodeId, SESSIONS_GROUP_ID, sessionNamespaceNodeId, sessionNodeId, typeGroupId } from './nodeIds';
import { ROOT, TreeSnapshot, type SnapshotParts } from './treeSnapshot';
import type { TreeFilter } from './treeFilter';
import type { NamespaceNode, SessionRef, TreeNode } from './treeNode';
import { namespaceSignature, nodeSignature } from './signature';

export interface TreeOptions {
  grouping: Grouping;
  filter?: TreeFilter;
  /** Types to show (all when absent or empty). The hierarchy modes keep their skeleton type. */
  types?: readonly NsType[];
  /** The process whose namespaces are marked "you are here" (the extension host). */
  herePid?: number;
  /** Open isolated terminals: a "Sessions" group at the top, and their namespaces labelled. */
  sessions?: readonly SessionRef[];
  /** Show kthreadd and the kernel threads among a namespace's processes (hidden by default). */
  showKernelThreads?: boolean;
}

export function buildTree(result: DiscoveryResult, options: TreeOptions): TreeSnapshot {
  return new TreeBuilder(result, options).build();
}

class TreeBuilder {
  private readonly parts: SnapshotParts;
  private readonly here: Partial<Record<NsType, number>>;
  private readonly shownTypes: ReadonlySet<NsType>;
  /** "dev:ino" → the name of the session that made it. */
  private readonly sessionOf = new Map<string, string>();
  /** "dev:ino" → namespaceName(), computed once per namespace. */
  private readonly names = new Map<string, string>();
  private readonly host: Partial<Record<NsType, number>>;

  constructor(
    private readonly result: DiscoveryResult,
    private readonly options: TreeOptions,
  ) {
    this.parts = {
      result,
      grouping: options.grouping,
      filter: options.filter,
      nodes: new Map(),
      childIds: new Map([[ROOT, []]]),
      processPids: new Map(),
      signatures: new Map(),
      herePid: options.herePid,
    };
    this.here = (options.herePid !== undefined && result.processes.get(options.herePid)?.namespaces) || {};
    this.host = hostNamespaces(result, options.herePid);
    this.shownTypes = new Set(options.types?.length ? options.types : NS_TYPES);
    for (const session of options.sessions ?? []) {
      for (const key of session.namespaceKeys) if (!this.sessionOf.has(key)) this.sessionOf.set(key, session.name);
    }
  }

  build(): TreeSnapshot {
    if (!this.result.privileged) this.add({ kind: 'limited', id: LIMITED_NODE_ID, parentId: undefined, skipped: this.result.skipped });
    const layouts: Record<Grouping, () => void> = {
      type: () => this.byType(),
      userNamespace: () => this.byHierarchy('user', (ns) => ns.owner ?? ns.parent, true),
      pidNamespace: () => this.byHierarchy('pid', (ns) => ns.parent, false),
      container: () => this.byContainer(),
    };
    this.bySession();
    layouts[this.options.grouping]();
    return new TreeSnapshot(this.parts);
  }

  private byType(): void {
    const byType = new Map<NsType, Namespace[]>(NS_TYPES.map((type) => [type, []]));
    for (const ns of this.result.namespaces.values()) {
      if (this.shownTypes.has(ns.type) && this.visible(ns)) byType.get(ns.type)!.push(ns);
    }
    for (const [type, namespaces] of byType) {
      if (!this.shownTypes.has(type) || (this.options.filter && namespaces.length === 0)) continue;
      const group = this.add({ kind: 'typeGroup', id: typeGroupId(type), parentId: undefined, type, count: namespaces.length });
      for (const ns of namespaces.sort(byInode)) this.addNamespace(ns, group.id);
    }
  }

  /**
   * A tree of PID or user namespaces, each above its children; with `owned`, a user namespace
   * also holds the other namespaces it owns. A namespace whose parent is unknown is at the top.
   */
  private byHierarchy(type: 'pid' | 'user', parentOf: (ns: Namespace) => NamespaceId | null, owned: boolean): void {
    const below = new Map<string, Namespace[]>();
    const keyOfParent = (ns: Namespace) => {
      const parent = parentOf(ns);
      return parent && this.result.namespaces.has(idKey(parent)) ? idKey(parent) : ROOT;
    };
    for (const ns of this.result.namespaces.values()) {
      if (ns.type !== type && !(owned && this.shownTypes.has(ns.type))) continue;
      const key = keyOfParent(ns);
      if (!below.has(key)) below.set(key, []);
      below.get(key)!.push(ns);
    }
    const order = (a: Namespace, b: Namespace) =>
      Number(a.type !== type) - Number(b.type !== type) || byTypeThenInode(a, b);
    const kept = new Map<string, boolean>();
    const keep = (ns: Namespace): boolean => {
      const key = idKey(ns.id);
      if (!kept.has(key)) kept.set(key, this.visible(ns) || (ns.type === type && (below.get(key) ?? []).some(keep)));
      return kept.get(key)!;
    };
    const addBelow = (key: string, parentId: string | undefined) => {
      for (const ns of (below.get(key) ?? []).sort(order)) {
        if (!keep(ns)) continue;
        const node = this.addNamespace(ns, parentId);
        if (ns.type === type) addBelow(idKey(ns.id), node.id);
      }
    };
    addBelow(ROOT, undefined);
  }

  /**
   * "Sessions" above any grouping: each open isolated terminal with the namespaces it made (all
   * of them, whatever the shown types: they are what the terminal isolates). With a filter, a
   * session shows only when one of its namespaces passes.
   */
  private bySession(): void {
    const sessions = (this.options.sessions ?? []).map((session) => ({
      session,
      namespaces: [...session.namespaceKeys]
        .map((key) => this.result.namespaces.get(key))
        .filter((ns): ns is Namespace => ns !== undefined && this.visible(ns))
        .sort(byTypeThenInode),
    }));
    const shown = this.options.filter ? sessions.filter((s) => s.namespaces.length > 0) : sessions;
    if (shown.length === 0) return;
    this.add({ kind: 'sessionGroup', id: SESSIONS_GROUP_ID, parentId: undefined, count: shown.length });
    for (const { session, namespaces } of shown) {
      const node = this.add({ kind: 'session', id: sessionNodeId(session.pid), parentId: SESSIONS_GROUP_ID, session, namespaceCount: namespaces.length });
      for (const ns of namespaces) this.addNamespace(ns, node.id, { id: sessionNamespaceNodeId(node.id, ns.id), inSession: true });
    }
  }

  private byContainer(): void {
    const groups = new Map<string, { container: ContainerRef | null; namespaces: Namespace[] }>();
    for (const ns of this.result.namespaces.values()) {
      if (!this.shownTypes.has(ns.type) || !this.visible(ns)) continue;
      const id = containerGroupId(ns.container);
      if (!groups.has(id)) groups.set(id, { container: ns.container, namespaces: [] });
      groups.get(id)!.namespaces.push(ns);
    }
    // Containers by engine and id, the host last.
    const ids = [...groups.keys()].sort((a, b) => Number(!groups.get(a)!.container) - Number(!groups.get(b)!.container) || a.localeCompare(b));
    for (const id of ids) {
      const { container, namespaces } = groups.get(id)!;
      this.add({ kind: 'containerGroup', id, parentId: undefined, container, count: namespaces.length });
      for (const ns of namespaces.sort(byTypeThenInode)) this.addNamespace(ns, id);
    }
  }

  /** Whether the filter lets a namespace through: itself, or one of its processes. */
  private visible(ns: Namespace): boolean {
    const filter = this.options.filter;
    return !filter || filter.namespaceMatches(ns, this.nameOf(ns)) || ns.pids.some((pid) => this.processVisible(pid, filter));
  }

  private processVisible(pid: number, filter: TreeFilter): boolean {
    const process = this.result.processes.get(pid);
    return !!process && this.processShown(pid) && filter.processMatches(process);
  }

  private processShown(pid: number): boolean {
    if (this.options.showKernelThreads) return true;
    const process = this.result.processes.get(pid);
    return !process || !isKernelThread(process);
  }

  private nameOf(ns: Namespace): string {
    const key = idKey(ns.id);
    let name = this.names.get(key);
    if (name === undefined) this.names.set(key, (name = namespaceName(ns, this.result, ns.id.dev === this.result.nsfsDev && isHostNamespace(ns, this.host))));
    return name;
  }

  private addNamespace(ns: Namespace, parentId: string | undefined, under: { id: string; inSession: true } | undefined = undefined): NamespaceNode {
    const filter = this.options.filter;
    const name = this.nameOf(ns);
    const pids =
      filter && !filter.namespaceMatches(ns, name)
        ? ns.pids.filter((pid) => this.processVisible(pid, filter))
        : this.options.showKernelThreads
          ? ns.pids
          : ns.pids.filter((pid) => this.processShown(pid));
    const node = this.add({
      kind: 'namespace',
      id: under?.id ?? namespaceNodeId(ns.id),
      parentId,
      ns,
      name,
      heldBy: heldBy(ns),
      here: this.here[ns.type] === ns.id.ino && ns.id.dev === this.result.nsfsDev,
      processCount: pids.length,
      session: this.sessionOf.get(idKey(ns.id)),
      ...(under ? { inSession: true } : {}),
    });
    this.parts.processPids.set(node.id, orderProcesses(pids, ns.leaders));
    this.parts.signatures.set(node.id, namespaceSignature(node, this.parts.processPids.get(node.id)!, this.result));
    return node;
  }

  private add<T extends TreeNode>(node: T): T {
    this.parts.nodes.set(node.id, node);
    this.parts.childIds.set(node.id, []);
    this.parts.childIds.get(node.parentId ?? ROOT)!.push(node.id);
    if (node.kind !== 'namespace') this.parts.signatures.set(node.id, nodeSignature(node));
    return node;
  }
}

/** Leaders first, each part by PID. */
function orderProcesses(pids: readonly number[], leaders: readonly number[]): number[] {
  const isLeader = new Set(leaders);
  return [...pids].sort((a, b) => Number(isLeader.has(b)) - Number(isLeader.has(a)) || a - b);
}

