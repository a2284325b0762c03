// Level of detail by the zoom scale: at a scale where the rows' text would be too small to read,
// a box shows only its namespace's name, as large as the box allows and never under
// MIN_NAME_PX on screen (wrapped over lines), and zooming in brings the rows back. Pure.

/** Below this scale the rows (12-unit names, 11-unit addresses) would be under ~10 px: names only. */
export const DETAIL_SCALE = 0.85;
export const NAME_PX = 13;
export const MIN_NAME_PX = 10;
/** Average advance of a character of the (semi-bold) name font, in ems; line height in ems. */
const CHAR_EM = 0.6;
const LINE_EM = 1.2;
const PAD = 8;

export interface FittedName {
  /** Font size in layout units (screen pixels divided by the scale). */
  fontSize: number;
  lines: string[];
  lineHeight: number;
}

/** Splits text into lines of at most `max` characters, breaking after - _ . / : or a space when it can. */
export function wrapName(text: string, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const at = Math.max(...['-', '_', '.', '/', ':', ' '].map((c) => head.lastIndexOf(c)));
    const cut = at >= Math.floor(max / 2) ? at + 1 : max;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/**
 * The name of a box of `width` × `height` layout units drawn at scale `k`: the largest size from
 * NAME_PX down to MIN_NAME_PX (on screen) at which it fits wrapped; if it does not fit even
 * then, MIN_NAME_PX with the lines that fit, the last one cut with an ellipsis.
 */
export function fitName(name: string, width: number, height: number, k: number): FittedName {
  for (let px = NAME_PX; ; px--) {
    const fontSize = px / k;
    const lineHeight = fontSize * LINE_EM;
    const perLine = Math.max(1, Math.floor((width - 2 * PAD) / (fontSize * CHAR_EM)));
    const room = Math.max(1, Math.floor((height - PAD) / lineHeight));
    const lines = wrapName(name, perLine);
    if (lines.length <= room) return { fontSize, lines, lineHeight };
    if (px <= MIN_NAME_PX) {
      const kept = lines.slice(0, room);
      const last = kept[room - 1];
      kept[room - 1] = `${last.slice(0, Math.max(0, perLine - 1))}…`;
      return { fontSize, lines: kept, lineHeight };
    }
  }
}
