// Captures on interfaces: the helper's pcap stream goes into a .pcap file in the workspace
// (captures/ under the first folder on disk, else the home folder). A notification with a
// Cancel/Stop button runs from its start (which can be cancelled) to its end, the picture's
// details pane has one too; when it ends the file opens in Wireshark when installed, else it is
// revealed (openCapture.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { NetTarget } from '../../../core/helper/netTarget';
import type { NetNamespaceNode } from '../../../core/net/topology';
import type { CaptureInfo } from '../../../core/net/topologyMessages';
import { Disposable } from '../../disposable';
import type { HelperCapture, PrivilegedHelper } from '../../helper/privilegedHelper';
import { hostTextForUi } from '../../../core/text/hostText';
import { isCancellation } from '../../../core/exec/runTool';
import { openCapture, type CaptureHandOver } from './openCapture';

interface RunningCapture extends CaptureInfo {
  helper: HelperCapture;
  written: Promise<void>;
  stopped: Promise<CaptureResult>;
  stop(): void;
}

export interface CaptureResult {
  file: string;
  bytes: number;
  exitCode: number;
  /** Where the file was handed to the user (undefined: the capture failed, an error was shown). */
  handedOver?: CaptureHandOver;
}

export class PcapCaptures extends Disposable {
  private readonly running = new Map<string, RunningCapture>();
  private readonly changed = this._register(new vscode.EventEmitter<CaptureInfo[]>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly helper: PrivilegedHelper,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register({ dispose: () => [...this.running.values()].forEach((c) => c.stop()) });
  }

  list(): CaptureInfo[] {
    return [...this.running.values()].map(({ id, namespaceKey, ifname, file }) => ({ id, namespaceKey, ifname, file }));
  }

  /**
   * Starts a capture under one notification for its whole life: "starting…" while the helper is
   * got going (Cancel then starts nothing: rejects with a cancellation), then its file; Cancel
   * (Stop) ends it.
   */
  start(ns: NetNamespaceNode, target: NetTarget, ifName: string): Promise<CaptureInfo> {
    const file = captureFile(ns, ifName);
    const starting = new AbortController();
    return new Promise<CaptureInfo>((resolve, reject) => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Capture on ${hostTextForUi(ifName)} in ${hostTextForUi(ns.label)}`, cancellable: true },
        async (progress, token) => {
          let capture: RunningCapture | undefined;
          token.onCancellationRequested(() => (capture ? capture.stop() : starting.abort()));
          progress.report({ message: 'starting…' });
          try {
            capture = await this.begin(ns, target, ifName, file, starting.signal);
          } catch (error) {
            if (isCancellation(error)) void vscode.window.setStatusBarMessage(`$(circle-slash) Capture on ${hostTextForUi(ifName)}: cancelled`, 5_000);
            return reject(error);
          }
          progress.report({ message: `→ ${path.basename(file)}` });
          resolve({ id: capture.id, namespaceKey: ns.key, ifname: ifName, file });
          await capture.stopped;
        },
      );
    });
  }

  private async begin(ns: NetNamespaceNode, target: NetTarget, ifName: string, file: string, signal: AbortSignal): Promise<RunningCapture> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const helper = await this.helper.capture(target, ifName, signal);
    const out = fs.createWriteStream(file);
    helper.pcap.pipe(out);
    const written = new Promise<void>((resolve) => out.on('close', () => resolve()));
    let stopRequested: () => void = () => undefined;
    const stopSignal = new Promise<void>((resolve) => (stopRequested = resolve));
    const id = randomUUID();
    const stopped = (async (): Promise<CaptureResult> => {
      await Promise.race([stopSignal, helper.done]);
      const result = await helper.stop();
      await written;
      this.running.delete(id);
      this.changed.fire(this.list());
      const bytes = fs.statSync(file).size;
      this.log.info(`topology: capture on ${ifName} in ${ns.label} ended (exit ${result.exitCode}), ${bytes} bytes in ${file}`);
      let handedOver: CaptureHandOver | undefined;
      if (result.exitCode !== 0 && bytes <= 24) {
        void vscode.window.showErrorMessage(`Capture on ${hostTextForUi(ifName)} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
      } else {
        handedOver = openCapture(this.log, file, bytes);
      }
      return { file, bytes, exitCode: result.exitCode, handedOver };
    })();
    const capture: RunningCapture = { id, namespaceKey: ns.key, ifname: ifName, file, helper, written, stopped, stop: () => stopRequested() };
    this.running.set(id, capture);
    this.changed.fire(this.list());
    return capture;
  }

  /** Stops a capture; resolves when its file is complete. */
  async stop(id: string): Promise<CaptureResult | undefined> {
    const capture = this.running.get(id);
    if (!capture) return undefined;
    capture.stop();
    return capture.stopped;
  }
}

function captureFile(ns: NetNamespaceNode, ifName: string): string {
  // A file folder: a container's root (nsfs-root://) is no place on this disk.
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? os.homedir();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const label = (ns.netnsName ?? ns.label).replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return path.join(folder, 'captures', `${label}-${ifName}-${stamp}.pcap`);
}
