import type { DataPath, LoadedSource } from '../../source/load.js';

/** Where in the source file a match sits, and the words around it, as `folio match` cites them. */
export interface Citation {
  line: number;
  col: number;
  /** The source's own words that matched ("schema migration"), as written. */
  text: string;
  /** Those words with a little of the string around them ("…with safe schema migrations."). */
  excerpt: string;
}

const starts = new WeakMap<LoadedSource, number[]>();

/** Offsets of each line's first character: line/column ↔ offset without rescanning the file per citation. */
function lineStarts(src: LoadedSource): number[] {
  let s = starts.get(src);
  if (!s) {
    s = [0];
    for (let i = src.text.indexOf('\n'); i !== -1; i = src.text.indexOf('\n', i + 1)) s.push(i + 1);
    starts.set(src, s);
  }
  return s;
}

function lineColAt(src: LoadedSource, offset: number): { line: number; col: number } {
  const s = lineStarts(src);
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (s[lo] ?? 0) + 1 };
}

const EXCERPT = 28;

/** The match with up to EXCERPT characters either side, cut at a space, whitespace runs as one space. */
function excerptOf(value: string, index: number, length: number): string {
  let from = Math.max(0, index - EXCERPT);
  let to = Math.min(value.length, index + length + EXCERPT);
  if (from > 0) from = value.indexOf(' ', from) + 1 || index;
  if (from > index) from = index;
  if (to < value.length) {
    const sp = value.lastIndexOf(' ', to);
    to = sp >= index + length ? sp : to;
  }
  const body = value.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < value.length ? '…' : ''}`;
}

/**
 * Cite the match at `index` (of `length` characters) in the string at `path`:
 * the line and column of those very words in the file (a folded or wrapped
 * string may put them lines below its start), or of the string when its YAML
 * spelling differs from its value (escapes in a quoted string).
 */
export function cite(src: LoadedSource, path: DataPath, value: string, index: number, length: number): Citation {
  const text = value.slice(index, index + length);
  const at = src.locate(path);
  const s = lineStarts(src);
  const from = (s[at.line - 1] ?? 0) + at.col - 1;
  // The words may be wrapped over lines in the file: any run of white space stands for a space.
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  // Bounded: the string's own length, doubled for indentation and quoting, so citing stays linear.
  const window = src.text.slice(from, from + value.length * 2 + 64);
  // The n-th occurrence in the file text is the one at `index` when the words repeat in the string.
  const nth = value.slice(0, index).split(text).length - 1;
  const found = [...window.matchAll(new RegExp(words, 'g'))][nth];
  const place = found?.index === undefined ? at : lineColAt(src, from + found.index);
  return { ...place, text, excerpt: excerptOf(value, index, length) };
}
