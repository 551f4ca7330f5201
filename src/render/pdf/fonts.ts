import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { FALLBACKS, FONT_FAMILY, type FallbackFont, INTER, resolveFont } from './font-files.js';

const require = createRequire(import.meta.url);

/**
 * Register Inter and the given fallbacks afresh for one document; returns the
 * fontFamily list for the page. One TTF per weight keeps every font embedded
 * once: react-pdf picks the first family in the list that has each glyph.
 *
 * Fresh font objects for every document, on purpose: fontkit caches each glyph
 * with the characters it was first drawn for, so a font object reused across
 * documents wrote a wrong ToUnicode entry ("’" extracted as a blank) in the
 * second document. Re-opening Inter costs a few milliseconds.
 */
export function registerFonts(fallbacks: readonly FallbackFont[] = []): string[] {
  // Forget folio's families (not react-pdf's built-in Helvetica & co., which Font.clear() would drop too).
  const registered = Font.getRegisteredFonts();
  for (const family of [FONT_FAMILY, ...FALLBACKS.map((f) => f.family)]) delete registered[family];
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: require.resolve(INTER.regular), fontWeight: 400 },
      { src: require.resolve(INTER.italic), fontWeight: 400, fontStyle: 'italic' },
      { src: require.resolve(INTER.semibold), fontWeight: 600 },
      { src: require.resolve(INTER.bold), fontWeight: 700 },
    ],
  });
  // react-pdf hyphenates by default, which splits words in extracted text ("internation-\nalization").
  Font.registerHyphenationCallback((word) => [word]);
  for (const f of fallbacks) {
    const regular = resolveFont(f.pkg, f.regular);
    const bold = resolveFont(f.pkg, f.bold);
    if (!regular || !bold) throw new Error(`font package ${f.pkg} is not installed`);
    // CJK, Devanagari and Arabic have no italics: italic text falls back to the upright faces
    // (react-pdf throws when a family has no face for the requested style).
    Font.register({
      family: f.family,
      fonts: [
        { src: regular, fontWeight: 400 },
        { src: bold, fontWeight: 700 },
        { src: regular, fontWeight: 400, fontStyle: 'italic' },
        { src: bold, fontWeight: 700, fontStyle: 'italic' },
      ],
    });
  }
  return [FONT_FAMILY, ...fallbacks.map((f) => f.family)];
}
