import type { Design } from '../model/design.js';
import type { ResumeModel, Section } from '../model/model.js';
import type { SectionId } from '../validate/schema.js';
import { noScale, type PdfScale, tokens } from './tokens.js';

/** Renders a model at a scale; the PDF renderer in a build, anything in a test. */
export type RenderAt = (model: ResumeModel, scale: PdfScale) => Promise<{ bytes: Buffer; pages: number }>;

/** The first item that does not fit: where it sits in the model, and what the reader sees as its title. */
export interface OverflowItem {
  /** A section id, or the key of a custom section. */
  section: SectionId | (string & {});
  /** Index in the model section's list (the tailored résumé's index). */
  index: number;
  title: string;
  /** Items after it that do not fit either. */
  after: number;
}

export type FitOutcome =
  | { ok: true; bytes: Buffer; pages: number; scale: PdfScale; renders: number }
  | { ok: false; pages: number; scale: PdfScale; overflow: OverflowItem | null; renders: number };

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Every setting --fit may use, least change first: spacing down to its floor,
 * then line height, then font size, each in the tokens' steps. Each setting is
 * tighter than the one before, so the page count never grows along the list.
 */
export function fitLadder(design: Design): PdfScale[] {
  const { spacing, lineHeight, body } = tokens.fit;
  const NO_SCALE = noScale(design);
  const out: PdfScale[] = [];
  const down = (from: number, floor: number, step: number) => {
    const values: number[] = [];
    for (let v = round(from - step); v >= floor - 1e-9; v = round(v - step)) values.push(v);
    if (!values.length || (values[values.length - 1] ?? floor) > floor) values.push(floor);
    return values;
  };
  let s: PdfScale = { ...NO_SCALE };
  for (const v of down(1, spacing.floor, spacing.step)) out.push((s = { ...s, spacing: v }));
  // A theme already tighter than a floor keeps its own value (the ladder never loosens).
  for (const v of down(NO_SCALE.lineHeight, Math.min(lineHeight.floor, NO_SCALE.lineHeight), lineHeight.step))
    out.push((s = { ...s, lineHeight: v }));
  for (const v of down(NO_SCALE.body, Math.min(body.floor, NO_SCALE.body), body.step))
    out.push((s = { ...s, body: v }));
  return out;
}

/**
 * Render within `maxPages`. Without `fit`, one render: it fits or it fails. With
 * `fit`, a binary search over fitLadder() finds the least change that fits
 * (deterministic: the same input always lands on the same setting). When even
 * the floors overflow, finds the first item that spills over.
 */
export async function fitToPages(
  model: ResumeModel,
  maxPages: number,
  fit: boolean,
  render: RenderAt,
): Promise<FitOutcome> {
  let renders = 0;
  const at = async (scale: PdfScale, m = model) => {
    renders++;
    return render(m, scale);
  };
  const NO_SCALE = noScale(model.design);
  const first = await at(NO_SCALE);
  if (first.pages <= maxPages) return { ok: true, ...first, scale: NO_SCALE, renders };
  const ladder = fitLadder(model.design);
  const floor = ladder[ladder.length - 1] ?? NO_SCALE;
  if (!fit)
    return {
      ok: false,
      pages: first.pages,
      scale: NO_SCALE,
      overflow: await firstOverflow(model, maxPages, (m) => at(NO_SCALE, m)),
      renders,
    };

  const tightest = await at(floor);
  if (tightest.pages > maxPages) {
    return {
      ok: false,
      pages: tightest.pages,
      scale: floor,
      overflow: await firstOverflow(model, maxPages, (m) => at(floor, m)),
      renders,
    };
  }
  // Invariant: ladder[hi] fits; everything before lo does not.
  let lo = 0;
  let hi = ladder.length - 1;
  let best = tightest; // always the render of ladder[hi]
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = await at(ladder[mid] as PdfScale);
    if (r.pages <= maxPages) {
      hi = mid;
      best = r;
    } else lo = mid + 1;
  }
  return { ok: true, bytes: best.bytes, pages: best.pages, scale: ladder[hi] as PdfScale, renders };
}

/** What --fit changed, as the build reports it: "font 9.5 → 9 pt, line height 1.4 → 1.3, spacing −30%". */
export function describeScale(scale: PdfScale, design: Design): string | null {
  const NO_SCALE = noScale(design);
  const parts: string[] = [];
  if (scale.body !== NO_SCALE.body) parts.push(`font ${NO_SCALE.body} → ${scale.body} pt`);
  if (scale.lineHeight !== NO_SCALE.lineHeight) parts.push(`line height ${NO_SCALE.lineHeight} → ${scale.lineHeight}`);
  if (scale.spacing !== 1) parts.push(`spacing −${Math.round((1 - scale.spacing) * 100)}%`);
  return parts.length ? parts.join(', ') : null;
}

interface Unit {
  section: number;
  index: number;
}

/**
 * The first list item that does not fit in `maxPages`: the longest prefix of the
 * document (header, then items in reading order) that fits, found by binary
 * search over whole renders, so it needs nothing from the renderer's internals.
 */
async function firstOverflow(
  model: ResumeModel,
  maxPages: number,
  render: (m: ResumeModel) => Promise<{ pages: number }>,
): Promise<OverflowItem | null> {
  const units: Unit[] = [];
  model.sections.forEach((s, si) => {
    for (let i = 0; i < itemCount(s); i++) units.push({ section: si, index: i });
  });
  // lo units fit (0: the header alone is assumed to); all units do not.
  let lo = 0;
  let hi = units.length;
  while (lo + 1 < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await render(prefix(model, units, mid))).pages <= maxPages) lo = mid;
    else hi = mid;
  }
  const u = units[lo];
  if (!u) return null;
  const section = model.sections[u.section] as Section;
  return { section: section.id, index: u.index, title: itemTitle(section, u.index), after: units.length - lo - 1 };
}

function itemCount(s: Section): number {
  switch (s.kind) {
    case 'entries':
      return s.entries.length;
    case 'groups':
      return s.groups.length;
    case 'metrics':
      return s.metrics.length;
    case 'principles':
      return s.principles.length;
    case 'cta':
      return 0; // not in the PDF
  }
}

/** The model cut after its first `n` items. */
function prefix(model: ResumeModel, units: Unit[], n: number): ResumeModel {
  const last = units[n - 1];
  const sections: Section[] = [];
  model.sections.forEach((s, si) => {
    if (!last || si > last.section) return;
    const keep = si < last.section ? Infinity : last.index + 1;
    switch (s.kind) {
      case 'entries':
        sections.push({ ...s, entries: s.entries.slice(0, keep) });
        break;
      case 'groups':
        sections.push({ ...s, groups: s.groups.slice(0, keep) });
        break;
      case 'metrics':
        sections.push({ ...s, metrics: s.metrics.slice(0, keep) });
        break;
      case 'principles':
        sections.push({ ...s, principles: s.principles.slice(0, keep) });
        break;
      case 'cta':
        break;
    }
  });
  return { ...model, sections };
}

function itemTitle(s: Section, i: number): string {
  switch (s.kind) {
    case 'entries': {
      const e = s.entries[i];
      return e?.heading ?? '';
    }
    case 'groups':
      return s.groups[i]?.name ?? '';
    case 'metrics':
      return s.metrics[i]?.label ?? '';
    case 'principles':
      return s.principles[i]?.title ?? '';
    case 'cta':
      return '';
  }
}
