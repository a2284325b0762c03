// Runs inside the VS Code extension host (loaded as extensionTestsPath by
// bench/sidebarHost.bench.ts). It tells the bench when the extension is active, waits while the
// bench measures rendering in the browser, then measures the extension host's own event loop
// while the real auto-refresh runs, and writes its figures to the bench's folder.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NamespaceInspectorApi } from '../../src/extension/extension';
import { measureEventLoopBlock } from '../eventLoopBlock';
import { HOST_BENCH_DIR_ENV, SIGNALS, type HostProbeResults, type IdleCost, type IdleCpu } from './hostBenchFiles';
import type { NamespacesView } from '../../src/extension/views/namespacesView';

const EXTENSION_ID = 'nsinspector.namespace-inspector';

export async function run(): Promise<void> {
  const dir = process.env[HOST_BENCH_DIR_ENV];
  if (!dir) throw new Error(`${HOST_BENCH_DIR_ENV} is not set`);
  try {
    const extension = vscode.extensions.getExtension<NamespaceInspectorApi>(EXTENSION_ID);
    // The floor: the same extension host, the workbench loaded, this extension not yet active.
    // It starts after the workbench's own start-up work has had time to settle.
    await new Promise((resolve) => setTimeout(resolve, BASELINE_SETTLE_MS));
    const baseline = extension && !extension.isActive ? await idleCpu(() => !extension.isActive) : null;
    const api = await extension?.activate();
    if (!api) throw new Error(`extension ${EXTENSION_ID} did not activate`);
    writeFileSync(join(dir, 'ready'), '');
    await waitForFile(join(dir, 'browser-done'), 10 * 60_000);
    const autoRefresh = await measureAutoRefresh(api);
    const idle = await measureIdle(api.namespacesView, dir);
    writeFileSync(join(dir, 'probe.json'), JSON.stringify({ ...autoRefresh, idle, baseline }));
  } catch (error) {
    const failed: HostProbeResults = { error: (error as Error).stack ?? String(error) };
    writeFileSync(join(dir, 'probe.json'), JSON.stringify(failed));
  }
}

/**
 * Refreshes the view a second after the end of the last, as auto-refresh at 1 s would without
 * its pacing (which stretches the interval on a busy host), and watches the event loop over
 * several refreshes (incremental ones, and a full one a minute).
 */
async function measureAutoRefresh(api: NamespaceInspectorApi): Promise<{ blockMs: number; refreshes: number; processes: number; namespaces: number }> {
  const view = api.namespacesView;
  const refreshes = 8;
  const { blockMs } = await measureEventLoopBlock(async () => {
    for (let count = 0; count < refreshes; count++) {
      await view.refresh();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
  const result = view.result!;
  return { blockMs, refreshes, processes: result.processes.size, namespaces: result.namespaces.size };
}

/** Time for the extension host's start-up (other extensions, compilation) to end before the floor is measured. */
const BASELINE_SETTLE_MS = 30_000;
const IDLE_SECONDS = Number(process.env.NSI_IDLE_SECONDS ?? 60);

/**
 * The extension host's CPU (all threads) over a minute with default settings and nothing
 * clicked, after a first refresh: the view visible, then hidden, then visible in a window
 * without focus (the bench takes the page's focus away when asked).
 */
async function measureIdle(view: NamespacesView, dir: string): Promise<{ visible: IdleCost; hidden: IdleCost; unfocused: IdleCost | null }> {
  // The default interval: the bench's settings turned automatic refresh off for its rounds.
  const config = vscode.workspace.getConfiguration('nsInspector');
  await config.update('autoRefreshInterval', undefined, vscode.ConfigurationTarget.Global);
  const interval = vscode.workspace.getConfiguration('nsInspector').inspect<number>('autoRefreshInterval');
  if (vscode.workspace.getConfiguration('nsInspector').get('autoRefreshInterval') !== interval?.defaultValue) {
    throw new Error(`autoRefreshInterval is ${JSON.stringify(interval)}, not its default`);
  }
  await vscode.commands.executeCommand('nsInspector.namespaces.focus');
  await view.refresh();
  const visible = await idleMinute(view, 'visible');
  await vscode.commands.executeCommand('workbench.view.explorer');
  const hidden = await idleMinute(view, 'hidden');
  await vscode.commands.executeCommand('nsInspector.namespaces.focus');
  await view.refresh();
  writeFileSync(join(dir, SIGNALS.wantUnfocused), '');
  await waitForFile(join(dir, SIGNALS.unfocused), 60_000);
  const deadline = Date.now() + 10_000;
  while (vscode.window.state.focused && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const unfocused = vscode.window.state.focused ? null : await idleMinute(view, 'unfocused');
  return { visible, hidden, unfocused };
}

async function idleMinute(view: NamespacesView, label: string): Promise<IdleCost> {
  let refreshes = 0;
  let seen = view.result;
  let focusedThroughout = vscode.window.state.focused;
  let visibleThroughout = view.treeView.visible;
  const cost = await idleCpu(() => {
    if (view.result !== seen) {
      seen = view.result;
      refreshes++;
    }
    focusedThroughout &&= vscode.window.state.focused;
    visibleThroughout &&= view.treeView.visible;
    return true;
  }, label);
  return {
    ...cost,
    refreshes,
    viewVisible: visibleThroughout,
    windowFocused: focusedThroughout,
    intervalMs: view.autoRefreshIntervalMs,
  };
}

/**
 * The extension host's CPU (all threads) over IDLE_SECONDS, checking `still` every 250 ms (false
 * at the end if it ever answered false), and the threads that used the most. With
 * NSI_IDLE_PROFILE_DIR set, also a CPU profile of the main thread, written there as LABEL.cpuprofile.
 */
async function idleCpu(still: () => boolean, label = 'baseline'): Promise<IdleCpu & { held: boolean }> {
  const profileDir = process.env.NSI_IDLE_PROFILE_DIR;
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  let held = true;
  const threadsBefore = threadTicks();
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < IDLE_SECONDS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    held &&= still();
  }
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - start) / 1000;
  const threadsAfter = threadTicks();
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(profileDir, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  const ticksPerSecond = 100;
  const threads = [...threadsAfter]
    .map(([tid, after]) => ({ name: `${after.name} (${tid === process.pid ? 'main' : tid})`, share: (after.ticks - (threadsBefore.get(tid)?.ticks ?? 0)) / ticksPerSecond / seconds }))
    .filter((thread) => thread.share > 0)
    .sort((a, b) => b.share - a.share)
    .slice(0, 5);
  return { coreShare: (used.user + used.system) / 1e6 / seconds, seconds, threads, held };
}

/** CPU ticks (user + system, 1/100 s) of each thread of this process, by thread id. */
function threadTicks(): Map<number, { name: string; ticks: number }> {
  const threads = new Map<number, { name: string; ticks: number }>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      // Fields 14 and 15 of stat(5), counted after the command name (field 2).
      threads.set(Number(tid), { name: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      /* the thread ended */
    }
  }
  return threads;
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
