// textkit picks a font for every character from the run's font stack, which react-pdf always ends with
// Helvetica. A line break (U+000A) is in no font, so it fell to Helvetica: every PDF with a newline in its text
// referenced Helvetica, a font it never embeds, and `folio check` rightly reported it. Line breaks (LF, CR, and
// the Unicode line and paragraph separators) take the font of the text before them (or the first of the stack)
// instead, as textkit already does for the soft hyphen; nothing is drawn for them. (Tabs never get here: the PDF
// renderer makes them spaces; other control characters are refused by validation.) Applied to the bundle (scripts/build.mjs) and to the tests (vitest.config.ts) alike.

const FIND = `    if (IGNORED_CODE_POINTS.includes(codePoint))
        return lastFont;`;
const REPLACE = `    if (IGNORED_CODE_POINTS.includes(codePoint) || codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x2028 || codePoint === 0x2029)
        return lastFont ?? fontStack[0];`;

/** textkit's source with the patch; throws when the code it patches has changed (a textkit upgrade: re-check). */
export function patchTextkit(source) {
  if (!source.includes(FIND))
    throw new Error('@react-pdf/textkit changed: scripts/textkit-patch.mjs no longer applies');
  return source.replace(FIND, REPLACE);
}

/** The file the patch applies to. */
export const TEXTKIT_FILE = /[\\/]@react-pdf[\\/]textkit[\\/]lib[\\/]textkit\.js$/;
