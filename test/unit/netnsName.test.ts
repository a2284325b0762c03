import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { netnsNameOf } from '../../src/core/net/netnsNameOf';
import { emptyResult, namespaceFor } from '../../src/core/model/result';

describe('ip netns names', () => {
  it('the ip netns name of a namespace bound directly under /run/netns in our mount namespace, else none', () => {
    const result = emptyResult(4, true);
    const named = namespaceFor(result, { dev: 4, ino: 101 }, 'net')!;
    const deeper = namespaceFor(result, { dev: 4, ino: 102 }, 'net')!;
    const docker = namespaceFor(result, { dev: 4, ino: 103 }, 'net')!;
    named.bindMounts.push({ path: '/run/netns/blue', mntns: 1 });
    deeper.bindMounts.push({ path: '/run/netns/sub/red', mntns: 1 });
    docker.bindMounts.push({ path: '/run/docker/netns/abc', mntns: 1 });
    assert.equal(netnsNameOf(named, 1), 'blue');
    assert.equal(netnsNameOf(deeper, 1), undefined);
    assert.equal(netnsNameOf(docker, 1), undefined);
    // The same path in another mount namespace (a container's /run/netns) is not a name here:
    // `ip -n blue` would open this mount namespace's /run/netns/blue, another namespace or none.
    assert.equal(netnsNameOf(named, 2), undefined);
  });

});
