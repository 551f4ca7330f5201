import type { Span } from '../model/inline.js';
import { isSafeHref } from '../validate/links.js';

/**
 * Escape plain text so GitHub Flavored Markdown shows it literally: `C#`, `*nix`,
 * `snake_case_name`, `1. not a list`, `<T>`, `[brackets]`, `a | b` in a table cell.
 * Escapes only what could start markup, so the Markdown source stays readable.
 */
export function escapeMarkdown(text: string): string {
  let s = flattenLines(text)
    // `$` starts GitHub's inline math (`$5 and $10` would typeset "5 and ").
    .replace(/[\\`*[\]>|~$]/g, (c) => `\\${c}`)
    // `_` only matters at a word boundary: intraword underscores never emphasise in GFM.
    // Lookarounds, not a consumed neighbour, so runs like "__init__" are escaped underscore by underscore.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    // An entity-like `&amp;` would be decoded by the renderer.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // GitHub turns :name: into an emoji.
    .replace(/:(?=[a-z0-9_+-]+:)/g, '\\:')
    // `#` after a space could close a heading (`### Learning C #` loses its `#`).
    .replace(/(^|\s)#/g, '$1\\#')
    // A "!" right before the owner's [link](url) would make it an image (a remote picture in the README).
    .replace(/!$/, '\\!')
    // `](` even escaped: marked re-reads a link's text without its escapes, so `!\[p\](url)` inside the
    // owner's [link](…) would become an image there. An escaped `(` keeps it text.
    .replace(/\\\]\(/g, '\\]\\(')
    // `<` as an entity, not `\<`: a bare URL just before it (GFM's autolinks, as marked reads them) can swallow
    // the backslash and leave `<img …>` a real tag. Last, so the `&` rule above does not escape it again.
    .replace(/</g, '&lt;');
  // What starts a block only matters at the start of the text: `1. `, `- `, `---`, `===`.
  s = s.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+=])(?=\s|$|\1)/, '\\$1');
  return s;
}

/**
 * One line: a line break (CommonMark's are \n and \r) in an inline field would end the
 * paragraph and let the rest start a block (an image, a heading, a second folio marker).
 * Tabs and leading spaces go too: at the start of a template line they make a code block.
 */
export function flattenLines(text: string): string {
  // One greedy \s+ per run (linear): a run of spaces without a line break is kept as it is.
  // U+2028 and U+2029 count too: some Markdown parsers (marked) end a line there.
  return text.replace(/\s+/g, (run) => (/[\r\n\u2028\u2029]/.test(run) ? ' ' : run.replace(/\t/g, ' ')));
}

/** A code span that survives backticks inside it, on one line. */
export function codeSpan(raw: string): string {
  // GFM shows a line break inside a code span as a space; folding it here keeps a blank line from ending the span.
  const text = flattenLines(raw);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Link destinations: angle brackets keep spaces and parentheses from ending the link early. */
export function markdownHref(href: string): string {
  // Whitespace, control characters, angle brackets and backslashes are percent-encoded: none can end
  // the destination early, escape its closing `>` or carry a line break into the Markdown.
  const safe = href.replace(/[\s\u0000-\u001f\u007f-\u009f<>\\]/g, (c) => encodeURIComponent(c));
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}

/**
 * Spans → Markdown: the owner's bold, italic, code and links as markup, everything
 * else literal. Spans are nested rather than wrapped one by one (`**a *b* c**`, not
 * `**a ****b***`), whitespace stays outside the delimiters, and where a `*` could not
 * open or close by CommonMark's flanking rules (`**v2.**x`) the HTML tag is used
 * instead, which GitHub keeps.
 */
export function inlineMarkdown(spans: readonly Span[]): string {
  // Line breaks in any span (whitespace between styled runs included) become spaces: a blank line would end
  // the paragraph or bullet the template made and start a block of the user's own.
  const out = emit(
    spans.map((s) => ({ ...s, text: flattenLines(s.text) })),
    0,
    'space',
    'space',
  );
  // Text of only whitespace would leave a bare `-` (an empty bullet, or a setext underline that turns the line
  // above into a heading) or an empty line: a no-break space keeps the line what the template made it.
  return out.trim() === '' && out !== '' ? '&nbsp;' : out;
}

/** What sits next to a delimiter, as CommonMark's flanking rules see it. */
type Edge = 'space' | 'punct' | 'other';

/** Nesting levels, outermost first: a link holds bold text, bold holds italic. */
const LEVELS = ['href', 'bold', 'italic'] as const;
const WRAP = { bold: { md: '**', tag: 'strong' }, italic: { md: '*', tag: 'em' } } as const;

function edgeOf(ch: string | undefined): Edge {
  if (ch === undefined || /\s/u.test(ch)) return 'space';
  return /[\p{P}\p{S}]/u.test(ch) ? 'punct' : 'other';
}

/** Is the span styled at this level or any inner one (so its Markdown starts with a delimiter)? */
function styledFrom(s: Span, level: number): boolean {
  return (
    (level <= 0 && s.href !== null && isSafeHref(s.href)) ||
    (level <= 1 && s.bold) ||
    (level <= 2 && s.italic) ||
    s.code
  );
}

/** The class of the first or last character a span emits at this level. */
function spanEdge(s: Span, side: 'first' | 'last', level: number): Edge {
  const ch = side === 'first' ? s.text[0] : s.text[s.text.length - 1];
  if (edgeOf(ch) === 'space' && !s.code) return 'space';
  if (styledFrom(s, level)) return 'punct';
  const e = escapeMarkdown(s.text);
  return edgeOf(side === 'first' ? e[0] : e[e.length - 1]);
}

function attr(s: Span, level: number): string | boolean {
  const key = LEVELS[level];
  if (key === 'href') return s.href !== null && isSafeHref(s.href) ? s.href : '';
  return key ? s[key] : false;
}

function emit(spans: readonly Span[], level: number, before: Edge, after: Edge): string {
  if (level >= LEVELS.length) return spans.map((s) => (s.code ? codeSpan(s.text) : escapeMarkdown(s.text))).join('');
  const groups: Span[][] = [];
  for (const s of spans) {
    const last = groups[groups.length - 1];
    if (last && attr(last[0] as Span, level) === attr(s, level)) last.push(s);
    else groups.push([s]);
  }
  return groups
    .map((g, i) => {
      const prev = groups[i - 1];
      const next = groups[i + 1];
      const b = prev ? spanEdge(prev[prev.length - 1] as Span, 'last', level) : before;
      const a = next ? spanEdge(next[0] as Span, 'first', level) : after;
      const value = attr(g[0] as Span, level);
      if (!value) return emit(g, level + 1, b, a);
      if (typeof value === 'string') return `[${emit(g, level + 1, 'punct', 'punct')}](${markdownHref(value)})`;
      return wrap(g, level, b, a);
    })
    .join('');
}

/** Bold or italic around a group, whitespace kept outside the delimiters. */
function wrap(group: Span[], level: number, before: Edge, after: Edge): string {
  const spans = group.map((s) => ({ ...s }));
  const first = spans[0] as Span;
  const last = spans[spans.length - 1] as Span;
  let lead = '';
  let trail = '';
  if (!first.code) {
    lead = /^\s*/.exec(first.text)?.[0] ?? '';
    first.text = first.text.slice(lead.length);
  }
  if (!last.code) {
    trail = /\s*$/.exec(last.text)?.[0] ?? '';
    last.text = last.text.slice(0, last.text.length - trail.length);
  }
  const inner = emit(
    spans.filter((s) => s.text !== ''),
    level + 1,
    'punct',
    'punct',
  );
  if (!inner) return lead + trail;
  const { md, tag } = WRAP[LEVELS[level] as 'bold' | 'italic'];
  const b = lead ? 'space' : before;
  const a = trail ? 'space' : after;
  const f = edgeOf(inner[0]);
  const l = edgeOf(inner[inner.length - 1]);
  const opens = f !== 'space' && (f !== 'punct' || b !== 'other');
  const closes = l !== 'space' && (l !== 'punct' || a !== 'other');
  const body = opens && closes ? `${md}${inner}${md}` : `<${tag}>${inner}</${tag}>`;
  return `${lead}${body}${trail}`;
}
