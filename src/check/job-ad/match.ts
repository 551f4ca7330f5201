import type { DataPath, LoadedSource } from '../../source/load.js';
import { OVERRIDABLE, tailor } from '../../tailor/variants.js';
import type { Resume } from '../../validate/schema.js';
import { formatPath } from '../../validate/validate.js';
import { type Leaf, sourceLeaves } from '../leaves.js';
import { type Citation, cite } from './cite.js';
import { isStrong, type JobTerm, jobTerms } from './terms.js';

/** One place in the source where a term is written: the words that matched, at their own line and column. */
export interface Place extends Citation {
  path: DataPath;
  /** Why the variant leaves this place out; null when the variant shows it. */
  cut: string | null;
}

export interface TermMatch extends JobTerm {
  strong: boolean;
  /** Where the output shows it. */
  shown: Place[];
  /** Where the source has it but the variant leaves it out. */
  cut: Place[];
}

export interface MatchReport {
  file: string;
  variant: string | null;
  terms: TermMatch[];
  /** For a résumé with variants matched without --variant: how many terms each variant covers. */
  perVariant: { name: string; covered: number }[];
}

/**
 * Match a job description against the résumé (or one variant of it), offline:
 * which technical terms the output shows and where, and which are in the source
 * but cut by the variant. Reads nothing but its arguments; changes nothing.
 */
export function matchJob(job: string, src: LoadedSource, resume: Resume, variant: string | null): MatchReport {
  const vocabulary = [
    ...(resume.skills ?? []).flatMap((s) => s.keywords ?? []),
    ...(resume.projects ?? []).flatMap((p) => p.keywords ?? []),
  ];
  const terms = jobTerms(job, vocabulary);
  const places = variant ? variantPlaces(src, resume, variant) : basePlaces(src, resume);
  const matched = terms.map((t) => locate(t, places, src));
  const names = variant ? [] : Object.keys(resume.variants ?? {});
  const perVariant = names.map((name) => {
    const p = variantPlaces(src, resume, name);
    return { name, covered: terms.filter((t) => locate(t, p, null).shown.length).length };
  });
  return { file: src.file, variant, terms: matched, perVariant };
}

interface PlacedLeaf extends Leaf {
  line: number;
  cut: string | null;
}

function basePlaces(src: LoadedSource, resume: Resume): PlacedLeaf[] {
  return sourceLeaves(resume, { audience: 'private' }).map((l) => ({ ...l, line: src.locate(l.path).line, cut: null }));
}

/** Every leaf of the source, marked with why the variant cuts it, plus the variant's own override text. */
function variantPlaces(src: LoadedSource, resume: Resume, name: string): PlacedLeaf[] {
  const t = tailor(resume, name);
  const out = basePlaces(src, resume).map((l) => ({ ...l, cut: cutReason(l.path, t.cuts, t.variant, name) }));
  const overrides: Record<string, unknown> = {};
  for (const k of OVERRIDABLE) if (t.variant[k] !== undefined) overrides[k] = t.variant[k];
  for (const l of sourceLeaves(overrides as Resume, { audience: 'private' })) {
    const path = ['variants', name, ...l.path];
    out.push({ path, text: l.text, line: src.locate(path).line, cut: null });
  }
  return out;
}

function cutReason(
  path: DataPath,
  cuts: { path: DataPath; reason: string }[],
  variant: Record<string, unknown>,
  name: string,
): string | null {
  // Section headings go with their section.
  const p = path[0] === 'folio' && path[1] === 'sections' ? [path[2] ?? ''] : path;
  const cut = cuts.find((c) => c.path.length <= p.length && c.path.every((seg, i) => seg === p[i]));
  if (cut) return `${formatPath(cut.path)} ${cut.reason}`;
  let cur: unknown = variant;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(String(seg) in cur)) return null;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return `replaced by variants.${name}.${formatPath(path)}`;
}

/** Where the places hold the term; each place cited in the file when `src` is given (counting needs no citation). */
function locate(t: JobTerm, places: PlacedLeaf[], src: LoadedSource | null): TermMatch {
  const shown: Place[] = [];
  const cut: Place[] = [];
  for (const l of places) {
    t.pattern.lastIndex = 0;
    const m = t.pattern.exec(l.text);
    if (!m) continue;
    const at: Citation = src
      ? cite(src, l.path, l.text, m.index, m[0].length)
      : { line: l.line, col: 0, text: m[0], excerpt: m[0] };
    (l.cut ? cut : shown).push({ path: l.path, ...at, cut: l.cut });
  }
  return { ...t, strong: isStrong(t), shown, cut: shown.length ? [] : cut };
}

/** The report as `folio match` prints it. */
export function formatMatch(r: MatchReport, jobFile: string): string {
  const covered = r.terms.filter((t) => t.shown.length);
  const cut = r.terms.filter((t) => !t.shown.length && t.cut.length);
  const missing = r.terms.filter((t) => !t.shown.length && !t.cut.length);
  const who = r.variant ? `variant ${r.variant}` : 'your résumé';
  const pct = r.terms.length ? Math.round((covered.length / r.terms.length) * 100) : 0;
  const out: string[] = [
    `${jobFile}: ${r.terms.length} technical term${r.terms.length === 1 ? '' : 's'}; ` +
      `${who} shows ${covered.length} (${pct}%)`,
  ];
  const width = Math.max(12, ...r.terms.map((t) => t.term.length));
  const weight = (t: TermMatch) => `×${t.mentions}${t.required ? ' required' : ''}`.padEnd(12);
  const indent = ' '.repeat(2 + width + 2 + 12 + 2);
  // Each claim cites the source's own words at their file:line:col, up to three places a term.
  const where = (ps: Place[], reason: string) => {
    const cited = ps.slice(0, 3).map((p) => `${r.file}:${p.line}:${p.col}  “${p.excerpt}”`);
    if (ps.length > 3) cited.push(`+${ps.length - 3} more`);
    if (reason) cited[0] = `${cited[0]}: ${reason}`;
    return cited.join(`\n${indent}`);
  };
  if (covered.length) {
    out.push('', `shown (${covered.length})`);
    for (const t of covered) out.push(`  ${t.term.padEnd(width)}  ${weight(t)}  ${where(t.shown, '')}`);
  }
  const strongCut = cut.filter((t) => t.strong);
  if (cut.length) {
    out.push(
      '',
      `in your source but cut by ${who} (${cut.length}${strongCut.length ? `, ${strongCut.length} strong` : ''})`,
    );
    for (const t of [...strongCut, ...cut.filter((x) => !x.strong)])
      out.push(`  ${t.term.padEnd(width)}  ${weight(t)}  ${where(t.cut, t.cut[0]?.cut ?? '')}`);
  }
  if (missing.length) {
    out.push('', `not in your résumé (${missing.length})`);
    for (const t of missing) out.push(`  ${t.term.padEnd(width)}  ${weight(t).trimEnd()}`);
  }
  if (r.perVariant.length) {
    out.push(
      '',
      `per variant: ${r.perVariant.map((v) => `${v.name} shows ${v.covered} of ${r.terms.length}`).join(', ')}` +
        ` (folio match ${jobFile} --variant <name>)`,
    );
  }
  out.push(
    '',
    'Offline: nothing was sent anywhere and the résumé is unchanged; add a term only if it is true of your work.',
  );
  return `${out.join('\n')}\n`;
}
