import { marked } from 'marked';

const INLINE = new Set(['a', 'strong', 'em', 'b', 'i', 'code', 'span', 'abbr', 'time', 'del', 's']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text a reader sees in an HTML document, roughly as a browser's innerText:
 * head, scripts and styles dropped, inline elements joined to their neighbours,
 * block elements separated by a space, entities decoded.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (_, tag: string) => (INLINE.has(tag.toLowerCase()) ? '' : ' '))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#')
        return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return NAMED[e.toLowerCase()] ?? m;
    });
}

/** Markdown as GitHub would show it: rendered by a GFM parser, then read as text. */
export function markdownText(md: string): { html: string; text: string } {
  const html = marked.parse(md, { gfm: true, async: false });
  return { html, text: htmlText(html) };
}
