// Host text (argv, comm, hostnames, names) shown as plain text and inside Markdown: a table of
// hostile inputs, each rendered by a real CommonMark renderer (markdown-it with HTML and linkify
// on, stricter than VS Code's hovers) that must produce no link, image or HTML from the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { hostText, hostTextForUi, LABEL_MAX } from '../../src/core/text/hostText';
import { code, escapeMarkdown } from '../../src/core/tree/markdownText';
import { nodeLabel, nodeTooltip } from '../../src/core/tree/presentation';
import { processDetails, namespaceDetails } from '../../src/core/tree/detailsText';
import { buildTree } from '../../src/core/tree/buildTree';
import { DEV, fakeResult } from './support/fakeResult';
import { formatTable } from '../../src/cli/formatTable';

interface MarkdownIt {
  render(src: string): string;
  renderInline(src: string): string;
}
const markdownIt = createRequire(__filename)('markdown-it') as (options: object) => MarkdownIt;
const md = markdownIt({ html: true, linkify: true });

const LINK = '[x](https://example.invalid)';
const IMAGE = '![i](https://example.invalid/i.png)';
const NASTY: Array<[string, string]> = [
  ['double backtick closes a `` span', `a \`\` ${LINK} \`\` b`],
  ['triple backtick run', `\`\`\` ${IMAGE} \`\`\``],
  ['backtick at the edges', `\`${LINK}\``],
  ['newline ends the span', `sleep\n\n${LINK}\n# heading`],
  ['CRLF and tab', `a\r\n${IMAGE}\tb`],
  ['raw HTML image', '<img src=https://example.invalid/i.png onerror=alert(1)>'],
  ['raw HTML link', '<a href="https://example.invalid">x</a>'],
  ['autolink', '<https://example.invalid>'],
  ['bare URL (linkify)', 'see https://example.invalid and www.example.invalid'],
  ['e-mail autolink', 'root@example.invalid'],
  ['reference link', `[x]\n\n[x]: https://example.invalid`],
  ['terminal escape', '\x1b]8;;https://example.invalid\x07click\x1b]8;;\x07'],
  ['bidi override', 'evil\u202Egnp.exe'],
  ['line separator', `a\u2028${LINK}`],
  ['emphasis and HTML entity', '**bold** _it_ &lt;img&gt; &#x3C;img src=x&#x3E;'],
];

const hasActiveMarkup = (html: string) => /<(a|img|script|iframe|h\d|em|strong)\b/i.test(html);

for (const [name, input] of NASTY) {
  test(`code(): ${name} stays one inert code span`, () => {
    const html = md.renderInline(code(input, 10_000));
    assert.equal(hasActiveMarkup(html), false, html);
    assert.match(html, /^<code>[^<]*<\/code>$/, html);
  });

  test(`escapeMarkdown(): ${name} stays text`, () => {
    const html = md.render(escapeMarkdown(input, 10_000));
    assert.equal(hasActiveMarkup(html), false, html);
    assert.match(html, /^<p>[^<]*<\/p>\n$/, html);
  });

  test(`hostText(): ${name} is one line without bidi or control characters`, () => {
    const shown = hostText(input, 10_000);
    assert.doesNotMatch(shown, /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]/u);
  });
}

test('control characters become visible escapes, bidi controls are dropped', () => {
  assert.equal(hostText('a\nb\tc\r\x1b[31m\x7f\u0085'), 'a\\nb\\tc\\r\\x1b[31m\\x7f\\x85');
  assert.equal(hostText('evil\u202Egnp.exe\u2066x\u2069\u200F'), 'evilgnp.exex');
  assert.equal(hostText('zero\u200Bwidth\u2028'), 'zero\\u200bwidth\\u2028');
  assert.equal(hostText('plain /usr/bin/sleep 600 · ünïcode 🐧'), 'plain /usr/bin/sleep 600 · ünïcode 🐧');
});

test('length is capped with an ellipsis, never inside an escape, and a 4 MB argv costs nothing', () => {
  assert.equal(hostText('x'.repeat(LABEL_MAX)), 'x'.repeat(LABEL_MAX));
  const cut = hostText('x'.repeat(LABEL_MAX + 1));
  assert.equal(cut, `${'x'.repeat(LABEL_MAX - 1)}…`);
  assert.equal(hostText('abcdefgh\n', 9), 'abcdefgh…');
  assert.equal(hostText('abcdef\x1b', 10), 'abcdef\\x1b');
  assert.equal(hostText('abcdef\x1bz', 9), 'abcdef…');
  const started = performance.now();
  assert.equal(hostText('\u202E'.repeat(1 << 20) + 'y'.repeat(4 << 20), 50).length, 50);
  assert.ok(performance.now() - started < 2000);
});

test('code spans use a fence longer than any backtick run inside', () => {
  assert.equal(code('plain'), '`plain`');
  assert.equal(code('a``b'), '```a``b```');
  assert.equal(code('`x'), '`` `x ``');
  assert.equal(md.renderInline(code('a ```` b')), '<code>a ```` b</code>');
  assert.equal(code(''), '` `');
});

test('quick pick, terminal and notification text cannot draw icons or links', () => {
  assert.equal(hostTextForUi('$(warning) root'), '\\$(warning) root');
  assert.equal(hostTextForUi('see [x](https://example.invalid)\n'), 'see [x] (https://example.invalid)\\n');
});

test('a hostile process in the tree: label, tooltip and details document show no link, image or HTML', () => {
  const result = fakeResult();
  const argv = ['sh', '-c', `x \`\` ${LINK} \`\`\n${IMAGE}\n<img src=https://example.invalid/i.png>\u202Eexe.txt ${'A'.repeat(5000)}`];
  const comm = `\`\`${LINK}\n${IMAGE}`;
  const p = result.processes.get(300)!;
  Object.assign(p, { command: comm, cmdline: argv });
  for (const ns of result.namespaces.values()) if (ns.senior === 300) ns.label = comm;
  const tree = buildTree(result, { grouping: 'pidNamespace' });
  const processNode = tree.children(`ns:${DEV}:11`).find((node) => node.kind === 'process' && node.process.pid === 300)!;
  assert.ok(processNode, 'the hostile process is in the tree');
  assert.equal(nodeLabel(processNode).includes('\n'), false);
  const nsNode = tree.node(`ns:${DEV}:11`)!;
  for (const markdown of [nodeTooltip(processNode, result), nodeTooltip(nsNode, result), processDetails(p, result), namespaceDetails(result.namespaces.get(`${DEV}:11`)!, result)]) {
    const html = md.render(markdown);
    assert.doesNotMatch(html, /<img\b/i, html);
    // The details link related items to their own documents; no link comes from host text.
    for (const [, href] of html.matchAll(/<a\b[^>]*href="([^"]*)"/g)) assert.match(href, /^(\.\.\/)*((namespace|\d+|process\/\d+)\/)?([a-z]+-\d+|\d+-[\w.-]*)\.md$/, html);
    assert.equal((html.match(/<a\b/g) ?? []).length, (html.match(/<a\b[^>]*href="(\.\.\/)*[\w/.-]+\.md"/g) ?? []).length, html);
    assert.doesNotMatch(html, /\u202E/u);
    assert.ok(markdown.length < 12_000, `capped: ${markdown.length}`);
  }
});

test('the command line table writes no terminal escape or newline from a label', () => {
  const result = fakeResult();
  result.namespaces.get(`${DEV}:11`)!.label = '\x1b]8;;https://example.invalid\x07x\x1b]8;;\x07\nfake row\u202E';
  const table = formatTable(result, {});
  assert.doesNotMatch(table, /[\x1b\x07\u202E]/u);
  assert.ok(table.includes('\\x1b]8;;https://example.invalid\\x07x\\x1b]8;;\\x07\\nfake row'), table);
});
