import { Font } from '@react-pdf/renderer';
import type { FontName } from '../../model/design.js';
import { FAMILIES, type FallbackFont, FONT_FAMILY, faceFile, resolveFont } from './font-files.js';
import { cacheLayouts, type ShapingFace } from './layout-cache.js';
import { breakLongWord } from './long-words.js';

/** The part of react-pdf's font registry (and of fontkit's font objects) that folio touches. */
type Registry = Record<string, { sources: FontSource[] }>;
interface FontSource {
  data: (Partial<ShapingFace> & { _glyphs?: object }) | null;
  load(): Promise<void>;
}
const SHAPING_CACHED = Symbol('folio.shapingCached');

/**
 * fontkit caches each glyph object with the characters it was first created
 * for, and pdfkit writes a document's ToUnicode map from those: reused across
 * documents, a stale entry made "’" extract as a blank in the next PDF (a
 * glyph first reached without its character). Emptying that cache before each
 * document keeps the parsed fonts (re-opening them costs ~180 ms a render).
 */
function forgetGlyphs(registry: Registry): void {
  for (const family of Object.values(registry)) {
    for (const source of family.sources) if (source.data?._glyphs) source.data._glyphs = {};
  }
}

/**
 * Shape each run of text once per process (layout-cache.ts): each face, as react-pdf loads it, remembers what it
 * shaped. Loading stays lazy: a face no document uses is never read.
 */
function shapeOnce(registry: Registry): void {
  for (const family of Object.values(registry)) {
    for (const source of family.sources as (FontSource & { [SHAPING_CACHED]?: true })[]) {
      if (source[SHAPING_CACHED]) continue;
      const load = source.load;
      source.load = async () => {
        await load.call(source);
        if (source.data) cacheLayouts(source.data as ShapingFace);
      };
      source[SHAPING_CACHED] = true;
    }
  }
}

/** Register one of the families folio ships, once per process, with its four faces. */
function registerFamily(registry: Registry, family: FontName): void {
  if (registry[family]) return;
  const files = FAMILIES[family];
  Font.register({
    family,
    fonts: [
      { src: faceFile(files.regular), fontWeight: 400 },
      { src: faceFile(files.italic), fontWeight: 400, fontStyle: 'italic' },
      { src: faceFile(files.semibold), fontWeight: 600 },
      { src: faceFile(files.bold), fontWeight: 700 },
    ],
  });
}

/**
 * Register the design's family (once per process), Inter behind it when the
 * text holds characters that family lacks, and the given Noto fallbacks (once
 * each) for the next document; returns the fontFamily list for the page. One
 * TTF per weight keeps every font embedded once: react-pdf picks the first
 * family in the list that has each glyph.
 */
export function registerFonts(
  fallbacks: readonly FallbackFont[] = [],
  family: FontName = FONT_FAMILY,
  interFallback = false,
): string[] {
  const registry = Font.getRegisteredFonts() as unknown as Registry;
  forgetGlyphs(registry);
  const families: FontName[] = family === FONT_FAMILY ? [family] : interFallback ? [family, FONT_FAMILY] : [family];
  for (const f of families) registerFamily(registry, f);
  // react-pdf hyphenates by default, which splits words in extracted text ("internation-\nalization");
  // only words too long for any line get (invisible) break points. Registering it again is harmless.
  Font.registerHyphenationCallback(breakLongWord);
  for (const f of fallbacks) {
    if (registry[f.family]) continue;
    const regular = resolveFont(f.pkg, f.regular);
    const bold = resolveFont(f.pkg, f.bold);
    if (!regular || !bold) throw new Error(`font package ${f.pkg} is not installed`);
    // CJK, Devanagari, Arabic and Hebrew have no italics: italic text falls back to the upright faces
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
  shapeOnce(registry);
  return [...families, ...fallbacks.map((f) => f.family)];
}
