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
  features?: unknown;
}

/**
 * One shaped run, packed into typed arrays (a run of 64 characters held as objects and arrays took about 30 KB,
 * packed under 1 KB). Lists of characters are flat: a count, then the code points.
 */
interface Shaped {
  /** The characters of each glyph shaping started from (the text mapped to glyphs), as they were then. */
  input: Int32Array;
  /** The getGlyph(id, codePoints) calls shaping made after mapping the text, in order: id, count (−1: none), code
   * points. */
  lookups: Int32Array;
  /** The run's glyph ids, and the characters those glyph objects held. */
  ids: Int32Array;
  output: Int32Array;
  /** Each glyph's xAdvance, yAdvance, xOffset, yOffset. */
  positions: Float64Array;
  /** The run's other fields (script, direction, features) on its own prototype, and a position to copy. */
  run: GlyphRunLike;
  position: object;
  /**
   * The features shaping switched on in the caller's own features object: fontkit writes every feature of its plan
   * into the object it is given (react-pdf's, shared by the runs of a style), and a hit writes them too.
   */
  planFeatures: string[] | null;
}

/** Runs kept per face (under 1 KB each); a face past it starts again empty. A résumé shapes a few hundred. */
const MAX_RUNS = 5_000;
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
  // The wrappers below shadow the face's own methods for a moment: a face that already has them as its own
  // properties is left alone.
  const shadowed = ['getGlyph', 'glyphsForString', 'layout'].some((m) => Object.hasOwn(face, m));
  if (own[CACHED] || !face._glyphs || shadowed) return;
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
      const run = replay(face, text, features, hit);
      counts[run ? 'reused' : 'reshaped']++;
      return run ?? fresh();
    }
    counts.shaped++;
    const recorded = record(face, features, fresh);
    if (recorded.shaped) {
      if (shaped.size >= MAX_RUNS) shaped.clear();
      shaped.set(key, recorded.shaped);
    }
    return recorded.run;
  };
  Object.assign(own, { layout, [CACHED]: true });
}

/**
 * Shape once, noting what the run started from and each glyph look-up. Kept cheap: a one-shot build records every
 * run it shapes and reuses few of them, in code that has not been optimised yet.
 */
function record(
  face: ShapingFace,
  features: unknown,
  shape: () => GlyphRunLike,
): { run: GlyphRunLike; shaped: Shaped | null } {
  let input: GlyphLike[] | null = null;
  let mapping = false;
  let cacheable = true;
  const lookups: number[] = [];
  const { getGlyph, glyphsForString } = face;
  // Shaping's first step maps the text to glyphs: a hit redoes that itself (replay's glyphsForString), so those
  // look-ups are not noted; what it returned is the run's input.
  face.glyphsForString = (t) => {
    if (input !== null) cacheable = false;
    mapping = true;
    try {
      input = glyphsForString.call(face, t);
    } finally {
      mapping = false;
    }
    return input;
  };
  face.getGlyph = (id, codePoints) => {
    if (!mapping) pack(lookups, id, codePoints);
    return getGlyph.call(face, id, codePoints);
  };
  let run: GlyphRunLike;
  try {
    run = shape();
  } finally {
    // The own properties go; the prototype's methods show through again.
    delete (face as Partial<ShapingFace>).getGlyph;
    delete (face as Partial<ShapingFace>).glyphsForString;
  }
  const start = input as GlyphLike[] | null;
  const store = face._glyphs ?? {};
  const { glyphs } = run;
  const positions = run.positions ?? [];
  const position = positions[0];
  // Only runs made of the face's stored glyph objects, with fontkit's four-number positions.
  if (!cacheable || !start || !position || positions.length !== glyphs.length || !isPosition(position))
    return { run, shaped: null };
  const proto = Object.getPrototypeOf(position);
  const ids = new Int32Array(glyphs.length);
  const output: number[] = [];
  const xy = new Float64Array(4 * glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i];
    const p = positions[i] as Position;
    if (!g || store[g.id] !== g || Object.getPrototypeOf(p) !== proto) return { run, shaped: null };
    ids[i] = g.id;
    pack(output, -1, g.codePoints);
    xy.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], 4 * i);
  }
  const packedInput: number[] = [];
  for (const g of start) pack(packedInput, -1, g.codePoints);
  const rest = copy(run);
  rest.glyphs = [];
  rest.positions = [];
  return {
    run,
    shaped: {
      input: Int32Array.from(packedInput),
      lookups: Int32Array.from(lookups),
      ids,
      output: Int32Array.from(output),
      positions: xy,
      run: rest,
      position,
      planFeatures: isFeatureObject(features) && run.features === features ? switchedOn(features) : null,
    },
  };
}

/** The run again, with this document's glyph objects and positions of its own; null where it may differ. */
function replay(face: ShapingFace, text: string, features: unknown, shaped: Shaped): GlyphRunLike | null {
  if (!sameCharacters(face.glyphsForString(text), shaped.input)) return null;
  const l = shaped.lookups;
  for (let i = 0; i < l.length; ) {
    const id = l[i++] as number;
    const n = l[i++] as number;
    face.getGlyph(id, n < 0 ? undefined : Array.from(l.subarray(i, (i += n))));
  }
  const store = face._glyphs ?? {};
  const glyphs = Array.from(shaped.ids, (id) => store[id]);
  // Shaping reads its result's characters too (default-ignorable ones are hidden): the same, or shape afresh.
  if (!glyphs.every((g): g is GlyphLike => g !== undefined) || !sameCharacters(glyphs, shaped.output)) return null;
  const run = copy(shaped.run);
  if (shaped.planFeatures && isFeatureObject(features)) {
    for (const f of shaped.planFeatures) features[f] = true;
    run.features = features;
  } else if (isFeatureObject(shaped.run.features)) run.features = { ...shaped.run.features };
  run.glyphs = glyphs;
  const p = shaped.positions;
  run.positions = glyphs.map((_, i) =>
    Object.assign(copy(shaped.position), {
      xAdvance: p[4 * i],
      yAdvance: p[4 * i + 1],
      xOffset: p[4 * i + 2],
      yOffset: p[4 * i + 3],
    }),
  );
  return run;
}

/** A features object as react-pdf passes it ({ calt: false, smcp: true }), not a list of tags. */
const isFeatureObject = (f: unknown): f is Record<string, boolean> =>
  typeof f === 'object' && f !== null && !Array.isArray(f);
const switchedOn = (f: Record<string, boolean>): string[] => Object.keys(f).filter((k) => f[k] === true);

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
const POSITION_KEYS = 'xAdvance,yAdvance,xOffset,yOffset';
const isPosition = (p: object): p is Position => Object.keys(p).join(',') === POSITION_KEYS;

/** Append a glyph id (unless −1) and its code points, as a count and the code points; no list is a count of −1. */
function pack(out: number[], id: number, codePoints: readonly number[] | undefined): void {
  if (id >= 0) out.push(id);
  if (!codePoints) {
    out.push(-1);
    return;
  }
  out.push(codePoints.length);
  for (const c of codePoints) out.push(c);
}

/** Whether each glyph holds the characters packed in `expected`, in order. */
function sameCharacters(glyphs: readonly GlyphLike[], expected: Int32Array): boolean {
  let at = 0;
  for (const g of glyphs) {
    const cps = g.codePoints;
    if (expected[at++] !== cps.length) return false;
    for (const c of cps) if (expected[at++] !== c) return false;
  }
  return at === expected.length;
}

/** A shallow copy on the same prototype (fontkit's GlyphRun and GlyphPosition keep their getters). */
const copy = <T extends object>(o: T): T => Object.assign(Object.create(Object.getPrototypeOf(o)) as T, o);
