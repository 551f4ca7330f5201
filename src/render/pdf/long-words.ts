/**
 * Line-break opportunities for over-long words that never draw a hyphen.
 *
 * react-pdf (textkit) breaks lines at spaces and between the pieces this
 * hyphenation callback returns; between two text pieces it places a
 * "hyphenation point" and draws a "-" when it breaks there. An empty piece is
 * different: textkit makes it a zero-width space (glue) with no hyphenation
 * point, so a line may end there with nothing added to the text and nothing
 * inserted into it when it does not (the extracted text stays exact).
 *
 * Words longer than LONG characters (a pasted URL, a 300-letter string) get an
 * empty piece every CHUNK characters, preferring to break after / . _ @ and
 * before -, so they wrap instead of running off the page. Shorter words stay
 * whole: they move to the next line as before, and emails and most URLs never
 * split.
 *
 * A piece never ends in a hyphen: pdftotext (and ATS parsers built on it)
 * read a line ending in "-" as a hyphenated word and join it to the next
 * line without the hyphen, so ".../break-at-⏎all" would read back as
 * "break-atall". Broken before the hyphen, the line ends in a letter and the
 * next one starts with "-all": every extractor keeps the text whole.
 */
const LONG = 40;
/** Longest unbreakable piece: 12 wide letters fit the narrowest PDF column (the skills' name column, about 100 pt). */
const CHUNK = 12;
/**
 * Prefer to break right after these, so a long URL splits at its slashes and dots, and a metric tied
 * with no-break spaces (MetricLine) too long for a line at its spaces.
 */
const SOFT_END = /[/._@?&=#:,;\u00a0]/u;
/**
 * What a line may not start with: closing brackets and quotes, stops and commas, hyphens, and a no-break space or
 * word joiner (a metric's "label value" unit is tied with them, and its bold value is a run of its own).
 */
const NO_BREAK_BEFORE = /^[\s\u2060\p{Pe}\p{Pf},.;:!?%'"\u2019\u201d…\-\u2010\u2011]/u;
/** Hyphens: a break goes before one, never after (see above). */
const HYPHEN = /^[-\u2010\u2011]$/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The hyphenation callback: an over-long word → pieces separated by empty, invisible break opportunities; others whole.
 */
export function breakLongWord(word: string): string[] {
  if (word.trim() === '') return [word];
  // textkit splits a word into runs where its script, font or style changes ("Ωmega", "0ӕ", "⬜ὠ", "a*b*c") and
  // treats each run boundary as a hyphenation point. An empty first piece makes that boundary a plain,
  // hyphen-free break opportunity: a long symbol run cut by emphasis into short runs (none over LONG) has no
  // other place to break, and a forced break there drew a "-" into the text. Never before closing punctuation,
  // a comma or stop, or a hyphen: ", and" and "(x)" keep their marks on the line.
  const lead = word.length && !NO_BREAK_BEFORE.test(word) ? [''] : [];
  if (word.length <= LONG) return [...lead, word];
  const chars = Array.from(graphemes.segment(word), (s) => s.segment);
  if (chars.length <= LONG) return [...lead, word];
  const parts: string[] = [...lead];
  let start = 0;
  while (chars.length - start > CHUNK) {
    let end = start + CHUNK;
    // Back up to a natural break in the second half of the piece, if there is one: after a slash or dot,
    // or before a hyphen.
    for (let i = end; i > start + CHUNK / 2; i--) {
      if (SOFT_END.test(chars[i - 1] ?? '') || HYPHEN.test(chars[i] ?? '')) {
        end = i;
        break;
      }
    }
    // Never leave a hyphen at the end of a line; a run of hyphens moves whole to the next one.
    while (end > start + 1 && HYPHEN.test(chars[end - 1] ?? '')) end--;
    parts.push(chars.slice(start, end).join(''), '');
    start = end;
  }
  parts.push(chars.slice(start).join(''));
  return parts;
}

/**
 * The `hyphenationPenalty` for a paragraph of styled spans: never break where a
 * style or font changes inside a word. textkit makes every such change a
 * hyphenation point and draws a "-" when it breaks there ("**inside bold**,"
 * came out as "inside bold-⏎, plus"); at 10000 (textkit's infinity) the Knuth–Plass
 * pass never picks it. The empty pieces above are glue, not penalties, so long
 * words still break, without a hyphen.
 */
export const NO_HYPHEN_BREAK = 10000;
