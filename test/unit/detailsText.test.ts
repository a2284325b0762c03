// The Show Details documents: the name leads the heading, start times are wall-clock times, a
// network namespace lists its interfaces and addresses; the host's strings (interface names from
// `ip`) render without links or HTML in a real CommonMark renderer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { namespaceDetails, processDetails } from '../../src/core/tree/detailsText';
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
  // Related items are text while links are off (detailsLinks.ts, FOLLOW_LINKS).
  const hrefs = [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(hrefs, [], html);
  assert.match(text, /- owner: user:\[1\]/);
  const unreadable = namespaceDetails(result.namespaces.get(`${DEV}:21`)!, result, { interfaces: { error: 'nsenter: Permission denied' } });
  assert.match(unreadable, /## Interfaces\n\nCould not be read: `nsenter: Permission denied`/);
});

test('related namespaces and processes are relative links to their own documents', async () => {
  const { parseDetailsPath, namespaceDetailsPath, processDetailsPath, namespaceLink, processLink } = await import('../../src/core/tree/detailsLinks');
  assert.equal(namespaceLink({ type: 'user', id: { dev: 4, ino: 7 } }, 'namespace'), '[user\\:\\[7\\]](user-7.md)');
  assert.equal(namespaceLink({ type: 'net', id: { dev: 4, ino: 9 } }, 'process'), '[net\\:\\[9\\]](../namespace/net-9.md)');
  assert.equal(processLink({ pid: 12, command: 'a b](x)' }, 'namespace'), '[PID 12](../process/12-a_b__x_.md)');
  assert.deepEqual(parseDetailsPath(namespaceDetailsPath({ type: 'pid', id: { dev: 4, ino: 33 } })), { kind: 'namespace', type: 'pid', ino: 33 });
  assert.deepEqual(parseDetailsPath(processDetailsPath({ pid: 5, command: '(sd-pam)' })), { kind: 'process', pid: 5 });
  assert.equal(parseDetailsPath('/namespace/bogus-1.md'), undefined);
  assert.equal(parseDetailsPath('/../etc/passwd'), undefined);
});

test("a container's namespace names its owner, parent, the container's other namespaces and its processes", () => {
  const result = fakeResult();
  const text = namespaceDetails(result.namespaces.get(`${DEV}:11`)!, result);
  assert.match(text, /- owner: user:\[2\]/);
  assert.match(text, /- parent: pid:\[10\]/);
  assert.match(text, /- its other namespaces: user:\[2\], user:\[3\]/);
  assert.match(text, /^- PID 300 \(1 inside\)/m);
  assert.doesNotMatch(md.render(text), /<a\b/, 'no links while FOLLOW_LINKS is off');
});
