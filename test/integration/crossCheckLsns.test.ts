import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { discover } from '../../src/core/discovery/discover';
import { idKey } from '../../src/core/model/namespaceId';
import { parseLsnsJson } from '../../src/core/parsers/lsnsJson';
import type { LsnsNamespace } from '../../src/core/parsers/lsnsJson';
import { NamespaceLab, deepestDescendant, waitForCommand } from './support/namespaces';

/**
 * lsns' view. lsns itself exits non-zero now and then when a process vanishes under it (seen
 * right after the churn test's processes were killed): such a run is tried again, up to 3 times.
 */
function lsns(): Map<number, LsnsNamespace> {
  for (let attempt = 1; ; attempt++) {
    try {
      const json = execFileSync('lsns', ['-J', '--tree=parent', '-o', 'NS,TYPE,PNS,ONS'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return new Map(parseLsnsJson(json).map((entry) => [entry.ns, entry]));
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('cross-check with lsns', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('finds at least every namespace lsns lists, with the same type, parent and owner', async () => {
    // Nested namespaces make lsns list process-less ancestors too.
    const outer = lab.start([
      'unshare', '--user', '--map-root-user', '--pid', '--fork', '--uts',
      'unshare', '--user', '--map-root-user', '--pid', '--fork', '--net', 'sleep', '600',
    ]);
    await waitForCommand(await deepestDescendant(outer.pid!, 2), 'sleep');
    const before = lsns();
    const result = await discover();
    // Only namespaces lsns lists both before and after discovery: others came or went meanwhile.
    const after = lsns();
    const stable = [...before.values()].filter((entry) => after.has(entry.ns));
    assert.ok(stable.length >= 12, `lsns listed only ${stable.length} namespaces`);
    for (const entry of stable) {
      const ns = result.namespaces.get(idKey({ dev: result.nsfsDev, ino: entry.ns }));
      assert.ok(ns, `lsns lists ${entry.type} ${entry.ns}; discovery did not find it`);
      assert.equal(ns.type, entry.type, `type of ${entry.ns}`);
      assert.equal(ns.parent?.ino ?? null, entry.pns, `parent of ${entry.type} ${entry.ns}`);
      assert.equal(ns.owner?.ino ?? null, entry.ons, `owner of ${entry.type} ${entry.ns}`);
    }
  });

  it('finds namespaces lsns does not list: held by a bind mount only', async () => {
    const name = lab.addNetns('beyond-lsns');
    const inode = Number(execFileSync('stat', ['-c', '%i', `/run/netns/${name}`], { encoding: 'utf8' }));
    const result = await discover();
    assert.equal(lsns().has(inode), false, 'lsns does not list a namespace with no process');
    assert.ok(result.namespaces.has(idKey({ dev: result.nsfsDev, ino: inode })));
  });
});
