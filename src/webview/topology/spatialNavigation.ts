// Arrow keys between boxes: the nearest box whose centre lies in the arrow's direction, nearer
// along the arrow counting less than off to its side. Pure.

export interface KeyedRect {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export function nearestInDirection(from: KeyedRect, others: readonly KeyedRect[], direction: Direction): string | undefined {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: { key: string; score: number } | undefined;
  for (const other of others) {
    if (other.key === from.key) continue;
    const dx = other.x + other.width / 2 - cx;
    const dy = other.y + other.height / 2 - cy;
    const [along, aside] = direction === 'left' ? [-dx, dy] : direction === 'right' ? [dx, dy] : direction === 'up' ? [-dy, dx] : [dy, dx];
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(aside);
    if (!best || score < best.score || (score === best.score && other.key < best.key)) best = { key: other.key, score };
  }
  return best?.key;
}
