import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyResult, namespaceFor } from '../../src/core/model/result';
import { heldBy, holdersOf } from '../../src/core/tree/heldBy';
import { formatTable } from '../../src/cli/formatTable';

describe('what holds a namespace', () => {
  it('the tree and the command line name the same holders in the same order', () => {
    const result = emptyResult(4, true);
    const both = namespaceFor(result, { dev: 4, ino: 101 }, 'net')!;
    both.tids.push(9);
    both.bindMounts.push({ path: '/run/netns/blue', mntns: 1 });
    const ancestor = namespaceFor(result, { dev: 4, ino: 102 }, 'pid')!;
    assert.deepEqual(holdersOf(both), ['bindMount', 'threads']);
    assert.equal(heldBy(both), 'bindMount');
    assert.equal(heldBy(ancestor), 'descendants');
    const table = formatTable(result, {});
    assert.match(table, /^net +101 +0 .* mount,threads /m);
    assert.match(table, /^pid +102 +0 .* ancestor /m);
  });
});
