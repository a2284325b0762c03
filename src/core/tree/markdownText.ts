// Host text inside Markdown (tooltips, details documents). Every label is first made one visible
// line by hostText (so no newline can end a code span or start a block), then either fenced as
// inline code with a fence longer than any backtick run in it, or written with every ASCII
// punctuation character backslash-escaped, so no link, image, autolink, HTML or emphasis survives.
import { hostText, LABEL_MAX } from '../text/hostText';

/** Text that Markdown shows as written (no emphasis, links, autolinks or HTML). */
export function escapeMarkdown(text: string, max: number = LABEL_MAX): string {
  return hostText(text, max).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Inline code that no backtick run, newline or HTML in the text can leave. */
export function code(text: string, max: number = LABEL_MAX): string {
  const shown = hostText(text, max);
  if (shown === '') return '` `';
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a backtick at the edge from joining the fence (CommonMark strips
  // one space on each side again when both are there).
  const pad = /^[` ]|[` ]$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}
