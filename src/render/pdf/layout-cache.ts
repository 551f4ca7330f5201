// Shaping, once per run of text and face in a process. fontkit shapes every run from scratch (its GSUB and GPOS
// lookups: about a quarter of a warm PDF render), and a rebuild in watch or serve, the next variant, a --fit
// attempt or the next résumé of a batch shapes mostly the same runs again.
//
// What shaping gives depends on the face, the text, the features, and on one piece of state: fontkit keeps one
// object per glyph id holding the characters it was first created for (pdfkit writes the PDF's ToUnicode map from
// them, and shaping reads them), and folio empties that store before each document (fonts.ts). So a hit never
// hands back old glyph objects. It makes the glyph look-ups shaping would make, in the same order, checks that
// the objects shaping reads hold the characters they held when the run was shaped (else it shapes afresh), and
// takes the glyphs from the face's own store: the document gets the objects, and the bytes, shaping gives it.

/** The part of a fontkit face (react-pdf's FontSource.data) this cache touches. */
export interface ShapingFace {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRunLike;
  getGlyph(id: number, codePoints?: number[]): GlyphLike | null;
  glyphsForString(text: string): GlyphLike[];
  _glyphs?: Record<number, GlyphLike | undefined>;
}
interface GlyphLike {
  id: number;
  codePoints: number[];
}
interface GlyphRunLike {
  glyphs: (GlyphLike | null)[];
  positions: object[] | null;
}

/** One shaped run. */
interface Shaped {
  /** The characters of each glyph shaping started from (the text mapped to glyphs), as they were then. */
  input: number[][];
  /** The getGlyph(id, codePoints) calls shaping made, in order. */
  lookups: [number, number[] | undefined][];
  /** The run's glyph ids, and the characters those glyph objects held. */
  ids: number[];
  output: number[][];
  /** The run's other fields (positions, script, direction, features) on its own prototype. */
  run: GlyphRunLike;
}

/** Runs kept per face; a face past it starts again empty (a résumé shapes a few hundred). */
const MAX_RUNS = 20_000;
const shapedByFace = new WeakMap<ShapingFace, Map<string, Shaped>>();
const CACHED = Symbol('folio.layoutCache');
let enabled = true;
/** Runs shaped, runs given back from the cache, and hits shaped afresh because the glyph store differed. */
const counts = { shaped: 0, reused: 0, reshaped: 0 };

/** Switch the cache off (every run shaped afresh) for a comparison, and back on. */
export function setLayoutCache(on: boolean): void {
  enabled = on;
}

/** What the cache did in this process so far (a copy). */
export function layoutCacheCounts(): typeof counts {
  return { ...counts };
}

/**
 * Make `face.layout` remember each run it shapes. Idempotent; a face that is not a fontkit font (react-pdf's
 * standard PDF fonts have no glyph store) is left alone.
 */
export function cacheLayouts(face: ShapingFace): void {
  const own = face as ShapingFace & { [CACHED]?: true };
  if (own[CACHED] || !face._glyphs || Object.hasOwn(face, 'getGlyph') || Object.hasOwn(face, 'layout')) return;
  const shape = face.layout;
  const layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => {
    const fresh = () => shape.call(face, text, features, script, language, direction);
    // textkit passes the text, the features and a forced direction; anything else is shaped as it comes.
    if (!enabled || typeof text !== 'string' || script !== undefined || language !== undefined) return fresh();
    let shaped = shapedByFace.get(face);
    if (!shaped) shapedByFace.set(face, (shaped = new Map()));
    const key = `${direction ?? ''}\u0000${JSON.stringify(features ?? null)}\u0000${text}`;
    const hit = shaped.get(key);
    if (hit) {
      const run = replay(face, text, hit);
      counts[run ? 'reused' : 'reshaped']++;
      return run ?? fresh();
    }
    counts.shaped++;
    const recorded = record(face, text, fresh);
    if (recorded.shaped) {
      if (shaped.size >= MAX_RUNS) shaped.clear();
      shaped.set(key, recorded.shaped);
    }
    return recorded.run;
  };
  Object.assign(own, { layout, [CACHED]: true });
}

/** Shape once, noting what the run started from and each glyph look-up. */
function record(
  face: ShapingFace,
  text: string,
  shape: () => GlyphRunLike,
): { run: GlyphRunLike; shaped: Shaped | null } {
  // Shaping's first step, done here first: the same look-ups, so shaping's own are no-ops and the state is the same.
  const input = face.glyphsForString(text).map((g) => [...g.codePoints]);
  const lookups: Shaped['lookups'] = [];
  const getGlyph = face.getGlyph;
  face.getGlyph = (id, codePoints) => {
    lookups.push([id, codePoints ? [...codePoints] : undefined]);
    return getGlyph.call(face, id, codePoints);
  };
  let run: GlyphRunLike;
  try {
    run = shape();
  } finally {
    // The own property goes; the prototype's method shows through again.
    delete (face as Partial<ShapingFace>).getGlyph;
  }
  const store = face._glyphs ?? {};
  // Only runs made of the face's stored glyph objects, as fontkit makes them.
  if (!run.positions || run.glyphs.some((g) => !g || store[g.id] !== g)) return { run, shaped: null };
  const glyphs = run.glyphs as GlyphLike[];
  const rest = copy(run);
  rest.glyphs = [];
  rest.positions = run.positions.map(copy);
  return {
    run,
    shaped: {
      input,
      lookups,
      ids: glyphs.map((g) => g.id),
      output: glyphs.map((g) => [...g.codePoints]),
      run: rest,
    },
  };
}

/** The run again, with this document's glyph objects and positions of its own; null where it may differ. */
function replay(face: ShapingFace, text: string, shaped: Shaped): GlyphRunLike | null {
  const input = face.glyphsForString(text);
  if (!sameCharacters(input, shaped.input)) return null;
  for (const [id, codePoints] of shaped.lookups) face.getGlyph(id, codePoints ? [...codePoints] : undefined);
  const store = face._glyphs ?? {};
  const glyphs = shaped.ids.map((id) => store[id]);
  // Shaping reads its result's characters too (default-ignorable ones are hidden): the same, or shape afresh.
  if (!glyphs.every((g): g is GlyphLike => g !== undefined) || !sameCharacters(glyphs, shaped.output)) return null;
  const run = copy(shaped.run);
  run.glyphs = glyphs;
  run.positions = (shaped.run.positions ?? []).map(copy);
  return run;
}

function sameCharacters(glyphs: readonly GlyphLike[], expected: readonly number[][]): boolean {
  return (
    glyphs.length === expected.length &&
    glyphs.every((g, i) => {
      const b = expected[i] ?? [];
      return g.codePoints.length === b.length && g.codePoints.every((c, j) => c === b[j]);
    })
  );
}

/** A shallow copy on the same prototype (fontkit's GlyphRun and GlyphPosition keep their getters). */
const copy = <T extends object>(o: T): T => Object.assign(Object.create(Object.getPrototypeOf(o)) as T, o);
