import type { Span } from '../inline.js';
import { isSafeHref } from '../links.js';

/**
 * Escape plain text so GitHub Flavored Markdown shows it literally: `C#`, `*nix`,
 * `snake_case_name`, `1. not a list`, `<T>`, `[brackets]`, `a | b` in a table cell.
 * Escapes only what could start markup, so the Markdown source stays readable.
 */
export function escapeMarkdown(text: string): string {
  let s = text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    // `_` only matters at a word boundary: intraword underscores never emphasise in GFM.
    // Lookarounds, not a consumed neighbour, so runs like "__init__" are escaped underscore by underscore.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    // An entity-like `&amp;` would be decoded by the renderer.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // GitHub turns :name: into an emoji.
    .replace(/:(?=[a-z0-9_+-]+:)/g, '\\:')
    // A "!" right before the owner's [link](url) would make it an image (a remote picture in the README).
    .replace(/!$/, '\\!');
  // What starts a block only matters at the start of the text.
  s = s.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2').replace(/^([-+=])(?=\s|$)/, '\\$1').replace(/^#/, '\\#');
  // In a heading, a trailing " #" is read as the heading's closing marks and vanishes ("C #" → "C").
  s = s.replace(/(\s)(#+)$/, (_, space: string, hashes: string) => space + hashes.replace(/#/g, '\\#'));
  return s;
}

/** A code span that survives backticks inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Link destinations: angle brackets keep spaces and parentheses from ending the link early. */
export function markdownHref(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

/** Spans → Markdown: the owner's bold, italic, code and links as markup, everything else literal. */
export function inlineMarkdown(spans: readonly Span[]): string {
  return spans
    .map((s) => {
      let m = s.code ? codeSpan(s.text) : escapeMarkdown(s.text);
      if (s.italic) m = `*${m}*`;
      if (s.bold) m = `**${m}**`;
      if (s.href && isSafeHref(s.href)) m = `[${m}](${markdownHref(s.href)})`;
      return m;
    })
    .join('');
}
