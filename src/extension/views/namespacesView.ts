// The Namespaces view: wires the tree provider, the discovery runner, automatic refresh,
// settings, context keys and the details documents together. Commands and tests reach the view
// through this object (activate() returns it in its API).
import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../core/model/result';
import type { NamespaceId } from '../../core/model/namespaceId';
import { compileFilter } from '../../core/tree/treeFilter';
import { GROUPING_TITLES, type Grouping } from '../../core/tree/grouping';
import type { TreeSnapshot } from '../../core/tree/treeSnapshot';
import { Disposable } from '../disposable';
import type { IsolatedSessions } from '../terminals/isolatedSessions';
import type { PrivilegedHelper } from '../helper/privilegedHelper';
import { parseHelperSnapshot } from '../../core/discovery/helperSnapshot';
import { isCancellation } from '../../core/exec/runTool';
import { CONTEXT_KEYS, setContextKey } from '../contextKeys';
import { AutoRefresh } from './namespaces/autoRefresh';
import { DetailsDocuments, DETAILS_SCHEME } from './namespaces/detailsDocuments';
import { DiscoveryRunner } from './namespaces/discoveryRunner';
import { ContainerCatalog } from '../../core/containers/containerCatalog';
import { NamespacesTreeProvider } from './namespaces/namespacesTreeProvider';
import { affectsViewSettings, readViewSettings, saveGrouping } from './namespaces/viewSettings';

export const NAMESPACES_VIEW_ID = 'nsInspector.namespaces';

export class NamespacesView extends Disposable {
  readonly provider: NamespacesTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  readonly details: DetailsDocuments;
  private readonly runner: DiscoveryRunner;
  private readonly autoRefresh: AutoRefresh;
  private latest: DiscoveryResult | undefined;
  /** The engines' names for containers: applied to each refresh, asked again in the background. */
  private readonly containers: ContainerCatalog;
  /** Showing everything through the privileged helper's snapshot ("Show All Namespaces"). */
  private privilegedView = false;
  /** Automatic refresh while privileged only when no one is asked for a password each time. */
  private autoRefreshPrivileged = false;
  /** The switch to the privileged view while it reads its first snapshot. */
  private switching: Promise<DiscoveryResult> | undefined;
  private readonly privilegedChanged = this._register(new vscode.EventEmitter<boolean>());
  /** The view switched between the caller's own view and the privileged one (the topology follows). */
  readonly onDidChangePrivileged = this.privilegedChanged.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    readonly sessions: IsolatedSessions,
    private readonly helper?: PrivilegedHelper,
  ) {
    super();
    this.containers = new ContainerCatalog({ log: (line) => log.info(line) });
    const settings = readViewSettings();
    this.provider = this._register(
      new NamespacesTreeProvider({ grouping: settings.grouping, filter: undefined, types: settings.shownTypes, showKernelThreads: settings.showKernelThreads }, (result) => sessions.sessionRefs(result)),
    );
    this.treeView = this._register(vscode.window.createTreeView(NAMESPACES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.runner = this._register(new DiscoveryRunner(NAMESPACES_VIEW_ID, log));
    this.details = this._register(new DetailsDocuments(() => this.latest));
    this._register(vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this.details));
    this.autoRefresh = this._register(new AutoRefresh(this.treeView, () => this.refresh(), settings.autoRefreshSeconds));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => affectsViewSettings(event) && this.applySettings()));
    // A session that starts brings new namespaces, one that ends takes its labels away.
    this._register(sessions.onDidChange(() => void this.refresh()));
    this.showOptions();
    void this.refresh();
  }

  get result(): DiscoveryResult | undefined {
    return this.latest;
  }

  /** The shown result, or a discovery now when the view has shown none yet (a command run before the first refresh ended). */
  async currentResult(): Promise<DiscoveryResult | undefined> {
    return this.latest ?? this.refresh();
  }

  get snapshot(): TreeSnapshot | undefined {
    return this.provider.snapshot;
  }

  /** Automatic refresh's interval now: the setting, paced by what refreshes cost; 0 when off. */
  get autoRefreshIntervalMs(): number {
    return this.autoRefresh.currentIntervalMs;
  }

  get privileged(): boolean {
    return this.privilegedView;
  }

  /**
   * Switches between the caller's own view and the privileged one (discovery from the helper's
   * snapshot). Turning it on refreshes at once; when that fails the view stays as it was and the
   * error is thrown for the caller to show (a cancellation through `signal` too).
   */
  async setPrivileged(on: boolean, signal?: AbortSignal): Promise<DiscoveryResult | undefined> {
    if (on && !this.helper) throw new Error('no privileged helper');
    const helper = this.helper;
    if (on && helper) {
      // Asked before the snapshot source is set: a refresh started meanwhile (the topology's
      // live tick) must not read a snapshot of its own, a second password's worth.
      this.autoRefreshPrivileged = await helper.runsWithoutPrompt();
      this.runner.snapshotSource = async (signal) => parseHelperSnapshot((await helper.run({ verb: 'snapshot' }, { signal })).stdout);
      const switching = this.switchToPrivileged(signal);
      this.switching = switching;
      try {
        return await switching;
      } finally {
        if (this.switching === switching) this.switching = undefined;
      }
    }
    this.runner.snapshotSource = undefined;
    const was = this.privilegedView;
    this.privilegedView = false;
    this.applySettings();
    if (was) this.privilegedChanged.fire(false);
    return this.refresh();
  }

  private async switchToPrivileged(signal?: AbortSignal): Promise<DiscoveryResult> {
    try {
      const result = await this.runner.run(signal);
      this.privilegedView = true;
      const shown = await this.show(result);
      this.privilegedChanged.fire(true);
      return shown;
    } catch (error) {
      this.runner.snapshotSource = undefined;
      throw error;
    } finally {
      this.applySettings();
    }
  }

  /**
   * Discovers again and shows what changed; undefined when discovery failed (the view says why)
   * or was cancelled through `signal` (the view keeps showing the last result).
   */
  async refresh(signal?: AbortSignal): Promise<DiscoveryResult | undefined> {
    // A refresh asked for during the switch to the privileged view (the topology's live tick)
    // takes the switch's reading instead of queueing a second snapshot: a second password.
    const switched = await this.switching?.catch(() => undefined);
    if (switched) return switched;
    // CPU of the whole extension host (the scan's threads too), for pacing automatic refresh.
    const cpu = process.cpuUsage();
    try {
      return await this.show(await this.runner.run(signal));
    } catch (error) {
      if (isCancellation(error)) return undefined;
      this.log.error('refreshing the Namespaces view failed', error);
      this.treeView.message = `Discovery failed: ${(error as Error).message}. See "Namespace Inspector: Show Log".`;
      return undefined;
    } finally {
      const used = process.cpuUsage(cpu);
      this.autoRefresh.refreshed((used.user + used.system) / 1000);
    }
  }

  private async show(result: DiscoveryResult): Promise<DiscoveryResult> {
    // Discovery's last slice and the tree build each get an event-loop turn of their own.
    await new Promise((resolve) => setImmediate(resolve));
    this.containers.apply(result);
    if (this.containers.stale(result)) void this.askEngines(result);
    this.latest = result;
    this.provider.showResult(result);
    this.details.refreshOpenDocuments();
    this.showOptions();
    return result;
  }

  /** Never awaited by a refresh: when the engines' answers change, the shown result is redrawn. */
  private async askEngines(result: DiscoveryResult): Promise<void> {
    if (!(await this.containers.refresh(result)) || !this.latest) return;
    this.containers.apply(this.latest);
    this.provider.showResult(this.latest);
    this.details.refreshOpenDocuments();
  }

  setFilter(text: string | undefined): Promise<void> {
    this.provider.setOptions({ filter: compileFilter(text) });
    this.showOptions();
    return text ? this.revealMatches() : Promise.resolve();
  }

  /** Opens the folders the filter's matches are in, so they show without a click (the first few). */
  private async revealMatches(): Promise<void> {
    const matches = this.snapshot?.namespaceNodes().slice(0, REVEALED_MATCHES) ?? [];
    for (const node of matches) await this.treeView.reveal(node.id, { select: false, focus: false, expand: false });
  }

  /** Switches grouping and remembers it (in the nsInspector.grouping setting). */
  async setGrouping(grouping: Grouping): Promise<void> {
    this.provider.setOptions({ grouping });
    this.showOptions();
    await saveGrouping(grouping);
  }

  /** Shows and selects the nodes of these namespaces; returns how many the tree shows. */
  async revealNamespaces(ids: NamespaceId[]): Promise<number> {
    const nodes = ids.map((id) => this.snapshot?.namespaceNode(id)).filter((node) => node !== undefined);
    for (const [i, node] of nodes.entries()) {
      await this.treeView.reveal(node.id, { select: i === 0, focus: i === 0, expand: false });
    }
    return nodes.length;
  }

  private applySettings(): void {
    const settings = readViewSettings();
    const options = this.provider.treeOptions;
    if (
      settings.grouping !== options.grouping ||
      settings.shownTypes.join() !== options.types.join() ||
      settings.showKernelThreads !== options.showKernelThreads
    ) {
      this.provider.setOptions({ grouping: settings.grouping, types: settings.shownTypes, showKernelThreads: settings.showKernelThreads });
    }
    this.autoRefresh.setInterval(this.privilegedView && !this.autoRefreshPrivileged ? 0 : settings.autoRefreshSeconds);
    this.showOptions();
  }

  /**
   * The grouping and the filter next to the view's title. A filter matching nothing leaves the
   * tree empty, so VS Code shows the viewsWelcome with its Clear Filter button (a tree message
   * would hide it).
   */
  private showOptions(): void {
    const { grouping, filter } = this.provider.treeOptions;
    // Each is set only when it changes: setting the same description or message again re-renders
    // the view's title and closed an open menu at every auto-refresh.
    const description = `${GROUPING_TITLES[grouping]}${filter ? ` · filter "${filter.text}"` : ''}${this.privilegedView ? ' · privileged' : ''}`;
    if (this.treeView.description !== description) this.treeView.description = description;
    setContextKey(CONTEXT_KEYS.grouping, grouping);
    setContextKey(CONTEXT_KEYS.privileged, this.privilegedView);
    setContextKey(CONTEXT_KEYS.filtered, !!filter);
    // Said in the tree too: the description is hidden when the view is alone in its container.
    // A filter matching nothing leaves no message, so the viewsWelcome with Clear Filter shows.
    const matches = this.snapshot?.namespaceNodes().length ?? 0;
    const lines = [
      this.privilegedView ? 'Privileged view: every process, read as root through the helper.' : '',
      filter ? `Filter "${filter.text}": ${matches} namespace${matches === 1 ? '' : 's'} match. Clear it from the view's title bar.` : '',
    ];
    const message = filter && matches === 0 ? undefined : lines.filter(Boolean).join(' ') || undefined;
    if (this.treeView.message !== message) this.treeView.message = message;
  }
}

/** How many of a filter's matches are revealed: enough for a screenful, not a tree opened whole. */
const REVEALED_MATCHES = 20;

export function registerNamespacesView(log: vscode.LogOutputChannel, sessions: IsolatedSessions, helper?: PrivilegedHelper): NamespacesView {
  return new NamespacesView(log, sessions, helper);
}
