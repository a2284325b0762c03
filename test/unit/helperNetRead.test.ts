// The helper's net-read output, captured from a real run (test/fixtures/README.md says how), read
// by the parser and the same socket/ip parsers the unprivileged collection uses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHelperNetRead } from '../../src/core/net/parseHelperNetRead';
import { parseIpBatch } from '../../src/core/net/parseIpBatch';
import { attributeOwners, parseProcNetListing, socketFdPairs, socketHolders } from '../../src/core/net/procNetSockets';
import type { NetSocket } from '../../src/core/net/topology';

const FIXTURE = readFileSync('test/fixtures/net/net-read.bin', 'utf8');
const A = '4:4026543877';
const B = '4:4026543946';

describe('parseHelperNetRead on a captured net-read', () => {
  const read = parseHelperNetRead(FIXTURE, 3);

  it('splits it into one part per target, with the namespace the helper opened', () => {
    assert.equal(read.nsfsDev, 4);
    assert.deepEqual(read.targets.map((t) => t.key), [A, B, undefined]);
    assert.equal(read.targets[2].error, 'no process with PID 4000000000');
    assert.equal(read.targets[0].error, undefined);
  });

  it('gives the ip batch of each to parseIpBatch: interfaces, addresses, the veth\'s nsid', () => {
    const a = parseIpBatch(read.targets[0].ip!, A);
    const b = parseIpBatch(read.targets[1].ip!, B);
    assert.deepEqual(a.interfaces.map((i) => [i.name, i.kind, i.state]), [['lo', 'loopback', 'up'], ['veth-a', 'veth', 'up']]);
    assert.deepEqual(b.interfaces.find((i) => i.name === 'veth-b')?.addresses.map((x) => x.cidr).filter((c) => c.startsWith('10.')), ['10.250.0.2/24']);
    assert.equal(a.interfaces[1].linkNetnsid, 0);
    assert.ok(a.routes.some((r) => r.dst === '10.250.0.0/24' && r.dev === 'veth-a'));
  });

  it('maps each nsid a namespace\'s links name to the target it stands for (the kernel\'s answer)', () => {
    assert.deepEqual([...read.targets[0].nsids], [[0, 1]], 'a calls b nsid 0');
    assert.deepEqual([...read.targets[1].nsids], [[0, 0]], 'b calls a nsid 0');
    assert.equal(read.targets[2].nsids.size, 0);
  });

  it('reads the listening sockets inside each namespace and finds their holder among all socket fds', () => {
    assert.deepEqual(parseProcNetListing(read.targets[0].sockets!), []);
    const sockets = parseProcNetListing(read.targets[1].sockets!);
    assert.deepEqual(sockets.map((s) => [s.protocol, s.family, s.address, s.port]), [['tcp', 'inet', '0.0.0.0', 7345]]);
    const pairs = socketFdPairs(read.socketFds);
    assert.ok(pairs.length >= 1);
    assert.deepEqual(socketHolders(pairs).get(sockets[0].inode), [12057]);
  });

  it('fails loudly on cut-off output and on a target index it was not given', () => {
    assert.throws(() => parseHelperNetRead(FIXTURE.slice(0, FIXTURE.indexOf('\0@@end')), 3), /incomplete/);
    assert.throws(() => parseHelperNetRead(FIXTURE, 2), /names target 2 of 2/);
    assert.match(parseHelperNetRead(FIXTURE.replace(/\0@@ip 1\0[^\0]*/, ''), 3).targets[1].error ?? '', /printed nothing for target 1/);
  });
});

describe('socket owners', () => {
  const socket = (inode: number): NetSocket => ({ protocol: 'tcp', family: 'inet', address: '0.0.0.0', port: inode, inode });

  it('prefer a process of the namespace, in its order, else the lowest PID anywhere; asking for all only when needed', () => {
    const sockets = [socket(10), socket(11), socket(12), socket(0)];
    const fds = new Map([[5, [11]], [7, [10, 11]]]);
    let askedAll = 0;
    const all = () => (askedAll++, socketHolders([[9, 12], [3, 12], [7, 10]]));
    attributeOwners(sockets, [7, 5], (pid) => fds.get(pid) ?? [], all, (pid) => `cmd${pid}`);
    assert.deepEqual(sockets.map((s) => [s.inode, s.pid, s.command]), [[10, 7, 'cmd7'], [11, 7, 'cmd7'], [12, 3, 'cmd3'], [0, undefined, undefined]]);
    assert.equal(askedAll, 1);
    const inside = [socket(10)];
    attributeOwners(inside, [7], (pid) => fds.get(pid) ?? [], all, () => undefined);
    assert.equal(askedAll, 1, 'all holders are not read when the namespace\'s own processes hold everything');
  });

  it('reads grep -H style listings with a path and bare file names alike', () => {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
    const line = '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0 100 0 0 10 0';
    const listing = `/proc/self/net/tcp:${header}\n/proc/self/net/tcp:${line}\nudp:${header}\n`;
    assert.deepEqual(parseProcNetListing(listing).map((s) => [s.address, s.port, s.inode]), [['127.0.0.1', 8080, 777]]);
  });
});
