import { LEXICON, NOT_TECHNICAL } from './lexicon.js';

/** A technical term of a job description, and how much the description leans on it. */
export interface JobTerm {
  /** As folio names it: the lexicon's spelling, your skill keyword's, or the description's. */
  term: string;
  /** How often the description mentions it (any spelling). */
  mentions: number;
  /** Mentioned under a "requirements" / "must have" heading. */
  required: boolean;
  /** Finds the term (any spelling) in a text. */
  pattern: RegExp;
}

/** Strong terms are the ones a screener checks first: required, or mentioned more than once. */
export function isStrong(t: JobTerm): boolean {
  return t.required || t.mentions > 1;
}

/**
 * A letter or digit, for word boundaries: ASCII and the Latin-1 and Latin
 * Extended letters. Not \p{L}: a case-insensitive Unicode pattern costs V8 about
 * a millisecond to compile, and there are two hundred of them.
 */
const WORD = '[A-Za-z0-9\\u00C0-\\u024F]';

/**
 * The written forms of one lowercase word: singular and plural on its own
 * ("migration", "migrations"); inside a phrase also -ing and -ed ("load
 * balanced", "A/B tested"), where the other words keep the meaning. Names
 * (Kafka, QPS) and short words (on, ML) are matched as written.
 */
export function inflections(word: string, inPhrase: boolean): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [word];
  const plural = (w: string) =>
    /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/.test(w) ? `${w}es` : `${w}s`;
  const singular = /ies$/.test(word)
    ? `${word.slice(0, -3)}y`
    : /(?:ss|us|is)$/.test(word) || !word.endsWith('s')
      ? word
      : /(?:x|z|ch|sh|ss)es$/.test(word)
        ? word.slice(0, -2)
        : word.slice(0, -1);
  if (!inPhrase) return [...new Set([word, singular, plural(singular)])];
  // The stem of a phrase word: "processing" → "process", "distributed" → "distribut", "caching" → "cach".
  const stem = /.{3}ing$/.test(singular)
    ? singular.slice(0, -3)
    : /.{3}ed$/.test(singular)
      ? singular.slice(0, -2)
      : singular;
  const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
  const forms = [word, singular, plural(singular), stem, plural(stem), `${base}ing`, `${base}ed`];
  // A stem cut from -ing/-ed may have lost its e: "caching" → "cache", "balancing" → "balance".
  if (stem !== singular && !stem.endsWith('e')) forms.push(`${stem}e`, `${stem}es`);
  if (/[^aeiou]y$/.test(stem)) forms.push(`${stem.slice(0, -1)}ied`);
  return [...new Set(forms)];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for any of these spellings, whole words only, longest first. A
 * phrase matches only as that phrase, each word in any of its inflections
 * ("schema migration" for "schema migrations"), with a space or a hyphen
 * between the words; never one of its words alone.
 */
export function termPattern(spellings: readonly string[], exact = false): RegExp {
  const alts = [...new Set(spellings)]
    .sort((a, b) => b.length - a.length)
    .map((s) => {
      const words = s.split(/[ -]/);
      const body = words
        .map((w) => {
          const forms = inflections(w, words.length > 1).sort((a, b) => b.length - a.length);
          return forms.length === 1 ? escapeRe(w) : `(?:${forms.map(escapeRe).join('|')})`;
        })
        .join('[ -]');
      const start = /^[A-Za-z0-9]/.test(s) ? `(?<!${WORD})` : '';
      const end = /[A-Za-z0-9]$/.test(s) ? `(?!${WORD}|[+#])` : '';
      return `${start}${body}${end}`;
    });
  // Short names (Go, R) and names that are also English words match with their case only.
  return new RegExp(alts.join('|'), exact ? 'g' : 'gi');
}

type Mode = 'required' | 'optional' | 'neutral';

/** A heading line switches what the lines under it are: requirements, nice-to-haves, or anything else. */
function headingMode(line: string): Mode | null {
  const l = line.trim();
  if (!l || l.length > 60 || /[.!?]$/.test(l)) return null;
  if (/nice[- ]to[- ]have|bonus|preferred|pluses|good to have|extra credit/i.test(l)) return 'optional';
  if (/requirement|required|must[- ]have|you('|’)ll need|you have|qualifications|you bring|looking for|skills/i.test(l))
    return 'required';
  if (l.endsWith(':') || /^#+\s/.test(l) || /^[A-Z][A-Za-z ’'&/-]+$/.test(l)) return 'neutral';
  return null;
}

/** Tokens that look technical whatever the word: GraphQL, gRPC, C++, C#, Node.js, S3, EC2, k8s. */
const SHAPED = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:[A-Za-z][A-Za-z0-9]*(?:\+\+|#)|[A-Za-z]*[a-z][A-Z][A-Za-z]*|` +
    String.raw`[A-Za-z]+[0-9][A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*\.(?:js|NET|io))(?![\p{L}\p{N}])`,
  'gu',
);

/** Most technical-looking tokens (outside the lexicon and your keywords) one match reports. */
export const MAX_SHAPED_TERMS = 200;

/**
 * The technical terms of a job description: every lexicon term it mentions,
 * every one of `vocabulary` (your own skill keywords) it mentions, and any
 * other technical-looking token. Sorted strongest first, then by name.
 */
export function jobTerms(text: string, vocabulary: readonly string[] = []): JobTerm[] {
  const lines = text.split(/\r?\n/);
  const modes: Mode[] = [];
  let mode: Mode = 'neutral';
  for (const line of lines) {
    const h = headingMode(line);
    if (h) mode = h;
    modes.push(mode);
  }
  // Whole-word forms of every term considered so far, so a later source does not add it twice.
  const claimed: RegExp[] = [];
  const candidates: { term: string; pattern: RegExp; mentions: number; required: boolean }[] = [];
  const consider = (term: string, pattern: RegExp) => {
    claimed.push(new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', '')));
    candidates.push({ term, pattern, mentions: 0, required: false });
  };
  const known = (word: string) => claimed.some((p) => p.test(word));
  for (const entry of LEXICON) consider(entry.term, termPattern([entry.term, ...(entry.aliases ?? [])], entry.exact));
  for (const word of vocabulary) if (word.trim() && !known(word)) consider(word, termPattern([word], word.length <= 2));

  // Each line once per term (linear in the text). Where two terms overlap, the one that starts first and
  // then the longer one counts: "low latency" is one mention of "low latency", not also one of "latency".
  const taken: [start: number, end: number][][] = [];
  lines.forEach((line, i) => {
    const hits: [start: number, end: number, k: number][] = [];
    candidates.forEach((c, k) => {
      const p = c.pattern;
      p.lastIndex = 0;
      for (let m = p.exec(line); m; m = p.exec(line)) {
        hits.push([m.index, m.index + m[0].length, k]);
        if (!m[0]) p.lastIndex++;
      }
    });
    hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const spans: [number, number][] = [];
    let end = 0;
    for (const [s, e, k] of hits) {
      const c = candidates[k];
      if (s < end || !c) continue;
      end = e;
      spans.push([s, e]);
      c.mentions++;
      if (modes[i] === 'required') c.required = true;
    }
    taken.push(spans);
  });
  const found: JobTerm[] = candidates
    .filter((c) => c.mentions)
    .map(({ term, pattern, mentions, required }) => ({ term, pattern, mentions, required }));

  // Technical-looking tokens are counted in one pass over the lines (not one pass of the whole text per
  // distinct token, which made a long pasted text quadratic), each distinct word checked against the terms once.
  const shaped = new Map<string, { mentions: number; required: boolean }>();
  const isKnown = new Map<string, boolean>();
  lines.forEach((line, i) => {
    // A token inside a term already counted (a user's keyword "Spark3 jobs" holds "Spark3") is that term. The
    // spans are in order and so are the tokens: one pointer walks both, linear even on one very long line.
    const spans = taken[i] ?? [];
    let j = 0;
    for (const m of line.matchAll(SHAPED)) {
      const word = m[0];
      while (j < spans.length && (spans[j]?.[1] ?? 0) <= m.index) j++;
      if ((spans[j]?.[0] ?? Number.POSITIVE_INFINITY) < m.index + word.length) continue;
      let k = isKnown.get(word);
      if (k === undefined) isKnown.set(word, (k = NOT_TECHNICAL.has(word.toLowerCase()) || known(word)));
      if (k) continue;
      const t = shaped.get(word) ?? { mentions: 0, required: false };
      t.mentions++;
      if (modes[i] === 'required') t.required = true;
      shaped.set(word, t);
    }
  });
  // A real job ad has dozens; a pasted dump could have thousands: keep the most mentioned.
  const top = [...shaped]
    .sort((a, b) => b[1].mentions - a[1].mentions || a[0].localeCompare(b[0]))
    .slice(0, MAX_SHAPED_TERMS);
  for (const [word, t] of top) found.push({ term: word, ...t, pattern: termPattern([word], true) });
  return found.sort(
    (a, b) => Number(isStrong(b)) - Number(isStrong(a)) || b.mentions - a.mentions || a.term.localeCompare(b.term),
  );
}
