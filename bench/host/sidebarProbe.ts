// Runs inside the VS Code extension host (loaded as extensionTestsPath by
// bench/sidebarHost.bench.ts). It tells the bench when the extension is active, waits while the
// bench measures rendering in the browser, then measures the extension host's own event loop
// while the real auto-refresh runs, and writes its figures to the bench's folder.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../src/extension/extension';
import { measureEventLoopBlock } from '../eventLoopBlock';
import { HOST_BENCH_DIR_ENV, type HostProbeResults } from './hostBenchFiles';

const EXTENSION_ID = 'nsinspector.namespace-inspector';

export async function run(): Promise<void> {
  const dir = process.env[HOST_BENCH_DIR_ENV];
  if (!dir) throw new Error(`${HOST_BENCH_DIR_ENV} is not set`);
  try {
    const api = await vscode.extensions.getExtension<NamespaceInspectorApi>(EXTENSION_ID)?.activate();
    if (!api) throw new Error(`extension ${EXTENSION_ID} did not activate`);
    writeFileSync(join(dir, 'ready'), '');
    await waitForFile(join(dir, 'browser-done'), 10 * 60_000);
    writeFileSync(join(dir, 'probe.json'), JSON.stringify(await measureAutoRefresh(api)));
  } catch (error) {
    const failed: HostProbeResults = { error: (error as Error).stack ?? String(error) };
    writeFileSync(join(dir, 'probe.json'), JSON.stringify(failed));
  }
}

/** Turns the real auto-refresh on (every second) and watches the event loop over several refreshes. */
async function measureAutoRefresh(api: NamespaceInspectorApi): Promise<HostProbeResults> {
  const view = api.namespacesView;
  const refreshes = 8;
  const config = vscode.workspace.getConfiguration('nsInspector');
  await config.update('autoRefreshInterval', 1, vscode.ConfigurationTarget.Global);
  try {
    const { blockMs } = await measureEventLoopBlock(async () => {
      let seen = view.result;
      for (let count = 0; count < refreshes; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (view.result !== seen) {
          seen = view.result;
          count++;
        }
      }
    });
    const result = view.result!;
    return { blockMs, refreshes, processes: result.processes.size, namespaces: result.namespaces.size };
  } finally {
    await config.update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  }
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
