// The ID-map arithmetic of the core: translating one ID, composing chains, overlaps, coverage.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeChain, composeMaps, findOverlaps, MAX_ID, relativeToParent, toInside, toOutside, uncoveredOutside } from '../../src/core/idmaps/idMapMath';
import { parseId } from '../../src/core/idmaps/parseId';
import { parseIdMap } from '../../src/core/parsers/idMap';

const r = (inside: number, outside: number, count: number) => ({ inside, outside, count });

describe('ID map math', () => {
  const multi = [r(0, 100000, 1000), r(1000, 2000, 1), r(2000, 300000, 65536)];

  it('translates IDs through several ranges, at both ends of each', () => {
    assert.equal(toOutside(multi, 0), 100000);
    assert.equal(toOutside(multi, 999), 100999);
    assert.equal(toOutside(multi, 1000), 2000, 'a length-1 range');
    assert.equal(toOutside(multi, 1001), null, 'the gap after a length-1 range');
    assert.equal(toOutside(multi, 2000), 300000);
    assert.equal(toOutside(multi, 2000 + 65535), 365535);
    assert.equal(toOutside(multi, 2000 + 65536), null, 'one past the last range');
    assert.equal(toInside(multi, 100999), 999);
    assert.equal(toInside(multi, 101000), null);
    assert.equal(toInside(multi, 2000), 1000);
    assert.equal(toInside(multi, 99999), null);
  });

  it('handles the largest 32-bit values: the identity map of the host and an ID at its end', () => {
    const identity = parseIdMap('         0          0 4294967295\n');
    assert.deepEqual(identity, [r(0, 0, 4294967295)]);
    assert.equal(toOutside(identity, MAX_ID), MAX_ID);
    assert.equal(toOutside(identity, MAX_ID + 1), null, '(uid_t) -1 is never mapped');
    const top = [r(4294967294, 4294967294, 1)];
    assert.equal(toInside(top, 4294967294), 4294967294);
    const high = [r(0, 4294901760, 65535)];
    assert.equal(toOutside(high, 65534), 4294967294);
  });

  it('an empty (unwritten) map maps nothing', () => {
    assert.equal(toOutside([], 0), null);
    assert.equal(toInside([], 0), null);
    assert.deepEqual(composeChain([[], multi]), []);
  });

  it('composes a three-level chain down to the host', () => {
    const host = [r(0, 0, 4294967295)];
    const level1 = [r(0, 100000, 65536)]; // L1 -> host
    const level2 = [r(0, 1000, 1000), r(5000, 60000, 10)]; // L2 -> L1
    const level3 = [r(0, 0, 1), r(1, 5000, 5)]; // L3 -> L2
    const composed = composeChain([level3, level2, level1, host]);
    assert.deepEqual(composed, [r(0, 101000, 1), r(1, 160000, 5)]);
    // Each ID of L3 goes the same way one step at a time.
    for (const id of [0, 1, 5]) {
      const l2 = toOutside(level3, id)!;
      const l1 = toOutside(level2, l2)!;
      assert.equal(toOutside(composed, id), toOutside(level1, l1));
    }
    assert.equal(toOutside(composed, 6), null);
  });

  it('splits a child range that spans two parent ranges and drops what the parent does not map', () => {
    const parent = [r(0, 500, 10), r(10, 900, 10)];
    const child = [r(100, 5, 20)]; // child 100..119 -> parent 5..24; parent maps only 5..19
    assert.deepEqual(composeMaps(child, parent), [r(100, 505, 5), r(105, 900, 10)]);
  });

  it('turns host-relative maps (as read from the host) relative to the parent', () => {
    const parentHost = [r(0, 100000, 1000), r(1000, 2000, 1)];
    const childHost = [r(0, 100010, 5), r(7, 2000, 1), r(9, 50, 1)];
    assert.deepEqual(relativeToParent(childHost, parentHost), [
      { inside: 0, outside: 10, count: 5 },
      { inside: 7, outside: 1000, count: 1 },
      { inside: 9, outside: null, count: 1 },
    ]);
  });

  it('finds overlapping lines inside and outside, as the kernel would reject them', () => {
    assert.deepEqual(findOverlaps(multi), []);
    assert.deepEqual(findOverlaps([r(0, 100, 10), r(9, 500, 1)]), [{ first: 0, second: 1, side: 'inside' }]);
    assert.deepEqual(findOverlaps([r(0, 100, 10), r(20, 105, 10)]), [{ first: 0, second: 1, side: 'outside' }]);
    assert.deepEqual(findOverlaps([r(0, 0, 10), r(10, 10, 10)]), [], 'touching ranges do not overlap');
    assert.deepEqual(findOverlaps([r(0, 0, 10), r(5, 5, 1), r(100, 100, 1)]), [{ first: 0, second: 1, side: 'inside' }, { first: 0, second: 1, side: 'outside' }]);
  });

  it('finds the parts of a range that no allowed range covers', () => {
    assert.deepEqual(uncoveredOutside(100000, 65536, [{ start: 100000, count: 65536 }]), []);
    assert.deepEqual(uncoveredOutside(0, 10, [{ start: 2, count: 3 }]), [{ start: 0, count: 2 }, { start: 5, count: 5 }]);
    assert.deepEqual(uncoveredOutside(0, 10, []), [{ start: 0, count: 10 }]);
  });
});

describe('parseId (the translate field)', () => {
  it('accepts 0 to 4294967294', () => {
    assert.deepEqual(parseId('0'), { ok: true, id: 0 });
    assert.deepEqual(parseId(' 1000 '), { ok: true, id: 1000 });
    assert.deepEqual(parseId('4294967294'), { ok: true, id: 4294967294 });
  });
  for (const bad of ['-1', '4294967296', '4294967295', 'abc', '', '   ', '1e3', '0x10', '12.5', '99999999999999999999']) {
    it(`refuses ${JSON.stringify(bad)} with a message`, () => {
      const parsed = parseId(bad);
      assert.equal(parsed.ok, false);
      assert.ok(!parsed.ok && parsed.message.length > 10);
    });
  }
});
