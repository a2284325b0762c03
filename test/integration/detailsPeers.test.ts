// Show Details of a network namespace links a veth's peer to the peer's namespace: the nsid the
// interface names is resolved by asking the kernel from inside the namespace (real veth pair).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { discover } from '../../src/core/discovery/discover';
import { nativeAddon } from '../../src/core/discovery/nativeAddon';
import { readNamespaceInterfaces } from '../../src/core/net/readNamespaceInterfaces';
import { peerNamespaces } from '../../src/core/net/peerNamespaces';
import { namespaceDetails } from '../../src/core/tree/detailsText';
import { NamespaceLab } from './support/namespaces';

describe('details of a network namespace: veth peers', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('links the peer of a veth to the namespace at its other end', async () => {
    const a = lab.addNetns('peer-a');
    const b = lab.addNetns('peer-b');
    execFileSync('ip', ['-n', a, 'link', 'add', 'pa', 'type', 'veth', 'peer', 'name', 'pb', 'netns', b]);
    const result = await discover();
    const [nsA, nsB] = [a, b].map((name) => [...result.namespaces.values()].find((ns) => ns.type === 'net' && ns.id.ino === statSync(`/run/netns/${name}`).ino)!);
    assert.ok(nsA && nsB);
    const interfaces = await readNamespaceInterfaces(nsA);
    assert.ok(Array.isArray(interfaces), JSON.stringify(interfaces));
    const pa = interfaces.find((iface) => iface.name === 'pa');
    assert.ok(pa?.linkNetnsid !== undefined, 'pa names its peer by nsid');
    const peers = peerNamespaces(nsA, interfaces, result, nativeAddon());
    assert.equal(peers.get(pa.linkNetnsid!), nsB);
    const text = namespaceDetails(nsA, result, { interfaces, peers });
    assert.match(text, new RegExp(`- \`pa\` \\(veth, .*peer ifindex \\d+ in \\[net:\\[${nsB.id.ino}\\]\\]\\(net-${nsB.id.ino}\\.md\\) \\(${b.replace(/-/g, '\\\\-')}\\)`), text);
  });
});
