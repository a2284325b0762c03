/**
 * npm run bench [-- --netns 200] [--pairs 400] [--rounds 5]
 *
 * The network topology on a host with many network namespaces: makes `--netns` named network
 * namespaces and `--pairs` veth pairs between them (each end up, with an address), then measures
 *  - collecting the model (collectTopology: one `ip` batch per namespace, sockets, wires with
 *    nsids from the kernel) against its peer measured in the same run: `ip -j -d link show` run
 *    once per namespace, one after the other;
 *  - the time to first render of that model in headless Chromium (the real webview bundle: ELK
 *    layout and SVG), from the message's arrival to the drawn picture, each round in a fresh page.
 * Removes everything it made, also when it fails.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { discover } from '../src/core/discovery/discover';
import { collectTopology } from '../src/core/net/collectTopology';
import { helperArgv } from '../src/core/helper/helperArgv';
import type { NetTarget } from '../src/core/helper/netTarget';
import { spawnHelper } from '../src/core/helper/spawnHelper';
import { runArgv } from '../src/core/net/runArgv';
import { ipArgv, netnsEntry } from '../src/core/net/netnsEntry';
import type { Topology } from '../src/core/net/topology';
import { launchBrowser } from '../scripts/vscode/browser';

// The other benchmarks' options (--n, --namespaces) may be passed too: `npm run bench` gives all
// of its arguments to every benchmark.
const { values } = parseArgs({ strict: false, options: { netns: { type: 'string', default: '200' }, pairs: { type: 'string', default: '400' }, rounds: { type: 'string', default: '5' } } });
const NETNS = Number(values.netns);
const PAIRS = Number(values.pairs);
const ROUNDS = Number(values.rounds);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

const tag = randomBytes(3).toString('hex');
const names = Array.from({ length: NETNS }, (_, i) => `nsi-bench-${tag}-${i}`);

/** Pair k joins namespace k mod N to another one, so every namespace has about 2·pairs/N ends. */
function pairEnds(k: number): [number, number] {
  const a = k % NETNS;
  const b = (a + 1 + ((k * 7 + Math.floor(k / NETNS) * 13) % (NETNS - 1))) % NETNS;
  return [a, b];
}

function build(): void {
  const batch = (lines: string[], netns?: string) =>
    execFileSync('ip', [...(netns ? ['-n', netns] : []), '-b', '-'], { input: `${lines.join('\n')}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  batch(names.map((n) => `netns add ${n}`));
  const perNs = new Map<number, string[]>();
  const links: string[] = [];
  for (let k = 0; k < PAIRS; k++) {
    const [a, b] = pairEnds(k);
    links.push(`link add p${k}a netns ${names[a]} type veth peer name p${k}b netns ${names[b]}`);
    const subnet = `10.${200 + Math.floor(k / 16384)}.${Math.floor((k % 16384) / 64)}.${(k % 64) * 4}`;
    const base = subnet.split('.').map(Number);
    for (const [end, ns, host] of [['a', a, 1], ['b', b, 2]] as const) {
      if (!perNs.has(ns)) perNs.set(ns, ['link set lo up']);
      perNs.get(ns)!.push(`link set p${k}${end} up`, `addr add ${base[0]}.${base[1]}.${base[2]}.${base[3] + host}/30 dev p${k}${end}`);
    }
  }
  batch(links);
  for (const [ns, lines] of perNs) batch(lines, names[ns]);
}

function teardown(): void {
  try {
    execFileSync('ip', ['-b', '-', '-force'], { input: `${names.map((n) => `netns del ${n}`).join('\n')}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
  } catch {
    /* -force: some were never made */
  }
}

/**
 * The peer: `ip -j -d link show` once in every network namespace the collection reads (found by
 * the same discovery, entered the same way: `ip -n` for names, nsenter otherwise), one after the
 * other. Other namespaces on the host (other people's tests) count for both.
 */
async function peer(): Promise<{ ms: number; namespaces: number }> {
  const discovery = await discover();
  const ownNet = inode('/proc/self/ns/net');
  const ownMnt = inode('/proc/self/ns/mnt');
  const entries = [...discovery.namespaces.values()].filter((ns) => ns.type === 'net').map((ns) => netnsEntry(ns, ownNet, ownMnt)).filter((e) => e !== undefined);
  const start = performance.now();
  for (const entry of entries) {
    try {
      await runArgv(ipArgv(entry, ['-j', '-d', 'link', 'show']), '');
    } catch {
      /* a namespace that went away meanwhile */
    }
  }
  return { ms: performance.now() - start, namespaces: entries.length };
}

function inode(path: string): number {
  return Number(/\[(\d+)\]$/.exec(readlinkSync(path))![1]);
}

async function renderRounds(topology: Topology): Promise<{ inPage: number[]; wall: number[]; screenshot: string }> {
  const bundle = readFileSync('media/webview/topology.js', 'utf8');
  const css = ['media/webview/base.css', 'media/webview/topology.css'].map((f) => readFileSync(f, 'utf8')).join('\n');
  const browser = await launchBrowser();
  const inPage: number[] = [];
  const wall: number[] = [];
  const screenshot = join('test-results', 'bench-topology.png');
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.setContent('<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body><main id="root"></main></body></html>');
      await page.addStyleTag({ content: css });
      // The VS Code API the webview expects, recording what it posts.
      await page.addScriptTag({
        content: 'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });',
      });
      await page.addScriptTag({ content: bundle });
      const result = await page.evaluate(
        (model) =>
          new Promise<{ ms: number; wall: number }>((resolve) => {
            const start = performance.now();
            const timer = setInterval(() => {
              const done = (globalThis as unknown as { __posted: Array<{ type: string; ms: number }> }).__posted.find((m) => m.type === 'rendered');
              if (!done) return;
              clearInterval(timer);
              resolve({ ms: done.ms, wall: performance.now() - start });
            }, 2);
            (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage({ type: 'topology', topology: model, collectMs: 0 }, '*');
          }),
        topology,
      );
      inPage.push(result.ms);
      wall.push(result.wall);
      const drawn = await page.locator('#picture .ns').count();
      if (drawn !== topology.namespaces.length) throw new Error(`the page drew ${drawn} of ${topology.namespaces.length} namespaces`);
      if (round === ROUNDS - 1) {
        mkdirSync('test-results', { recursive: true });
        await page.screenshot({ path: screenshot });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { inPage, wall, screenshot };
}

/** The helper's net-read, run directly (as root here): what the extension runs through sudo or pkexec. */
async function netRead(targets: NetTarget[]): Promise<string> {
  const result = await spawnHelper([resolve('helper/nsinspect-helper'), ...helperArgv({ verb: 'net-read', targets })]);
  if (result.exitCode !== 0) throw new Error(`net-read failed: ${result.stderr}`);
  return result.stdout;
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the topology benchmark needs root (it makes network namespaces)');
  console.log(`\n=== topology: ${NETNS} network namespaces, ${PAIRS} veth pairs ===`);
  let started = performance.now();
  build();
  console.log(`made them in ${ms(performance.now() - started)}`);
  try {
    const peers: number[] = [];
    let peerNamespaces = 0;
    const collect: number[] = [];
    const collectWithDiscovery: number[] = [];
    const throughHelper: number[] = [];
    let viaHelper: Topology | undefined;
    let topology: Topology | undefined;
    await collectTopology(); // warm up
    for (let round = 0; round < ROUNDS; round++) {
      const p = await peer();
      peers.push(p.ms);
      peerNamespaces = p.namespaces;
      started = performance.now();
      topology = await collectTopology();
      collectWithDiscovery.push(performance.now() - started);
      const discovery = await discover();
      started = performance.now();
      topology = await collectTopology({ discovery });
      collect.push(performance.now() - started);
      // The same discovery read through the privileged helper's net-read (one call), as a user's privileged view does.
      started = performance.now();
      viaHelper = await collectTopology({ discovery, readThroughHelper: netRead });
      throughHelper.push(performance.now() - started);
    }
    const helperOurs = viaHelper!.namespaces.filter((n) => n.netnsName?.startsWith(`nsi-bench-${tag}-`) && !n.error);
    const helperIds = new Set(helperOurs.flatMap((n) => n.interfaces.map((i) => i.id)));
    const helperWires = viaHelper!.wires.filter((w) => w.kind === 'veth' && helperIds.has(w.from) && helperIds.has(w.to)).length;
    if (helperOurs.length !== NETNS || helperWires !== PAIRS) throw new Error(`through the helper: ${helperOurs.length} namespaces and ${helperWires} veth wires of ${NETNS} and ${PAIRS}`);
    const ours = topology!.namespaces.filter((n) => n.netnsName?.startsWith(`nsi-bench-${tag}-`));
    const ourIds = new Set(ours.flatMap((n) => n.interfaces.map((i) => i.id)));
    const ourWires = topology!.wires.filter((w) => w.kind === 'veth' && ourIds.has(w.from) && ourIds.has(w.to));
    if (ours.length !== NETNS || ourWires.length !== PAIRS) throw new Error(`collected ${ours.length} namespaces and ${ourWires.length} veth wires of ${NETNS} and ${PAIRS}`);
    console.log(`model: ${topology!.namespaces.length} namespaces, ${topology!.namespaces.reduce((n, ns) => n + ns.interfaces.length, 0)} interfaces, ${topology!.wires.length} wires (all ${PAIRS} test pairs resolved)`);
    console.log(`peer: \`ip -j -d link show\` once in each of the ${peerNamespaces} network namespaces, sequentially: median ${ms(median(peers))} (${peers.map(ms).join(', ')})`);
    console.log(`collectTopology (given a discovery, as the panel runs it): median ${ms(median(collect))} (${collect.map(ms).join(', ')})`);
    console.log(`collectTopology including its own discovery: median ${ms(median(collectWithDiscovery))} (${collectWithDiscovery.map(ms).join(', ')})`);
    console.log(`collectTopology through the helper (one net-read call, given the same discovery): median ${ms(median(throughHelper))} (${throughHelper.map(ms).join(', ')}); ${(median(throughHelper) / median(collect)).toFixed(2)}x the time of the root collection`);
    const ratio = median(peers) / median(collectWithDiscovery);
    console.log(`ratio peer / collection with discovery: ${ratio.toFixed(2)}x ${ratio >= 1 ? '(target met: at least as fast)' : '(target NOT met)'}`);
    const render = await renderRounds(topology!);
    console.log(`first render in headless Chromium (message arrival to drawn SVG, fresh page each round): median ${ms(median(render.inPage))} (${render.inPage.map(ms).join(', ')})`);
    console.log(`  including posting the model into the page: median ${ms(median(render.wall))}; target < 1000 ms: ${median(render.wall) < 1000 ? 'met' : 'NOT met'}`);
    console.log(`  screenshot: ${render.screenshot}`);
  } finally {
    teardown();
  }
}

main().catch((error: unknown) => {
  teardown();
  console.error(error);
  process.exit(1);
});
