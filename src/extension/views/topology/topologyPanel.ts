// The Network Topology panel (one per window): collects the model (reusing the Namespaces view's
// discovery, so scans never run twice), posts it when it changed, and stays live while visible:
// every few seconds and whenever /run/netns changes (through the privileged helper only when it
// runs without asking for a password). The webview keeps pan, zoom, selection and
// search itself (setState) and gets them back after a reload; the serializer restores the panel.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PrivilegedHelper } from '../../helper/privilegedHelper';
import { collectForView, readsThroughHelper } from './collectForView';
import type { Topology } from '../../../core/net/topology';
import type { DiscoveryResult } from '../../../core/model/result';
import {
  validateFromTopologyWebview,
  validateTopologyViewState,
  type CaptureInfo,
  type FromTopologyWebview,
  type ToTopologyWebview,
} from '../../../core/net/topologyMessages';
import { Disposable } from '../../disposable';
import { LivePanel } from '../../webviews/livePanel';
import { registerPanelSerializer } from '../../webviews/panelSerializer';
import type { NamespacesView } from '../namespacesView';
import type { IsolatedSessions } from '../../terminals/isolatedSessions';

export const TOPOLOGY_VIEW_TYPE = 'nsInspector.topology';
/** How often a visible panel collects again. */
export const TOPOLOGY_LIVE_MS = 3000;

export class TopologyPanel extends LivePanel<ToTopologyWebview, FromTopologyWebview> {
  /** Validated messages from the page (actions, exports, render reports). */
  readonly onMessage = this.channel.onMessage;
  private updating: Promise<Topology | undefined> | undefined;
  /** The view switched while a collection ran: that one read the old way, so read again after it. */
  private readAgain = false;
  /** What the view has just read on switching to the privileged view: used instead of a new read. */
  private viewJustRead: DiscoveryResult | undefined;
  topology: Topology | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly sessions: IsolatedSessions,
    private readonly helper: PrivilegedHelper | undefined,
    log: vscode.LogOutputChannel,
  ) {
    const page = { title: 'Network Topology', name: 'topology', scripts: ['webview/topology.js'], styles: ['webview/topology.css'], validate: validateFromTopologyWebview, intervalMs: TOPOLOGY_LIVE_MS };
    super(panel, extensionUri, page, log);
    this._register(panel.onDidChangeViewState(() => this.schedule()));
    // Show All (or back): read again the other way, through the helper or as the caller.
    this._register(
      view.onDidChangePrivileged((on) => {
        if (!this.panel.visible) return;
        // Switching on, the view has just read everything through the helper: another snapshot
        // would ask for a password again.
        this.viewJustRead = on ? view.result : undefined;
        if (this.updating) this.readAgain = true;
        else void this.update();
      }),
    );
    this.watchNetnsDir();
    void this.update();
  }

  /** Collects again (joining a collection already running) and posts the model if it changed. */
  update(): Promise<Topology | undefined> {
    this.updating ??= this.collect().finally(() => {
      this.updating = undefined;
      if (!this.readAgain) return this.schedule();
      this.readAgain = false;
      void this.update();
    });
    return this.updating;
  }

  private async collect(): Promise<Topology | undefined> {
    const started = performance.now();
    try {
      const through = readsThroughHelper(this.view, this.helper) ? this.helper : undefined;
      // Live through the helper only when no one is asked for a password each time.
      this.live = !through || (await through.runsWithoutPrompt());
      const discovery = this.viewJustRead;
      this.viewJustRead = undefined;
      const topology = await collectForView(this.view, this.sessions, this.helper, discovery);
      if (!topology || this.closed) return this.topology;
      this.topology = topology;
      this.collectMs = performance.now() - started;
      this.log.debug(`topology: ${this.topology.namespaces.length} namespaces, ${this.topology.wires.length} wires in ${Math.round(this.collectMs)} ms`);
      this.postModel(false);
    } catch (error) {
      const message = `Could not collect the network topology: ${error instanceof Error ? error.message : String(error)}`;
      this.log.error(message);
      this.channel.post({ type: 'error', message });
    }
    return this.topology;
  }

  private collectMs = 0;
  /** Whether the panel collects again by itself (timer, /run/netns changes). */
  private live = true;

  /** The model, compared without its collection time. */
  protected modelMessage(): { key: string; message: ToTopologyWebview } | undefined {
    if (!this.topology) return undefined;
    return { key: JSON.stringify({ ...this.topology, collectedAt: 0 }), message: { type: 'topology', topology: this.topology, collectMs: this.collectMs } };
  }

  protected isLive(): boolean {
    return this.live;
  }

  postCaptures(captures: CaptureInfo[]): void {
    this.channel.post({ type: 'captures', captures });
  }

  focus(namespaceKey: string): void {
    this.channel.post({ type: 'focus', namespaceKey });
  }

  // `ip netns add/del` shows here at once; other changes wait for the next tick.
  private watchNetnsDir(): void {
    try {
      fs.mkdirSync('/run/netns', { recursive: true });
      const watcher = fs.watch('/run/netns', () => {
        clearTimeout(this.netnsDebounce);
        this.netnsDebounce = setTimeout(() => this.panel.visible && this.live && void this.update(), 150);
      });
      // A change just before the panel closed must not reach a disposed webview.
      this._register({ dispose: () => (watcher.close(), clearTimeout(this.netnsDebounce)) });
    } catch (error) {
      this.log.debug(`topology: not watching /run/netns: ${String(error)}`);
    }
  }

  private netnsDebounce: NodeJS.Timeout | undefined;
}

/** The panel of the window: shown, created, or restored after a reload. */
export class TopologyPanels extends Disposable {
  current: TopologyPanel | undefined;
  private readonly created = this._register(new vscode.EventEmitter<TopologyPanel>());
  /** A panel was created or restored: the actions subscribe to its messages. */
  readonly onDidCreate = this.created.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly sessions: IsolatedSessions,
    private readonly helper: PrivilegedHelper | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(registerPanelSerializer(TOPOLOGY_VIEW_TYPE, validateTopologyViewState, (panel) => void this.adopt(panel), log));
    this._register({ dispose: () => this.current?.panel.dispose() });
  }

  show(): TopologyPanel {
    if (this.current) {
      this.current.panel.reveal();
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(TOPOLOGY_VIEW_TYPE, 'Network Topology', vscode.ViewColumn.Active, {});
    return this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): TopologyPanel {
    this.current?.panel.dispose();
    const topology = new TopologyPanel(panel, this.extensionUri, this.view, this.sessions, this.helper, this.log);
    this.current = topology;
    topology.onDidDispose(() => {
      if (this.current === topology) this.current = undefined;
    });
    this.created.fire(topology);
    return topology;
  }
}
