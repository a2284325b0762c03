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
import { WebviewChannel } from '../../webviews/webviewChannel';
import { webviewHtml, webviewOptions } from '../../webviews/webviewHtml';
import { registerPanelSerializer } from '../../webviews/panelSerializer';
import type { NamespacesView } from '../namespacesView';
import type { IsolatedSessions } from '../../terminals/isolatedSessions';

export const TOPOLOGY_VIEW_TYPE = 'nsInspector.topology';
/** How often a visible panel collects again. */
export const TOPOLOGY_LIVE_MS = 3000;

export class TopologyPanel extends Disposable {
  readonly channel: WebviewChannel<ToTopologyWebview, FromTopologyWebview>;
  private readonly messages = this._register(new vscode.EventEmitter<FromTopologyWebview>());
  /** Validated messages from the page (actions, exports, render reports). */
  readonly onMessage = this.messages.event;
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private posted = '';
  private updating: Promise<Topology | undefined> | undefined;
  /** The view switched while a collection ran: that one read the old way, so read again after it. */
  private readAgain = false;
  /** What the view has just read on switching to the privileged view: used instead of a new read. */
  private viewJustRead: DiscoveryResult | undefined;
  topology: Topology | undefined;
  /** The page's last render report; for tests and the benchmark. */
  lastRendered: Extract<FromTopologyWebview, { type: 'rendered' }> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    private readonly sessions: IsolatedSessions,
    private readonly helper: PrivilegedHelper | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    panel.title = 'Network Topology';
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'namespaces.svg');
    panel.webview.options = webviewOptions(extensionUri);
    this.channel = this._register(new WebviewChannel(panel.webview, validateFromTopologyWebview, log, 'topology'));
    this._register(this.channel.onReady(() => this.post(true)));
    this._register(
      this.channel.onMessage((message) => {
        if (message.type === 'rendered') this.lastRendered = message;
        this.messages.fire(message);
      }),
    );
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
    this._register(panel.onDidDispose(() => this.dispose()));
    this.watchNetnsDir();
    panel.webview.html = webviewHtml(panel.webview, extensionUri, { title: 'Network Topology', scripts: ['webview/topology.js'], styles: ['webview/topology.css'] });
    void this.update();
  }

  override dispose(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.disposedEmitter.fire();
    super.dispose();
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
      this.post(false);
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

  /** Posts the model when it differs from the last one posted (or always, after a ready). */
  private post(always: boolean): void {
    if (!this.topology) return;
    const text = JSON.stringify({ ...this.topology, collectedAt: 0 });
    if (!always && text === this.posted) return;
    this.posted = text;
    this.channel.post({ type: 'topology', topology: this.topology, collectMs: this.collectMs });
  }

  postCaptures(captures: CaptureInfo[]): void {
    this.channel.post({ type: 'captures', captures });
  }

  focus(namespaceKey: string): void {
    this.channel.post({ type: 'focus', namespaceKey });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || !this.panel.visible || !this.live) return;
    this.timer = setTimeout(() => void this.update(), TOPOLOGY_LIVE_MS);
  }

  // `ip netns add/del` shows here at once; other changes wait for the next tick.
  private watchNetnsDir(): void {
    try {
      fs.mkdirSync('/run/netns', { recursive: true });
      const watcher = fs.watch('/run/netns', () => {
        clearTimeout(this.netnsDebounce);
        this.netnsDebounce = setTimeout(() => this.panel.visible && this.live && void this.update(), 150);
      });
      this._register({ dispose: () => watcher.close() });
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
