import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { breakLongWord } from './long-words.js';

const require = createRequire(import.meta.url);

/** Where each Inter weight lives: static TTFs (react-pdf cannot read WOFF2 or variable fonts). */
const INTER = {
  regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  italic: '@expo-google-fonts/inter/400Regular_Italic/Inter_400Regular_Italic.ttf',
  semibold: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
} as const;

export const FONT_FAMILY = 'Inter';

/**
 * Register the PDF fonts, afresh for every document. Inter covers Latin with
 * Extended-A/B, Greek, Cyrillic, arrows and €, and its glyphs extract back to the same text.
 *
 * Afresh, because fontkit font objects carry state from one document to the
 * next: after a document that used a character such as "ṋ", later documents in
 * the same process silently lose glyphs ("Backend" prints as "Backen"). New
 * font objects per document cost a few milliseconds; --watch and in-process
 * builds of several variants stay correct.
 */
export function registerFonts(): void {
  // Drop only folio's family: the built-in Helvetica family must stay registered.
  delete (Font.getRegisteredFonts() as Record<string, unknown>)[FONT_FAMILY];
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: require.resolve(INTER.regular), fontWeight: 400 },
      { src: require.resolve(INTER.italic), fontWeight: 400, fontStyle: 'italic' },
      { src: require.resolve(INTER.semibold), fontWeight: 600 },
      { src: require.resolve(INTER.bold), fontWeight: 700 },
    ],
  });
  // react-pdf hyphenates by default, which splits words in extracted text ("internation-\nalization");
  // only words too long for any line get (invisible) break points.
  Font.registerHyphenationCallback(breakLongWord);
}
