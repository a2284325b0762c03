// Draws one uid_map or gid_map to scale as SVG: the namespace's own IDs on the upper axis, its
// parent's on the lower one, each line of the map a band from its inside range to its outside
// range. Each axis has its own linear scale from 0 (stated in the margin), so gaps show as empty
// axis; a band narrower than MIN_WIDTH is widened to it, and a single-ID line is drawn as a
// thin line with dots on both axes, so it never vanishes next to a large range.
import { s } from '../shared/dom';
import type { IdKind, LevelMap } from '../../core/idmaps/idMapsTypes';

const MARGIN_LEFT = 104;
const MARGIN_RIGHT = 16;
const ROW = 14;
const TOP_AXIS = 2 * ROW + 12;
const GAP = 56;
const BOTTOM_AXIS = TOP_AXIS + GAP;
const HEIGHT = BOTTOM_AXIS + 2 * ROW + 14;
const MIN_WIDTH = 3;
/** Labels closer than this go one row further from the axis. */
const LABEL_SPACING = 120;

export function span(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start}–${start + count - 1}`;
}

/** 1, 2 or 5 times a power of ten at or above n; 2^32 caps it (IDs are 32-bit). */
export function niceMax(n: number): number {
  if (n > 2 ** 31) return 2 ** 32;
  let p = 1;
  while (p * 10 <= n) p *= 10;
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

/** Short axis numbers: 65536 stays, 4294967296 is "2^32". */
function axisNumber(n: number): string {
  return n === 2 ** 32 ? '2³²' : n.toLocaleString('en-US');
}

interface Placed {
  x: number;
  row: number;
}

function placeLabels(xs: number[]): Placed[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const placed: Placed[] = new Array(xs.length);
  const lastInRow = [-Infinity, -Infinity];
  for (const { x, i } of order) {
    const row = x - lastInRow[0] >= LABEL_SPACING ? 0 : x - lastInRow[1] >= LABEL_SPACING ? 1 : 0;
    lastInRow[row] = x;
    placed[i] = { x, row };
  }
  return placed;
}

export interface DrawOptions {
  kind: IdKind;
  width: number;
  /** How the lower axis is named, e.g. "parent" or "host". */
  parentName: string;
  /** The parent's inode, for labels read out by screen readers. */
  parentInode: number | null;
}

export function drawMap(map: LevelMap, options: DrawOptions): SVGSVGElement {
  const { kind, width, parentName } = options;
  const ids = kind === 'uid' ? 'UIDs' : 'GIDs';
  const plotWidth = Math.max(120, width - MARGIN_LEFT - MARGIN_RIGHT);
  const lines = map.lines.map((l) => ({ ...l, parent: l.outside ?? l.host }));
  const insideMax = niceMax(Math.max(1, ...lines.map((l) => l.inside + l.count)));
  const parentMax = niceMax(Math.max(1, ...lines.map((l) => l.parent + l.count)));
  const xIn = (id: number) => MARGIN_LEFT + (id / insideMax) * plotWidth;
  const xOut = (id: number) => MARGIN_LEFT + (id / parentMax) * plotWidth;

  const svg = s('svg', {
    class: `map-drawing map-${kind}`,
    'data-kind': kind,
    width,
    height: HEIGHT,
    role: 'group',
    'aria-label': `${kind}_map drawn to scale: ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`,
  });
  const axis = (y: number, title: string, max: number) => [
    s('line', { class: 'axis', x1: MARGIN_LEFT, x2: MARGIN_LEFT + plotWidth, y1: y, y2: y }),
    s('line', { class: 'axis-tick', x1: MARGIN_LEFT, x2: MARGIN_LEFT, y1: y - 4, y2: y + 4 }),
    s('line', { class: 'axis-tick', x1: MARGIN_LEFT + plotWidth, x2: MARGIN_LEFT + plotWidth, y1: y - 4, y2: y + 4 }),
    s('text', { class: 'axis-title', x: MARGIN_LEFT - 10, y: y - 2, 'text-anchor': 'end' }, title),
    s('text', { class: 'axis-scale', x: MARGIN_LEFT - 10, y: y + 12, 'text-anchor': 'end' }, `0 … ${axisNumber(max)}`),
  ];
  svg.append(...axis(TOP_AXIS, 'inside', insideMax), ...axis(BOTTOM_AXIS, parentName, parentMax));

  const insideLabels = placeLabels(lines.map((l) => xIn(l.inside)));
  const outsideLabels = placeLabels(lines.map((l) => xOut(l.parent)));
  lines.forEach((l, i) => {
    let x1 = xIn(l.inside);
    let x2 = xIn(l.inside + l.count);
    let o1 = xOut(l.parent);
    let o2 = xOut(l.parent + l.count);
    if (x2 - x1 < MIN_WIDTH) x2 = x1 + MIN_WIDTH;
    if (o2 - o1 < MIN_WIDTH) o2 = o1 + MIN_WIDTH;
    const single = l.count === 1;
    const insideText = span(l.inside, l.count);
    const parentText = span(l.parent, l.count);
    const where = l.outside === null ? `host ${parentText} (the parent's own IDs are unknown)` : `${parentText} in the ${parentName}${options.parentInode ? ` (user ${options.parentInode})` : ''}, host ${span(l.host, l.count)}`;
    const description = `${ids} ${insideText} inside are ${where}; ${l.count.toLocaleString('en-US')} ${l.count === 1 ? 'ID' : 'IDs'}`;
    const g = s('g', {
      class: `range${single ? ' single' : ''}`,
      tabindex: 0,
      role: 'img',
      'aria-label': description,
      'data-inside': l.inside,
      'data-outside': l.outside ?? '',
      'data-host': l.host,
      'data-count': l.count,
    });
    g.append(s('title', {}, description));
    if (single) {
      const xa = (x1 + x1 + MIN_WIDTH) / 2;
      const xb = (o1 + o1 + MIN_WIDTH) / 2;
      g.append(
        s('line', { class: 'band-line', x1: xa, y1: TOP_AXIS, x2: xb, y2: BOTTOM_AXIS }),
        s('circle', { class: 'dot', cx: xa, cy: TOP_AXIS, r: 4 }),
        s('circle', { class: 'dot', cx: xb, cy: BOTTOM_AXIS, r: 4 }),
      );
      x1 = xa;
      o1 = xb;
    } else {
      // Clip x1/o1 so a band that starts before the scale would still show; polygon corners in order.
      g.append(
        s('polygon', { class: 'band', points: `${x1},${TOP_AXIS} ${x2},${TOP_AXIS} ${o2},${BOTTOM_AXIS} ${o1},${BOTTOM_AXIS}` }),
        s('rect', { class: 'segment', x: x1, y: TOP_AXIS - 3, width: x2 - x1, height: 6 }),
        s('rect', { class: 'segment', x: o1, y: BOTTOM_AXIS - 3, width: o2 - o1, height: 6 }),
      );
    }
    const inRow = insideLabels[i].row;
    const outRow = outsideLabels[i].row;
    const anchor = (x: number) => (x > MARGIN_LEFT + plotWidth - 60 ? 'end' : 'start');
    g.append(
      s('text', { class: 'range-label inside-label', x: x1, y: TOP_AXIS - 8 - inRow * ROW, 'text-anchor': anchor(x1) }, insideText),
      s('text', { class: 'range-label outside-label', x: o1, y: BOTTOM_AXIS + 18 + outRow * ROW, 'text-anchor': anchor(o1) }, parentText),
    );
    svg.append(g);
  });
  return svg;
}

/** Left/Right (and Home/End) move the focus between the ranges of one drawing. */
export function arrowKeysBetweenRanges(svg: SVGSVGElement): void {
  svg.addEventListener('keydown', (event) => {
    const ranges = [...svg.querySelectorAll<SVGGElement>('g.range')];
    const i = ranges.indexOf(document.activeElement as SVGGElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: ranges.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    ranges[Math.max(0, Math.min(ranges.length - 1, next))].focus();
  });
}
