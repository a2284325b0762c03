/**
 * npm run bench [-- --n 5000] [--namespaces 1500] [--sparse-n 3000] [--fleet both] [--rounds 5]
 *
 * The Namespaces view inside a real VS Code (the provisioned server, headless Chromium), on a host
 * busy with thousands of processes in new namespaces:
 * - refresh to first level rendered: a network namespace is added (or removed), the Refresh button
 *   is clicked in the page, and the clock stops when the tree's first level shows the new count,
 *   timed in the page itself; `lsns -J` on the same host in the same rounds is the peer;
 * - the extension host's longest event-loop block over refreshes a second apart, measured inside
 *   the extension host by bench/host/sidebarProbe.ts;
 * - the extension host's idle cost (CPU of all its threads over 60 s, default settings, after a
 *   first refresh) with the view visible, hidden, and visible in a window without focus, and
 *   the floor: the same extension host before this extension is activated (VS Code's own work,
 *   chiefly its scan of every process for ports to forward: NSI_BENCH_NO_PORT_SCAN=1 turns it off).
 * One fleet: the sparse one (3,000 processes, issue #18) unless `--fleet dense`.
 * Kills every process and removes every namespace it made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { benchOptions } from './benchOptions';
import { startFleet } from './spawnFleet';
import { HOST_BENCH_DIR_ENV, SIGNALS, type HostProbeResults, type IdleCost, type IdleCpu } from './host/hostBenchFiles';
import { ensureServerInstalled } from '../scripts/vscode/provision';
import { npmRun, REPO_ROOT } from '../scripts/vscode/buildProject';
import { startServer } from '../scripts/vscode/server';
import { launchBrowser } from '../scripts/vscode/browser';
import { stopAll } from '../scripts/vscode/cleanup';
import { TEST_SETTINGS } from '../scripts/vscode/settings';
import { developmentPayload } from '../test/vscode/launcher/payload';
import { openViewContainer, activityBarEntry } from '../test/e2e/helpers/activityBar';
import { sideBarTitleAction } from '../test/e2e/helpers/viewTitle';

const options = benchOptions();
const { rounds } = options;
const PROBE_ENTRY = join(REPO_ROOT, 'out', 'bench-host', 'sidebarProbe.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function lsnsMs(): number {
  const start = performance.now();
  const run = spawnSync('lsns', ['-J'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`lsns -J failed (${run.status})`);
  return performance.now() - start;
}

function ip(...args: string[]): void {
  const run = spawnSync('ip', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`ip ${args.join(' ')} failed`);
}

/**
 * Clicks Refresh and waits, inside the page, until the tree's first level reads differently;
 * returns the milliseconds between the two, on the page's own clock.
 */
async function refreshUntilFirstLevelChanges(page: Page): Promise<number> {
  const button = await sideBarTitleAction(page, 'Refresh Namespaces').elementHandle();
  if (!button) throw new Error('the Refresh Namespaces button is not in the view title bar');
  // No named functions inside: tsx (esbuild keepNames) would wrap them in a helper the page lacks.
  return page.evaluate(async (refresh) => {
    // Typed loosely: the project's TypeScript has no DOM library (this runs in the page).
    const page = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> };
      requestAnimationFrame(callback: () => void): void;
    };
    const rows = '.part.sidebar .monaco-list-row[aria-level="1"]';
    const before = Array.from(page.document.querySelectorAll(rows), (row) => row.innerText).join('|');
    const start = performance.now();
    (refresh as unknown as { click(): void }).click();
    while (Array.from(page.document.querySelectorAll(rows), (row) => row.innerText).join('|') === before) {
      if (performance.now() - start > 60_000) throw new Error('the first tree level did not change within 60 s of Refresh');
      await new Promise<void>((resolve) => page.requestAnimationFrame(resolve));
    }
    return performance.now() - start;
  }, button);
}

/**
 * Leaves the workbench without focus, as when the user works in another window. Headless Chromium
 * has no other window to give the focus to, so the page is told: document.hasFocus() answers
 * false and the window gets a blur event, which is what the workbench listens to.
 */
async function takeFocusAway(page: Page): Promise<void> {
  // A string, not a function: tsx (esbuild keepNames) would wrap an arrow in a helper the page lacks.
  await page.evaluate("Object.defineProperty(document, 'hasFocus', { value: function () { return false; }, configurable: true }); window.dispatchEvent(new Event('blur'));");
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main(): Promise<void> {
  const install = await ensureServerInstalled();
  npmRun('build');
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'host', 'sidebarProbe.ts')],
    outfile: PROBE_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const fleet = await startFleet(options.fleets.length === 1 ? options.fleets[0] : 'sparse', options);
  const stateDir = mkdtempSync(join(tmpdir(), 'nsi-bench-'));
  const workspace = join(stateDir, 'workspace');
  mkdirSync(workspace);
  const netns = `nsi-bench-${process.pid}`;
  try {
    // Automatic refresh stays off while the rounds click Refresh; the probe turns it on later.
    // NSI_BENCH_NO_PORT_SCAN=1: without VS Code's own scan of every process for ports to forward
    // (remote.autoForwardPorts, on by default in a remote extension host), to see ours alone.
    const noPortScan = process.env.NSI_BENCH_NO_PORT_SCAN === '1';
    const settings = { ...TEST_SETTINGS, 'nsInspector.autoRefreshInterval': 0, ...(noPortScan ? { 'remote.autoForwardPorts': false, 'remote.autoForwardPortsSource': 'output' } : {}) };
    const server = await startServer({ install, stateDir, smokeTestDriver: true, settings, env: { [HOST_BENCH_DIR_ENV]: stateDir } });
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.workbenchUrl(workspace, { payload: developmentPayload(server.port, REPO_ROOT, PROBE_ENTRY) }));
    await activityBarEntry(page, 'Namespaces').waitFor({ timeout: 60_000 });
    // The probe first measures the floor (this extension not yet active) for NSI_IDLE_SECONDS.
    await waitForFile(join(stateDir, 'ready'), 150_000 + Number(process.env.NSI_IDLE_SECONDS ?? 60) * 1000);
    await openViewContainer(page, 'Namespaces');
    await page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 60_000 });
    await refreshUntilFirstLevelChanges(page).catch(() => 0); // warm-up: the view's first scan may still run

    const rendered: number[] = [];
    const peer: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternately add and remove one network namespace, so the "net" folder's count changes.
      if (round % 2 === 0) ip('netns', 'add', netns);
      else ip('netns', 'delete', netns);
      rendered.push(await refreshUntilFirstLevelChanges(page));
      peer.push(lsnsMs());
      console.log(`round ${round + 1}: refresh to first level rendered ${rendered.at(-1)!.toFixed(0)} ms, lsns -J ${peer.at(-1)!.toFixed(0)} ms`);
    }
    writeFileSync(join(stateDir, 'browser-done'), '');
    // The probe measures the idle view (visible, hidden), then asks for an unfocused window.
    await waitForFile(join(stateDir, SIGNALS.wantUnfocused), 10 * 60_000);
    await takeFocusAway(page);
    writeFileSync(join(stateDir, SIGNALS.unfocused), '');
    await waitForFile(join(stateDir, 'probe.json'), 5 * 60_000);
    const probe = JSON.parse(readFileSync(join(stateDir, 'probe.json'), 'utf8')) as HostProbeResults;
    if ('error' in probe) throw new Error(`the extension-host probe failed: ${probe.error}`);

    console.log('');
    console.log(`host: ${probe.processes} processes, ${probe.namespaces} namespaces (VS Code server, headless Chromium)`);
    console.log(`refresh to first tree level rendered: median ${median(rendered).toFixed(0)} ms; lsns -J median ${median(peer).toFixed(0)} ms ` +
      `(ratio ${(median(peer) / median(rendered)).toFixed(2)}x)`);
    console.log(`extension host, a refresh 1 s after the last x${probe.refreshes}: longest event-loop block ${probe.blockMs.toFixed(1)} ms (target <= 50 ms)`);
    const threads = (cpu: IdleCpu) => cpu.threads.map((thread) => `${thread.name} ${(thread.share * 100).toFixed(2)}%`).join(', ');
    const idle = (what: string, cost: IdleCost | null, target: number) =>
      console.log(cost === null
        ? `idle, ${what}: not measured (the window kept its focus)`
        : `idle, ${what}: ${(cost.coreShare * 100).toFixed(2)}% of a core over ${cost.seconds.toFixed(0)} s, ${cost.refreshes} refreshes, ` +
          `interval ${(cost.intervalMs / 1000).toFixed(1)} s (visible ${cost.viewVisible}, focused ${cost.windowFocused}; target <= ${target}%); ` +
          `threads: ${threads(cost)}`);
    console.log(`${fleet.title}, default settings${noPortScan ? ' but remote.autoForwardPorts off (source: output)' : ''}:`);
    const floor = probe.baseline;
    console.log(floor === null || !floor.held
      ? 'idle, extension not yet active (the floor): not measured (something activated it first)'
      : `idle, extension not yet active (the floor): ${(floor.coreShare * 100).toFixed(2)}% of a core over ${floor.seconds.toFixed(0)} s; threads: ${threads(floor)}`);
    idle('view visible', probe.idle.visible, 3);
    idle('view hidden', probe.idle.hidden, 1);
    idle('window unfocused', probe.idle.unfocused, 1);
  } finally {
    spawnSync('ip', ['netns', 'delete', netns], { stdio: 'ignore' });
    await stopAll();
    fleet.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
