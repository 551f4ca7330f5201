import { openSync } from 'fontkit';
import { afterEach, describe, expect, it } from 'vitest';
import { FAMILIES, faceFile } from '../src/render/pdf/font-files.js';
import { cacheLayouts, layoutCacheCounts, type ShapingFace, setLayoutCache } from '../src/render/pdf/layout-cache.js';

// The shaping cache on real faces, no PDF: what a face gives with it, against the same face without it.
// (test/render-pdf.test.ts checks the PDFs: the same bytes with the cache on and off.)

type Run = ReturnType<ShapingFace['layout']>;
const open = (file: string) => openSync(faceFile(file)) as unknown as Required<ShapingFace>;
/** A run as the PDF sees it: glyph ids, the characters each glyph object holds, and the positions. */
const seen = (run: Run) => ({
  ids: run.glyphs.map((g) => g?.id),
  characters: run.glyphs.map((g) => g?.codePoints),
  positions: run.positions?.map((p) => ({ ...p })),
});
/** textkit's call: the text, the features, a forced direction. */
const shape = (face: ShapingFace, text: string, features?: object) =>
  face.layout(text, features, undefined, undefined, 'ltr');

// Ligatures (fi, ffl), kerning pairs (AV, To, Ty), a combining accent, and text Inter shapes with its own rules.
const TEXTS = [
  'office affluent fiord',
  'AVATAR To Type',
  'cafe\u0301 naïve',
  '“quoted” — 10 → 20 €',
  'Ελληνικά Кириллица',
];

afterEach(() => setLayoutCache(true));

describe('the shaping cache', () => {
  it('gives the runs a face gives without it, from the second time on from the cache', () => {
    const plain = open(FAMILIES.Inter.regular);
    const cached = open(FAMILIES.Inter.regular);
    cacheLayouts(cached);
    const before = layoutCacheCounts();
    for (const pass of [1, 2])
      for (const text of TEXTS)
        expect(seen(shape(cached, text)), `${text} (pass ${pass})`).toEqual(seen(shape(plain, text)));
    const after = layoutCacheCounts();
    expect(after.shaped - before.shaped).toBe(TEXTS.length);
    expect(after.reused - before.reused).toBe(TEXTS.length);
    // Small capitals (a feature the classic theme turns on) are a run of their own.
    const serifPlain = open(FAMILIES['Source Serif 4'].regular);
    const serif = open(FAMILIES['Source Serif 4'].regular);
    cacheLayouts(serif);
    const smcp = { smcp: true, calt: false };
    expect(seen(shape(serif, 'Experience', smcp))).toEqual(seen(shape(serifPlain, 'Experience', smcp)));
    expect(seen(shape(serif, 'Experience'))).toEqual(seen(shape(serifPlain, 'Experience')));
    expect(seen(shape(serif, 'Experience', smcp)).ids).not.toEqual(seen(shape(serif, 'Experience')).ids);
  });

  it("hands out the glyph objects of the face's store as it is now, not those of an earlier document", () => {
    const face = open(FAMILIES.Inter.regular);
    cacheLayouts(face);
    const first = shape(face, 'office');
    // What folio does before each document (fonts.ts): a new, empty store.
    face._glyphs = {};
    const second = shape(face, 'office');
    expect(second.glyphs.map((g) => g?.id)).toEqual(first.glyphs.map((g) => g?.id));
    for (const g of second.glyphs) expect(g).toBe(face._glyphs[g?.id ?? -1]);
    expect(second.glyphs.some((g, i) => g === first.glyphs[i])).toBe(false);
    // Positions are the run's own: changing one (as justification does) leaves the next run alone.
    (second.positions?.[0] as { xAdvance: number }).xAdvance += 1000;
    expect(seen(shape(face, 'office')).positions).toEqual(seen(first).positions);
  });

  it('shapes afresh when a glyph object holds other characters than when the run was cached (as fontkit would)', () => {
    const plain = open(FAMILIES.Inter.regular);
    const cached = open(FAMILIES.Inter.regular);
    cacheLayouts(cached);
    shape(cached, 'office');
    // A store where "f"'s glyph was first made without its character: the stale state folio's fonts.ts met.
    const stale = (face: Required<ShapingFace>) => {
      face._glyphs = {};
      const f = face.glyphsForString('f')[0]?.id ?? -1;
      face._glyphs = {};
      face.getGlyph(f, []);
    };
    stale(plain);
    stale(cached);
    const before = layoutCacheCounts();
    const run = seen(shape(cached, 'office'));
    expect(layoutCacheCounts().reshaped - before.reshaped).toBe(1);
    expect(run).toEqual(seen(shape(plain, 'office')));
    // The control: that state does change what shaping gives, so the cached run would have been wrong.
    const clean = open(FAMILIES.Inter.regular);
    expect(run.characters).not.toEqual(seen(shape(clean, 'office')).characters);
  });

  it("writes shaping's plan into the caller's features object on a hit too, as fontkit does", () => {
    const plain = open(FAMILIES.Inter.regular);
    const cached = open(FAMILIES.Inter.regular);
    cacheLayouts(cached);
    shape(cached, 'office', { calt: false });
    // react-pdf hands the same object to every run of a style; fontkit writes its plan's features into it.
    const shaped: Record<string, boolean> = { calt: false };
    const fromCache: Record<string, boolean> = { calt: false };
    shape(plain, 'office', shaped);
    const before = layoutCacheCounts();
    const run = shape(cached, 'office', fromCache) as ReturnType<ShapingFace['layout']> & { features: unknown };
    expect(layoutCacheCounts().reused - before.reused).toBe(1);
    expect(fromCache).toEqual(shaped);
    expect(run.features).toBe(fromCache);
    // The control: shaping does write into it (kern, liga …), and leaves a switched-off feature off.
    expect(Object.keys(shaped).length).toBeGreaterThan(3);
    expect(shaped).toMatchObject({ calt: false, kern: true, liga: true });
  });

  it('can be switched off: every run shaped afresh, nothing counted', () => {
    const face = open(FAMILIES.Inter.regular);
    cacheLayouts(face);
    setLayoutCache(false);
    const before = layoutCacheCounts();
    shape(face, 'office');
    shape(face, 'office');
    expect(layoutCacheCounts()).toEqual(before);
  });
});
