/**
 * Columns a string takes in a monospace terminal or form field: East Asian wide and
 * fullwidth characters take two, combining marks none, everything else one.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/\p{Mn}|\p{Me}|\u200B|\u200D/u.test(ch)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || // CJK radicals … Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) || // emoji
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions
  );
}

/** Separators that must not start a line: they stay with the word before them. */
const TRAILING = new Set(['·', '–', '—', '|', '/']);

/**
 * Fill `text` into lines of at most `width` columns, breaking only at spaces, so no
 * word or URL is ever split. A single word longer than the width gets a line of its
 * own, whole. `first` prefixes the first line (`- `), `rest` the others (`  `).
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const words: string[] = [];
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (TRAILING.has(w) && words.length) words[words.length - 1] += ` ${w}`;
    else words.push(w);
  }
  const lines: string[] = [];
  let line = '';
  let prefix = first;
  for (const w of words) {
    if (line && displayWidth(prefix + line) + 1 + displayWidth(w) > width) {
      lines.push(prefix + line);
      prefix = rest;
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line || !lines.length) lines.push(prefix + line);
  return lines;
}

/**
 * Fill a list of short items (contacts, figures) joined by `sep`, breaking between
 * items rather than inside one (`1 Example Row` stays on one line); an item too long
 * for a line of its own is word-wrapped like text.
 */
export function wrapList(items: readonly string[], width: number, sep = ' · '): string[] {
  const lines: string[] = [];
  let line = '';
  const tail = sep.trimEnd();
  for (const item of items) {
    const joined = line ? `${line}${sep}${item}` : item;
    // The separator stays at the end of the line it follows, as in running text.
    if (!line || displayWidth(joined) <= width) {
      line = joined;
      continue;
    }
    // …unless it would push an over-long item further past the edge; the line break separates them then.
    lines.push(displayWidth(line) + tail.length <= width ? `${line}${tail}` : line);
    line = item;
  }
  if (line) lines.push(line);
  return lines.flatMap((l) => (displayWidth(l) > width ? wrap(l, width) : [l]));
}
