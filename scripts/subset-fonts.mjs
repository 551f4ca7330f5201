// Prepares the PDF fonts once, at build time (scripts/build.mjs): each face folio ships is cut down with
// harfbuzz (subset-font, a devDependency; the result is shipped in dist/fonts/, so installing folio never needs
// it) to the characters and OpenType features folio can use. fontkit then decodes smaller cmap, GSUB, GPOS and
// glyf tables in every PDF build. src/render/pdf/font-files.ts picks these files up and falls back to the npm
// packages' own TTFs when they are absent.
//
// What stays:
// - every character the face has outside the Private Use Area, so the glyph preflight accepts exactly what it
//   accepted with the full font (Latin and its extensions, Greek, Cyrillic, arrows, €, curly quotes, symbols);
//   Inter's private-use code points only reach alternate glyphs that no résumé text names;
// - the OpenType features fontkit applies to Latin, Greek and Cyrillic text (kern, liga, clig, rlig, ccmp, locl,
//   mark, mkmk) and smcp, which the smallcaps headings use. calt is dropped: folio switches it off anyway
//   (src/render/pdf/styles.ts), as are the stylistic sets, tabular figures and fractions folio never asks for.
// - hinting and the name table, untouched.
//
// IBM Plex Sans is not subset: its licence reserves the name "Plex", and the OFL lets a modified font (a subset
// is one) be redistributed only under another name. Its faces load from @expo-google-fonts/ibm-plex-sans.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');

/** The faces to subset: npm package → the four TTFs folio registers (src/render/pdf/font-files.ts). */
export const SUBSET_FACES = {
  '@expo-google-fonts/inter': [
    '400Regular/Inter_400Regular.ttf',
    '400Regular_Italic/Inter_400Regular_Italic.ttf',
    '600SemiBold/Inter_600SemiBold.ttf',
    '700Bold/Inter_700Bold.ttf',
  ],
  '@expo-google-fonts/source-serif-4': [
    '400Regular/SourceSerif4_400Regular.ttf',
    '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
    '600SemiBold/SourceSerif4_600SemiBold.ttf',
    '700Bold/SourceSerif4_700Bold.ttf',
  ],
};

export const KEEP_FEATURES = ['kern', 'liga', 'clig', 'rlig', 'ccmp', 'locl', 'mark', 'mkmk', 'smcp'];

const isPrivateUse = (cp) => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;

/**
 * Write each subset face to <fontsDir>/<package without @expo-google-fonts/>/<file>, with the package's
 * licence beside it (the OFL travels with the font). Returns the bytes before and after, for the build's log.
 */
export async function subsetFonts(fontsDir) {
  let before = 0;
  let after = 0;
  for (const [pkg, files] of Object.entries(SUBSET_FACES)) {
    const folder = join(fontsDir, pkg.replace('@expo-google-fonts/', ''));
    await Promise.all(
      files.map(async (file) => {
        const path = require.resolve(`${pkg}/${file}`);
        const bytes = await readFile(path);
        const chars = fontkit.openSync(path).characterSet.filter((cp) => !isPrivateUse(cp));
        const subset = await subsetFont(bytes, String.fromCodePoint(...chars), {
          targetFormat: 'truetype',
          keepFeatures: KEEP_FEATURES,
        });
        // A subset that lost a character would make the preflight refuse text the full font drew: never ship one.
        const check = fontkit.create(subset);
        const lost = chars.filter((cp) => !check.hasGlyphForCodePoint(cp));
        if (lost.length)
          throw new Error(`subsetting ${pkg}/${file} lost ${lost.length} characters, e.g. U+${lost[0].toString(16)}`);
        await mkdir(dirname(join(folder, file)), { recursive: true });
        await writeFile(join(folder, file), subset);
        before += bytes.length;
        after += subset.length;
      }),
    );
    await copyFile(require.resolve(`${pkg}/LICENSE_FONT`), join(folder, 'LICENSE_FONT'));
  }
  return { before, after };
}
