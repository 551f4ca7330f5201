import type { Leaf } from './leaves.js';

export interface OrderedMatch {
  /** Leaves found in display order, with the page (1-based) each was found on. */
  found: { leaf: Leaf; page: number }[];
  /** Leaves not in the text at all. */
  missing: Leaf[];
  /** Leaves in the text, but only before the place where they should be. */
  outOfOrder: Leaf[];
}

/**
 * The text as extractors may differ on it: NFC, no bidi marks or soft hyphens, single spaces, and one wave
 * dash. The wave dash 〜 (U+301C) and the fullwidth tilde ～ (U+FF5E) are one character of JIS X 0208 that
 * vendors map apart; CJK fonts give both one glyph, so a PDF's text layer reads back whichever the font's
 * map names first ("1〜3" comes back "1～3").
 */
export function comparable(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u301c/g, '\uff5e')
    .replace(/[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Look for each leaf, in the given order, after the previous one's position in
 * the extracted pages. A leaf found only earlier is out of order; a leaf found
 * nowhere is missing. Greedy earliest matching is safe for a subsequence test:
 * it never skips a place a later leaf could use.
 */
export function matchInOrder(
  leaves: readonly Leaf[],
  pages: readonly string[],
  opts: { ignoreSpaces?: boolean } = {},
): OrderedMatch {
  // The build's quick reader cannot tell a line break from a style change inside a word: it compares without spaces.
  const norm = opts.ignoreSpaces ? (s: string) => comparable(s).replace(/ /g, '') : comparable;
  const parts = pages.map(norm);
  // Pages join as lines do: without a space when spaces are not compared, so a string broken across
  // a page end (a long summary) reads back whole.
  const joint = opts.ignoreSpaces ? '' : ' ';
  const text = parts.join(joint);
  const starts: number[] = [];
  let offset = 0;
  for (const p of parts) {
    starts.push(offset);
    offset += p.length + joint.length;
  }
  const pageAt = (pos: number) => {
    let page = 0;
    while (page + 1 < starts.length && (starts[page + 1] ?? Infinity) <= pos) page++;
    return page + 1;
  };
  const result: OrderedMatch = { found: [], missing: [], outOfOrder: [] };
  let cursor = 0;
  for (const leaf of leaves) {
    const needle = norm(leaf.text);
    const at = text.indexOf(needle, cursor);
    if (at >= 0) {
      result.found.push({ leaf, page: pageAt(at) });
      cursor = at;
    } else if (text.includes(needle)) {
      result.outOfOrder.push(leaf);
    } else {
      result.missing.push(leaf);
    }
  }
  return result;
}
