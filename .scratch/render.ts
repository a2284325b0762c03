import { readFileSync } from 'node:fs';
import { launchBrowser } from '../scripts/vscode/browser';
import type { Topology, NetNamespaceNode } from '../src/core/net/topology';
function synth(N: number, P: number): Topology {
  const nss: NetNamespaceNode[] = Array.from({ length: N }, (_, i) => ({ key: `4:${1000 + i}`, inode: 1000 + i, label: `ns-${i}`, labelSource: 'netns', netnsName: `ns-${i}`, isHost: i === 0, isOwn: false, path: '', pids: [], routes: [], sockets: [],
    interfaces: [{ id: `4:${1000 + i}/1`, ifindex: 1, name: 'lo', kind: 'loopback', adminUp: true, operState: 'UNKNOWN', state: 'up', mtu: 65536, mac: '', addresses: [{ family: 'inet', address: '127.0.0.1', prefixLength: 8, scope: 'host', cidr: '127.0.0.1/8' }] }] }));
  const wires = [];
  for (let k = 0; k < P; k++) {
    const a = k % N; const b = (a + 1 + ((k * 7 + Math.floor(k / N) * 13) % (N - 1))) % N;
    for (const [n, e] of [[a, 'a'], [b, 'b']] as const) nss[n].interfaces.push({ id: `${nss[n].key}/${100 + k}`, ifindex: 100 + k, name: `p${k}${e}`, kind: 'veth', adminUp: true, operState: 'UP', state: 'up', mtu: 1500, mac: '02:00:00:00:00:01', addresses: [{ family: 'inet', address: `10.0.${k % 250}.${e === 'a' ? 1 : 2}`, prefixLength: 30, scope: 'global', cidr: `10.0.${k % 250}.${e === 'a' ? 1 : 2}/30` }] });
    wires.push({ id: `veth:${nss[a].key}/${100 + k}~${nss[b].key}/${100 + k}`, kind: 'veth' as const, from: `${nss[a].key}/${100 + k}`, to: `${nss[b].key}/${100 + k}` });
  }
  return { namespaces: nss, wires, danglingLinks: [], warnings: [], collectedAt: 0 };
}
async function main() {
  const bundle = readFileSync('media/webview/topology.js', 'utf8');
  const css = ['media/webview/base.css', 'media/webview/topology.css'].map((f) => readFileSync(f, 'utf8')).join('\n');
  const browser = await launchBrowser();
  for (const [N, P] of [[201, 400], [10, 12], [40, 60], [80, 160]]) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('console', (m) => console.log('  page:', m.text()));
    await page.setContent('<!DOCTYPE html><html><body><main id="root"></main></body></html>');
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ content: 'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });' });
    await page.addScriptTag({ content: bundle });
    const t = synth(N, P);
    const r = await page.evaluate((model) => new Promise<any>((resolve) => { const s = performance.now(); const timer = setInterval(() => { const d = (globalThis as any).__posted.find((m: any) => m.type === 'rendered'); if (d) { clearInterval(timer); resolve({ ...d, wall: performance.now() - s }); } }, 2); (globalThis as any).postMessage({ type: 'topology', topology: model, collectMs: 0 }, '*'); }), t);
    console.log(N, P, JSON.stringify(r));
    await page.screenshot({ path: `.scratch/render-${N}.png` });
    await page.close();
  }
  await browser.close();
}
main();
