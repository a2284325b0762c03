import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { discover } from '../../src/core/discovery/discover';
import { idKey } from '../../src/core/model/namespaceId';
import type { DiscoveryResult } from '../../src/core/model/result';
import { NamespaceLab } from './support/namespaces';

/** Every reference inside the result points at something the result holds. */
function assertConsistent(result: DiscoveryResult): void {
  for (const ns of result.namespaces.values()) {
    for (const pid of ns.pids) {
      const process = result.processes.get(pid);
      assert.ok(process, `namespace ${ns.id.ino} lists pid ${pid} that the result lacks`);
      assert.equal(process.namespaces[ns.type], ns.id.ino);
    }
    for (const link of [ns.parent, ns.owner]) {
      if (link) assert.ok(result.namespaces.has(idKey(link)), `${ns.type} ${ns.id.ino} links to missing ${link.ino}`);
    }
    if (ns.senior !== null) assert.ok(ns.pids.includes(ns.senior));
  }
  for (const process of result.processes.values()) {
    for (const [type, ino] of Object.entries(process.namespaces)) {
      assert.ok(result.namespaces.has(idKey({ dev: result.nsfsDev, ino })), `pid ${process.pid} ${type} ${ino} missing`);
    }
  }
}

describe('discovery while processes come and go', () => {
  const lab = new NamespaceLab();
  after(() => lab.cleanup());

  it('never throws and returns a consistent result', async () => {
    // Short-lived processes in fresh namespaces, many per second, exiting mid-scan; the nested
    // user and PID namespaces vanish with their last process, while discovery walks up to them.
    const loops = [
      'unshare --uts --ipc sh -c "sleep 0.0$((RANDOM % 9))"',
      'unshare --user --map-root-user --pid --fork unshare --user --map-root-user --pid --fork sleep 0.0$((RANDOM % 9))',
    ];
    for (const loop of [...loops, ...loops]) lab.start(['bash', '-c', `while :; do ${loop} & sleep 0.01; done`]);
    let runs = 0;
    const deadline = Date.now() + 4000;
    while (Date.now() < deadline) {
      // A small slice makes discovery yield often, so more processes change while it runs.
      const result = await discover({ sliceMs: 1 });
      assertConsistent(result);
      assert.ok(result.processes.size > 10);
      runs++;
    }
    assert.ok(runs >= 3, `only ${runs} discoveries ran`);
  });
});
