import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FontName } from '../../model/design.js';
import { packageRoot } from '../../source/paths.js';

const require = createRequire(import.meta.url);

const SUBSET_DIR = fileURLToPath(new URL('dist/fonts/', packageRoot));
const PACKAGE_PREFIX = '@expo-google-fonts/';

/**
 * The file folio draws a face with: the subset the build prepared in dist/fonts/ (scripts/subset-fonts.mjs: the
 * same characters outside the Private Use Area and the features folio uses, so fontkit decodes far smaller
 * tables), or the npm package's full TTF when there is none (IBM Plex Sans, or a checkout not yet built).
 */
export function faceFile(file: string): string {
  const subset = SUBSET_DIR + file.slice(PACKAGE_PREFIX.length);
  return file.startsWith(PACKAGE_PREFIX) && existsSync(subset) ? subset : require.resolve(file);
}

/** The four faces folio uses of a family: static TTFs (react-pdf cannot read WOFF2 or variable fonts). */
export interface FamilyFiles {
  regular: string;
  italic: string;
  semibold: string;
  bold: string;
}

/** Where each Inter weight lives. */
export const INTER: FamilyFiles = {
  regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  italic: '@expo-google-fonts/inter/400Regular_Italic/Inter_400Regular_Italic.ttf',
  semibold: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
};

export const FONT_FAMILY = 'Inter';

/**
 * Every family a design may choose (folio.design.font), each checked for Latin
 * Extended, Greek, Cyrillic, arrows and € and for exact text extraction
 * (test/themes.test.ts). Inter is also every other family's fallback.
 */
export const FAMILIES: Record<FontName, FamilyFiles> = {
  Inter: INTER,
  'Source Serif 4': {
    regular: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
    italic: '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
    semibold: '@expo-google-fonts/source-serif-4/600SemiBold/SourceSerif4_600SemiBold.ttf',
    bold: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
  },
  'IBM Plex Sans': {
    regular: '@expo-google-fonts/ibm-plex-sans/400Regular/IBMPlexSans_400Regular.ttf',
    italic: '@expo-google-fonts/ibm-plex-sans/400Regular_Italic/IBMPlexSans_400Regular_Italic.ttf',
    semibold: '@expo-google-fonts/ibm-plex-sans/600SemiBold/IBMPlexSans_600SemiBold.ttf',
    bold: '@expo-google-fonts/ibm-plex-sans/700Bold/IBMPlexSans_700Bold.ttf',
  },
};

/** The main font's regular face, for coverage checks (Inter's weights share one character set). */
export function mainFontPath(): string {
  return faceFile(INTER.regular);
}

/** A family's regular face, for coverage checks. */
export function familyFontPath(family: FontName): string {
  return faceFile(FAMILIES[family].regular);
}

/** A script Inter lacks, the Noto family that covers it and the code points that send text to it. */
export interface FallbackFont {
  id: 'cjk' | 'hangul' | 'devanagari' | 'arabic' | 'hebrew';
  family: string;
  /** npm package (an optional dependency: users may skip these ~150 MB with --omit=optional). */
  pkg: string;
  regular: string;
  bold: string;
  /** Code points this font is the fallback for. */
  range: RegExp;
}

/**
 * Noto fonts for scripts Inter does not cover, static TTFs from npm. Each is
 * registered only when the source holds such characters: opening Noto Sans SC
 * alone costs ~30 ms and 10 MB of memory.
 */
export const FALLBACKS: readonly FallbackFont[] = [
  {
    id: 'cjk',
    family: 'Noto Sans SC',
    pkg: '@expo-google-fonts/noto-sans-sc',
    regular: '400Regular/NotoSansSC_400Regular.ttf',
    bold: '700Bold/NotoSansSC_700Bold.ttf',
    range: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u30fc]/u,
  },
  {
    id: 'hangul',
    family: 'Noto Sans KR',
    pkg: '@expo-google-fonts/noto-sans-kr',
    regular: '400Regular/NotoSansKR_400Regular.ttf',
    bold: '700Bold/NotoSansKR_700Bold.ttf',
    range: /\p{Script=Hangul}/u,
  },
  {
    id: 'devanagari',
    family: 'Noto Sans Devanagari',
    pkg: '@expo-google-fonts/noto-sans-devanagari',
    regular: '400Regular/NotoSansDevanagari_400Regular.ttf',
    bold: '700Bold/NotoSansDevanagari_700Bold.ttf',
    range: /[\p{Script=Devanagari}\u0964\u0965]/u,
  },
  {
    id: 'arabic',
    family: 'Noto Sans Arabic',
    pkg: '@expo-google-fonts/noto-sans-arabic',
    regular: '400Regular/NotoSansArabic_400Regular.ttf',
    bold: '700Bold/NotoSansArabic_700Bold.ttf',
    range: /\p{Script=Arabic}/u,
  },
  {
    id: 'hebrew',
    family: 'Noto Sans Hebrew',
    pkg: '@expo-google-fonts/noto-sans-hebrew',
    regular: '400Regular/NotoSansHebrew_400Regular.ttf',
    bold: '700Bold/NotoSansHebrew_700Bold.ttf',
    // U+05F3/U+05F4 geresh and gershayim ("דוא״ל") are Hebrew punctuation Inter lacks.
    range: /\p{Script=Hebrew}/u,
  },
];

/** Absolute path of a font file inside an npm package, or null when the package is not installed. */
export function resolveFont(pkg: string, file: string): string | null {
  try {
    return require.resolve(`${pkg}/${file}`);
  } catch {
    return null;
  }
}
