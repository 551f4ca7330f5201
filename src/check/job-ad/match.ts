import type { DataPath, LoadedSource } from '../../source/load.js';
import { OVERRIDABLE, tailor } from '../../tailor/variants.js';
import type { Resume } from '../../validate/schema.js';
import { formatPath } from '../../validate/validate.js';
import { type Leaf, sourceLeaves } from '../leaves.js';
import { isStrong, type JobTerm, jobTerms } from './terms.js';

/** One place in the source where a term is written. */
export interface Place {
  path: DataPath;
  line: number;
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
  const matched = terms.map((t) => locate(t, places));
  const names = variant ? [] : Object.keys(resume.variants ?? {});
  const perVariant = names.map((name) => {
    const p = variantPlaces(src, resume, name);
    return { name, covered: terms.filter((t) => locate(t, p).shown.length).length };
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

function locate(t: JobTerm, places: PlacedLeaf[]): TermMatch {
  const shown: Place[] = [];
  const cut: Place[] = [];
  for (const l of places) {
    t.pattern.lastIndex = 0;
    if (!t.pattern.test(l.text)) continue;
    (l.cut ? cut : shown).push({ path: l.path, line: l.line, cut: l.cut });
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
    `${jobFile}: ${r.terms.length} technical term${r.terms.length === 1 ? '' : 's'}; ${who} shows ${covered.length} (${pct}%)`,
  ];
  const width = Math.max(12, ...r.terms.map((t) => t.term.length));
  const weight = (t: TermMatch) => `×${t.mentions}${t.required ? ' required' : ''}`.padEnd(12);
  const where = (ps: Place[]) => {
    const lines = [...new Set(ps.map((p) => `${r.file}:${p.line}`))];
    return lines.length > 3 ? `${lines.slice(0, 3).join(', ')} +${lines.length - 3} more` : lines.join(', ');
  };
  if (covered.length) {
    out.push('', `shown (${covered.length})`);
    for (const t of covered) out.push(`  ${t.term.padEnd(width)}  ${weight(t)}  ${where(t.shown)}`);
  }
  const strongCut = cut.filter((t) => t.strong);
  if (cut.length) {
    out.push(
      '',
      `in your source but cut by ${who} (${cut.length}${strongCut.length ? `, ${strongCut.length} strong` : ''})`,
    );
    for (const t of [...strongCut, ...cut.filter((x) => !x.strong)]) {
      const first = t.cut[0];
      out.push(`  ${t.term.padEnd(width)}  ${weight(t)}  ${where(t.cut)}${first?.cut ? `: ${first.cut}` : ''}`);
    }
  }
  if (missing.length) {
    out.push('', `not in your résumé (${missing.length})`);
    for (const t of missing) out.push(`  ${t.term.padEnd(width)}  ${weight(t).trimEnd()}`);
  }
  if (r.perVariant.length) {
    out.push(
      '',
      `per variant: ${r.perVariant.map((v) => `${v.name} shows ${v.covered} of ${r.terms.length}`).join(', ')} (folio match ${jobFile} --variant <name>)`,
    );
  }
  out.push(
    '',
    'Offline: nothing was sent anywhere and the résumé is unchanged; add a term only if it is true of your work.',
  );
  return `${out.join('\n')}\n`;
}
