/**
 * react-pdf breaks lines only at spaces and at hyphenation points, and it draws
 * a "-" at every hyphenation point it breaks at. A word wider than its column
 * (a pasted URL, a 300-letter string) therefore runs off the page and is cut.
 *
 * This hyphenation callback gives such words break opportunities that draw
 * nothing: it inserts U+FEFF, a zero-width glyph in Inter that textkit treats as
 * whitespace, so a line can end there and no hyphen is added. Only words longer
 * than LONG characters are touched, because text extractors read an unbroken
 * U+FEFF as a space: ordinary words, emails and URLs keep their exact text.
 */
const LONG = 40;
/** Longest unbreakable piece: fits the narrowest PDF column (the skills' name column) at body size. */
const CHUNK = 20;
/** Prefer to break right after these, so a long URL splits at its slashes and dots. */
const SOFT_END = /[/\-._@?&=#:,;]/;
const ZERO_WIDTH_BREAK = '\uFEFF';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Split an over-long word into pieces separated by zero-width break opportunities; shorter words are returned whole. */
export function breakLongWord(word: string): string[] {
  if (word.length <= LONG) return [word];
  const chars = Array.from(graphemes.segment(word), (s) => s.segment);
  if (chars.length <= LONG) return [word];
  const parts: string[] = [];
  let start = 0;
  while (chars.length - start > CHUNK) {
    let end = start + CHUNK;
    // Back up to a natural break in the second half of the piece, if there is one.
    for (let i = end; i > start + CHUNK / 2; i--) {
      if (SOFT_END.test(chars[i - 1] ?? '')) {
        end = i;
        break;
      }
    }
    parts.push(chars.slice(start, end).join(''), ZERO_WIDTH_BREAK);
    start = end;
  }
  parts.push(chars.slice(start).join(''));
  return parts;
}
