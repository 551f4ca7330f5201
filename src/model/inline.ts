import { isSafeHref } from '../validate/links.js';

/** A run of text with the inline formatting the owner wrote in the source. */
export interface Span {
  /** The words, without the markup. */
  text: string;
  /** Written `**bold**`. */
  bold: boolean;
  /** Written `*italic*` or `_italic_`. */
  italic: boolean;
  /** Written `` `code` ``. */
  code: boolean;
  /** Link target; only safe schemes ever get here. */
  href: string | null;
}

/**
 * Parse the small inline markup folio accepts in text fields:
 * `**bold**`, `*italic*` / `_italic_`, `` `code` ``, `[text](https://url)`.
 * Anything that does not form a complete, valid construct stays literal text,
 * so `C#`, `*nix`, `snake_case_name` and `2 * 3` come through unchanged.
 */
export function parseInline(source: string): Span[] {
  const spans: Span[] = [];
  parseInto(source, { bold: false, italic: false }, spans);
  return mergeAdjacent(spans);
}

interface Style {
  bold: boolean;
  italic: boolean;
}

function parseInto(src: string, style: Style, out: Span[]): void {
  let plain = '';
  const flush = () => {
    if (plain) out.push({ text: plain, bold: style.bold, italic: style.italic, code: false, href: null });
    plain = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const rest = src.slice(i);
    // Backslash escapes a markup character, as in Markdown.
    if (ch === '\\' && i + 1 < src.length && '\\`*_[]()'.includes(src[i + 1] ?? '')) {
      plain += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ text: src.slice(i + 1, end), bold: style.bold, italic: style.italic, code: true, href: null });
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const end = findClose(src, i + 2, '**');
      if (end > i + 2) {
        flush();
        parseInto(src.slice(i + 2, end), { ...style, bold: true }, out);
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && !rest.startsWith('**')) {
      const end = findEmphasisClose(src, i, ch);
      if (end > 0) {
        flush();
        parseInto(src.slice(i + 1, end), { ...style, italic: true }, out);
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]\n]+)\]\(([^()\s]+)\)/.exec(rest);
      if (link?.[1] && link[2] && isSafeHref(link[2])) {
        flush();
        const inner: Span[] = [];
        parseInto(link[1], style, inner);
        for (const s of inner) out.push({ ...s, href: link[2] });
        i += link[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
}

/** `**` closes only when followed by non-space content before it (CommonMark's flanking rule, simplified). */
function findClose(src: string, from: number, marker: string): number {
  if (/\s/.test(src[from] ?? ' ')) return -1;
  let j = src.indexOf(marker, from);
  while (j !== -1 && /\s/.test(src[j - 1] ?? ' ')) j = src.indexOf(marker, j + 1);
  return j;
}

/**
 * Single `*` or `_` emphasis. The opener must be followed by non-space and, for `_`,
 * not be inside a word (so `snake_case_name` stays literal); the closer mirrors that.
 */
function findEmphasisClose(src: string, i: number, ch: string): number {
  const before = src[i - 1] ?? ' ';
  const after = src[i + 1] ?? ' ';
  if (/\s/.test(after) || after === ch) return -1;
  if (ch === '_' && /[\p{L}\p{N}]/u.test(before)) return -1;
  for (let j = i + 2; j < src.length; j++) {
    if (src[j] !== ch) continue;
    if (src[j + 1] === ch || src[j - 1] === ch) continue;
    if (/\s/.test(src[j - 1] ?? ' ')) continue;
    if (ch === '_' && /[\p{L}\p{N}]/u.test(src[j + 1] ?? ' ')) continue;
    return j;
  }
  return -1;
}

function mergeAdjacent(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.bold === s.bold && prev.italic === s.italic && prev.code === s.code && prev.href === s.href) {
      prev.text += s.text;
    } else out.push({ ...s });
  }
  return out;
}

/** The text a reader sees, markup removed. */
export function plainText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}
