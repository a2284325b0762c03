// The Show Details documents: the name leads the heading, start times are wall-clock times, a
// network namespace lists its interfaces and addresses; related namespaces and processes are
// links, relative to the document they are in, to their own documents; the host's strings
// (interface names from `ip`) render without links or HTML in a real CommonMark renderer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { namespaceDetails, processDetails } from '../../src/core/tree/detailsText';
import { namespaceDetailsPath, namespaceLink, parseDetailsPath, processDetailsPath, processLink } from '../../src/core/tree/detailsLinks';
import type { NetInterface } from '../../src/core/net/topology';
import { DEV, fakeResult } from './support/fakeResult';

const md = (createRequire(__filename)('markdown-it') as (options: object) => { render(text: string): string })({ html: true, linkify: true });
const BOOT = new Date(2026, 11, 2, 7, 0, 0).getTime() / 1000;

function iface(name: string, extra: Partial<NetInterface> = {}): NetInterface {
  return {
    id: `${DEV}:21/1`, ifindex: 1, name, kind: 'veth', adminUp: true, operState: 'UP', state: 'up', mtu: 1500, mac: '02:00:00:00:00:01',
    addresses: [{ family: 'inet', address: '10.1.2.3', prefixLength: 24, scope: 'global', cidr: '10.1.2.3/24' }], ...extra,
  };
}

test('a namespace\'s heading leads with its name; its start is the senior process\' wall-clock start', () => {
  const result = fakeResult();
  const host = namespaceDetails(result.namespaces.get(`${DEV}:20`)!, result, { bootTimeSec: BOOT, nowMs: BOOT * 1000 + 3_600_100 });
  assert.match(host, /^# host · net:\[20\]\n/);
  // PID 1 started 10 ticks (0.1 s) after boot.
  assert.match(host, /- since: 2026-12-02 07:00:00 \(1 hour ago\) \(its most senior process started\)/);
  assert.match(namespaceDetails(result.namespaces.get(`${DEV}:21`)!, result), /^# blue · net:\[21\]\n/);
  assert.doesNotMatch(host, /## Interfaces/, 'no interfaces unless they were read');
});

test('a process\' start as local date-time and age, ticks only when the boot time is unknown', () => {
  const result = fakeResult();
  const p = result.processes.get(300)!; // started 3000 ticks = 30 s after boot
  assert.match(processDetails(p, result, { bootTimeSec: BOOT, nowMs: BOOT * 1000 + 90_000 }), /- started: 2026-12-02 07:00:30 \(1 minute ago\)/);
  assert.match(processDetails(p, result), /- started: 3000 clock ticks after boot/);
});

test('a network namespace lists its interfaces and addresses; hostile names stay text', () => {
  const result = fakeResult();
  const hostile = 'e`[x](https://example.invalid)<img src=x>\n';
  const interfaces = [
    iface('lo', { kind: 'loopback', mac: '00:00:00:00:00:00', addresses: [{ family: 'inet6', address: '::1', prefixLength: 128, scope: 'host', cidr: '::1/128' }] }),
    iface(hostile, { master: 'br0', linkName: 'veth-peer' }),
  ];
  const text = namespaceDetails(result.namespaces.get(`${DEV}:21`)!, result, { interfaces });
  assert.match(text, /## Interfaces \(2\)/);
  assert.match(text, /- `lo` \(loopback, up, mtu 1500, `00:00:00:00:00:00`\)\n {2}- IPv6 `::1\/128` scope host/);
  assert.match(text, /in `br0`, peer `veth-peer`\)\n {2}- IPv4 `10\.1\.2\.3\/24` scope global/);
  const html = md.render(text);
  assert.doesNotMatch(html, /<img\b/i, html);
  // The only links are ours, to other details documents; the hostile name is text.
  assert.deepEqual(hrefsOf(html), ['user-1.md'], html);
  assert.ok(html.includes('<code>e`[x](https://example.invalid)&lt;img src=x&gt;\\n</code>'), html);
  const unreadable = namespaceDetails(result.namespaces.get(`${DEV}:21`)!, result, { interfaces: { error: 'nsenter: Permission denied' } });
  assert.match(unreadable, /## Interfaces\n\nCould not be read: `nsenter: Permission denied`/);
});

test('a details path names its subject; links are relative to the document they are in', () => {
  assert.equal(namespaceDetailsPath({ type: 'user', id: { dev: 4, ino: 7 } }), '/namespace/user-7.md');
  assert.equal(processDetailsPath({ pid: 12, startTicks: 3456, command: 'a b](x)' }), '/process/3456/12-a_b__x_.md');
  assert.equal(namespaceLink({ type: 'user', id: { dev: 4, ino: 7 } }, '/namespace/net-9.md'), '[user:[7]](user-7.md)');
  assert.equal(namespaceLink({ type: 'net', id: { dev: 4, ino: 9 } }, '/process/3456/12-sh.md', '9'), '[9](../../namespace/net-9.md)');
  assert.equal(processLink({ pid: 12, startTicks: 3456, command: 'a b](x)' }, '/namespace/net-9.md'), '[PID 12](../process/3456/12-a_b__x_.md)');
  assert.equal(processLink({ pid: 1, startTicks: 7, command: 'init' }, '/process/3456/12-sh.md', '1'), '[1](../7/1-init.md)');
  assert.deepEqual(parseDetailsPath('/namespace/pid-33.md'), { kind: 'namespace', type: 'pid', ino: 33 });
  assert.deepEqual(parseDetailsPath(processDetailsPath({ pid: 5, startTicks: 9, command: '(sd-pam)' })), { kind: 'process', pid: 5, startTicks: 9 });
  for (const bogus of ['/namespace/bogus-1.md', '/../etc/passwd', '/process/5-sh.md', '/process/x/5-sh.md', '/namespace/net-1.md/x', '/summary.md']) {
    assert.equal(parseDetailsPath(bogus), undefined, bogus);
  }
});

test("a container's namespace links its owner, parent, the container's other namespaces and its processes", () => {
  const result = fakeResult();
  const text = namespaceDetails(result.namespaces.get(`${DEV}:11`)!, result);
  assert.match(text, /- owner: \[user:\[2\]\]\(user-2\.md\)\n/);
  assert.match(text, /- parent: \[pid:\[10\]\]\(pid-10\.md\)\n/);
  assert.match(text, /- its other namespaces: \[user:\[2\]\]\(user-2\.md\), \[user:\[3\]\]\(user-3\.md\)\n/);
  assert.match(text, /^- \[PID 300\]\(\.\.\/process\/3000\/300-sleep\.md\) \(1 inside\) `sleep`$/m);
  const html = md.render(text);
  // Rendered, the link text is our name as written: "user:[2]", "PID 300".
  assert.match(html, /<a href="user-2\.md">user:\[2\]<\/a>/, html);
  assert.match(html, /<a href="\.\.\/process\/3000\/300-sleep\.md">PID 300<\/a>/, html);
});

test('a process links its parent and each of its namespaces, named as the tree names them', () => {
  const result = fakeResult();
  const text = processDetails(result.processes.get(301)!, result);
  assert.match(text, /- parent PID: \[300\]\(\.\.\/3000\/300-sleep\.md\)\n/);
  assert.match(text, /- user: \[3\]\(\.\.\/\.\.\/namespace\/user-3\.md\) · `docker abababababab`\n/);
  assert.match(text, /- net: \[20\]\(\.\.\/\.\.\/namespace\/net-20\.md\) · `host`\n/);
  // A UTS namespace by its hostname, whatever that holds.
  const uts = result.namespaces.get(`${DEV}:40`)!;
  Object.assign(uts, { hostname: 'box`\n[x](https://example.invalid)', pids: [301] });
  result.processes.get(1)!.namespaces.uts = 41;
  assert.match(processDetails(result.processes.get(301)!, result), /- uts: \[40\]\(\.\.\/\.\.\/namespace\/uts-40\.md\) · ``box`\\n\[x\]\(https:\/\/example\.invalid\)``\n/);
  // A parent discovery did not see, and a namespace it did not list, are named without a link.
  const orphan = { ...result.processes.get(301)!, ppid: 999, namespaces: { ...result.processes.get(301)!.namespaces, ipc: 77 } };
  assert.match(processDetails(orphan, result), /- parent PID: 999\n[^]*- ipc: 77\n/);
});

test('every link of every document leads to the document of the subject it names', () => {
  const result = fakeResult();
  const interfaces = [iface('veth0', { linkNetnsid: 0, linkIndex: 2 })];
  const documents = new Map<string, string>();
  for (const ns of result.namespaces.values()) {
    const context = ns.id.ino === 21 ? { interfaces, peers: new Map([[0, result.namespaces.get(`${DEV}:20`)!]]) } : {};
    documents.set(namespaceDetailsPath(ns), namespaceDetails(ns, result, context));
  }
  for (const p of result.processes.values()) documents.set(processDetailsPath(p), processDetails(p, result));
  let links = 0;
  for (const [path, text] of documents) {
    for (const [, label, href] of text.matchAll(/\[([^\]]*(?:\[\d+\])?)\]\(([^)]*)\)/g)) {
      // As the Markdown preview resolves it: against the document's own URI.
      const target = new URL(href, `nsinspector:${path}`);
      assert.equal(target.search, '', `${path}: ${href}`);
      const subject = parseDetailsPath(target.pathname);
      assert.ok(subject && documents.has(target.pathname), `${path}: ${href} leads to ${target.pathname}, no document`);
      const named = subject.kind === 'namespace' ? [`${subject.type}:[${subject.ino}]`, `${subject.ino}`] : [`PID ${subject.pid}`, `${subject.pid}`];
      assert.ok(named.includes(label), `${path}: "${label}" links to ${target.pathname}`);
      links++;
    }
  }
  assert.ok(links > 40, `${links} links`);
  assert.match(documents.get('/namespace/net-21.md')!, /peer ifindex 2 in \[net:\[20\]\]\(net-20\.md\) \(host\)/);
});

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
}
