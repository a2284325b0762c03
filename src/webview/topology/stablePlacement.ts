// Stable placement: when namespaces come or go, every box the picture already shows stays where it
// was and only the new ones are placed, in free space (next to a box they are wired to, else in a
// row under the picture). Pure, so it can be tested without a browser.

export interface Size {
  key: string;
  width: number;
  height: number;
}

export interface Placed extends Size {
  x: number;
  y: number;
}

export const GAP = 40;

/** Closer than `gap` (0: they actually overlap). */
function overlaps(a: Placed, b: Placed, gap = GAP): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * Places `boxes` (in their order) given where the known ones were before. A known box keeps its
 * position; if it grew into the box under it, that one moves down just enough. A new box goes to
 * the right of the first placed box it is wired to (moving down until it is free), or else into
 * a row under everything placed, left to right, wrapping at the picture's width.
 */
export function placeStably(boxes: Size[], previous: ReadonlyMap<string, { x: number; y: number }>, wiredTo: (key: string) => string[]): Placed[] {
  const kept: Placed[] = [];
  for (const box of boxes) {
    const was = previous.get(box.key);
    if (was) kept.push({ ...box, x: was.x, y: was.y });
  }
  // A box that grew must not cover the one below: push boxes it covers down, top to bottom
  // (boxes closer than GAP but not touching stay: the first layout may pack them tighter).
  const byTop = [...kept].sort((a, b) => a.y - b.y || a.x - b.x);
  const settled: Placed[] = [];
  for (const box of byTop) {
    for (;;) {
      const blocker = settled.find((other) => overlaps(box, other, 0));
      if (!blocker) break;
      box.y = blocker.y + blocker.height + GAP;
    }
    settled.push(box);
  }
  const placed = new Map(settled.map((b) => [b.key, b]));
  const left = settled.length ? Math.min(...settled.map((b) => b.x)) : 0;
  const right = settled.length ? Math.max(...settled.map((b) => b.x + b.width)) : 0;
  const bottom = settled.length ? Math.max(...settled.map((b) => b.y + b.height)) + GAP : 0;
  let row = { x: left, y: bottom };
  for (const box of boxes) {
    if (placed.has(box.key)) continue;
    const neighbour = wiredTo(box.key).map((k) => placed.get(k)).find((b) => b !== undefined);
    let candidate: Placed;
    if (neighbour) {
      candidate = { ...box, x: neighbour.x + neighbour.width + GAP * 2, y: neighbour.y };
      for (;;) {
        const blocker = [...placed.values()].find((other) => overlaps(candidate, other));
        if (!blocker) break;
        candidate.y = blocker.y + blocker.height + GAP;
      }
    } else {
      candidate = { ...box, x: row.x, y: row.y };
      for (;;) {
        const blocker = [...placed.values()].find((other) => overlaps(candidate, other));
        if (!blocker) break;
        candidate.x = blocker.x + blocker.width + GAP;
        if (candidate.x + candidate.width > Math.max(right, left + candidate.width)) {
          candidate.x = left;
          candidate.y = blocker.y + blocker.height + GAP;
        }
      }
      row = { x: candidate.x + candidate.width + GAP, y: candidate.y };
      if (row.x + candidate.width > Math.max(right, left + candidate.width)) row = { x: left, y: candidate.y + candidate.height + GAP };
    }
    placed.set(box.key, candidate);
  }
  return boxes.map((b) => placed.get(b.key)!);
}
