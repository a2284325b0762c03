// One ID-maps panel: a user namespace's chain of maps, kept live. While the panel is visible it
// refreshes discovery every few seconds (through the Namespaces view's runner, so scans never run
// twice at once) and posts the model when it changed; when the namespace is gone it says so and
// keeps the last model. Translate requests are checked, parsed again and answered here.
import * as vscode from 'vscode';
import type { NamespaceId } from '../../../core/model/namespaceId';
import { buildIdMapsModel } from '../../../core/idmaps/idMapsModel';
import { sameNamespace, sightingOf, type NamespaceSighting } from '../../../core/idmaps/namespaceContinuity';
import { idKey } from '../../../core/model/namespaceId';
import type { IdMapsModel } from '../../../core/idmaps/idMapsTypes';
import { readHostIdFacts } from '../../../core/idmaps/hostIdFacts';
import { parseId } from '../../../core/idmaps/parseId';
import { translateId } from '../../../core/idmaps/translateId';
import { checkIdMapsMessage, type FromIdMapsWebview, type ToIdMapsWebview } from '../../../core/idmaps/idMapsMessages';
import { LivePanel } from '../../webviews/livePanel';
import type { NamespacesView } from '../namespacesView';

/** How often a visible panel looks at the maps again (newuidmap, a namespace exiting). */
export const LIVE_INTERVAL_MS = 2000;

export class IdMapsPanel extends LivePanel<ToIdMapsWebview, FromIdMapsWebview> {
  private model: IdMapsModel | null = null;
  private gone = false;
  /** What the target looked like last time, to tell it from a new namespace given its inode. */
  private sighting: NamespaceSighting | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    readonly target: NamespaceId,
    extensionUri: vscode.Uri,
    private readonly view: NamespacesView,
    log: vscode.LogOutputChannel,
  ) {
    const title = `ID Maps: user ${target.ino}`;
    super(panel, extensionUri, { title, name: 'ID maps', scripts: ['webview/idMaps.js'], styles: ['webview/idMaps.css'], validate: checkIdMapsMessage, intervalMs: LIVE_INTERVAL_MS }, log);
    this._register(this.channel.onMessage((message) => void this.handle(message)));
    // Shown again: look at once (nothing was watched while hidden).
    this._register(panel.onDidChangeViewState(() => (panel.visible ? void this.update() : this.schedule())));
    void this.update();
  }

  /** Discovers again and posts the model if it changed; returns it (null: the namespace is gone). */
  async update(): Promise<IdMapsModel | null> {
    try {
      const result = await this.view.refresh();
      if (!result) return this.model;
      const ns = result.namespaces.get(idKey(this.target));
      const now = ns && sightingOf(ns);
      const same = now !== undefined && sameNamespace(this.sighting, now);
      const model = same ? buildIdMapsModel(result, this.target, readHostIdFacts()) : null;
      if (model) {
        this.model = model;
        this.sighting = now;
      } else if (now) {
        this.log.debug(`ID maps: user namespace ${this.target.ino} was replaced by a new namespace with the same inode`);
      }
      this.gone = model === null;
      this.postModel(false);
      return model;
    } finally {
      this.schedule();
    }
  }

  /** A namespace that is gone stays gone: nothing to look at again. */
  protected isLive(): boolean {
    return !this.gone;
  }

  protected modelMessage(): { key: string; message: ToIdMapsWebview } {
    return {
      key: JSON.stringify([this.model, this.gone]),
      message: { type: 'model', model: this.model, gone: this.gone, target: { dev: this.target.dev, ino: this.target.ino }, updated: new Date().toISOString() },
    };
  }

  private async handle(message: FromIdMapsWebview): Promise<void> {
    if (message.type === 'refresh') {
      await this.update();
      return;
    }
    const { request } = message;
    const parsed = parseId(message.text);
    if (!parsed.ok) return this.channel.post({ type: 'translationError', request, message: parsed.message });
    if (!this.model) return this.channel.post({ type: 'translationError', request, message: 'The maps are not known yet.' });
    const translation = translateId(this.model, message.kind, message.from, parsed.id);
    if (!translation) return this.channel.post({ type: 'translationError', request, message: `User namespace ${message.from} is not in this chain.` });
    this.log.debug(`ID maps: ${message.kind} ${parsed.id} of user ${message.from} translated`);
    this.channel.post({ type: 'translation', request, translation });
  }
}
