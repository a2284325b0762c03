// Text that came from the host (comm, argv, hostnames, interface, netns and container names) made
// safe to show as plain text: every process on the machine chooses its own argv and comm, so a
// label may hold newlines, terminal escapes or bidi overrides that would fake or hide what is
// shown. Control characters become visible escapes, bidi controls are dropped, length is capped.

/** Characters kept per label (comm, names, hostnames) unless the caller says otherwise. */
export const LABEL_MAX = 120;
/** Characters kept of a whole command line where it is shown in one line (tooltips, pickers). */
export const LINE_MAX = 1000;

// Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the directional marks
// (U+200E, U+200F, U+061C): they reorder what is shown ("exe.txt" shown for "txt.exe").
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
// C0, DEL and C1 controls, line/paragraph separators and invisible format characters.
const UNSHOWABLE = /[\p{Cc}\u2028\u2029\u200B-\u200D\u2060\uFEFF]/u;

// Any of the above: the quick test that lets plain text through untouched.
const NEEDS_WORK = /[\p{Cc}\u2028\u2029\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u061C]/u;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One character as the visible escape that stands for it ("\n", "\x1b", "\u2028"). */
function visibleEscape(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Host text as one visible line: bidi controls removed, control and invisible characters
 * written as escapes, at most `max` characters (an ellipsis marks the cut; an escape is never cut
 * in half).
 */
export function hostText(text: string, max: number = LABEL_MAX): string {
  // Most text has nothing to change: one scan instead of a walk (the topology draws thousands).
  if (text.length <= max && !NEEDS_WORK.test(text)) return text;
  const pieces: string[] = [];
  let length = 0;
  // Stops one piece past the cap: a 4 MB argv costs no more than a short one.
  for (const char of text.replace(BIDI_CONTROL, '')) {
    const piece = UNSHOWABLE.test(char) ? visibleEscape(char) : char;
    pieces.push(piece);
    length += piece.length;
    if (length > max) break;
  }
  if (length <= max) return pieces.join('');
  while (pieces.length && length > max - 1) length -= pieces.pop()!.length;
  return `${pieces.join('')}…`;
}

/**
 * Host text for VS Code's own UI strings (quick pick items, titles, terminal names, notifications):
 * they draw `$(name)` as an icon and notifications make `[text](https://…)` a link, so both are
 * broken up visibly.
 */
export function hostTextForUi(text: string, max: number = LABEL_MAX): string {
  return hostText(text, max).replace(/\$\(/g, '\\$(').replace(/\]\(/g, '] (');
}
