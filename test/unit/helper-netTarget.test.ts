import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { netTargetOf, netnsNameOf } from '../../src/core/helper/netTargetOf';
import { parseIpLinkJson } from '../../src/core/net/ipLinkJson';
import { emptyResult, namespaceFor } from '../../src/core/model/result';

describe('network targets of namespaces', () => {
  it('host for PID 1\'s, the ip netns name when bound under /run/netns, else the senior process', () => {
    const result = emptyResult(4, true);
    const host = namespaceFor(result, { dev: 4, ino: 100 }, 'net')!;
    const named = namespaceFor(result, { dev: 4, ino: 101 }, 'net')!;
    const container = namespaceFor(result, { dev: 4, ino: 102 }, 'net')!;
    const orphan = namespaceFor(result, { dev: 4, ino: 103 }, 'net')!;
    const uts = namespaceFor(result, { dev: 4, ino: 104 }, 'uts')!;
    result.processes.set(1, { pid: 1, ppid: 0, command: 'init', cmdline: [], uid: 0, startTicks: 1, nspid: [1], cgroup: '/', container: null, threads: 1, namespaces: { net: 100 } });
    named.bindMounts.push({ path: '/run/netns/blue', mntns: 1 });
    container.pids.push(77);
    container.senior = 77;
    orphan.bindMounts.push({ path: '/run/docker/netns/abc', mntns: 1 });
    assert.deepEqual(netTargetOf(host, result), { kind: 'host' });
    assert.deepEqual(netTargetOf(named, result), { kind: 'netns', name: 'blue' });
    assert.equal(netnsNameOf(named), 'blue');
    assert.deepEqual(netTargetOf(container, result), { kind: 'pid', pid: 77 });
    assert.equal(netTargetOf(orphan, result), undefined, 'no name and no process: not reachable');
    assert.equal(netTargetOf(uts, result), undefined);
  });

  it('parses ip -j link', () => {
    const links = parseIpLinkJson('[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"link_type":"loopback"},{"ifindex":5,"link_index":4,"ifname":"v0","flags":["BROADCAST"],"link_type":"ether","linkinfo":{"info_kind":"veth"}}]');
    assert.deepEqual(links, [
      { name: 'lo', up: true, kind: 'loopback', peerIndex: undefined },
      { name: 'v0', up: false, kind: 'veth', peerIndex: 4 },
    ]);
  });
});
