import type { Design } from '../model/design.js';
import type { ResumeModel } from '../model/model.js';
import { describeScale, type FitOutcome, fitToPages, type RenderAt } from '../render/fit.js';
import { UserError } from '../source/diagnostics.js';
import type { DataPath, LoadedSource } from '../source/load.js';
import { OVERRIDABLE, outputName, type Tailored, tailor } from '../tailor/variants.js';
import type { Resume } from '../validate/schema.js';
import { formatPath, validate } from '../validate/validate.js';

/** A variant ready to build: the tailored résumé, its file name and its page limit. */
export interface VariantBuild {
  src: LoadedSource;
  /** The source seen through the variant: paths in the tailored résumé locate their line in the file. */
  located: LoadedSource;
  tailored: Tailored;
  /** Output base name, from the variant's output pattern or the source's name. */
  fileName: string;
  /** null when the variant sets no maxPages. */
  pageLimit: { maxPages: number; fit: boolean } | null;
}

/**
 * Apply a variant to a validated résumé and validate the result like the base
 * file, so an override that breaks a rule is reported at the override's line.
 */
export function prepareVariant(
  src: LoadedSource,
  resume: Resume,
  name: string,
  opts: { fallbackName: string; fit?: boolean },
): VariantBuild {
  const tailored = tailor(resume, name);
  const sourcePath = (path: DataPath): DataPath => {
    const top = path[0];
    if ((OVERRIDABLE as readonly unknown[]).includes(top) && overrides(tailored.variant, path))
      return ['variants', name, ...path];
    return tailored.origin(path);
  };
  // Only errors matter here: warnings about the shared parts were reported for the base file.
  const located: LoadedSource = { ...src, data: tailored.resume, locate: (path, o) => src.locate(sourcePath(path), o) };
  const { resume: checked } = validate(located);
  const t = { ...tailored, resume: checked };
  const maxPages = t.variant.maxPages;
  return {
    src,
    located,
    tailored: t,
    fileName: outputName(t, opts.fallbackName),
    pageLimit: maxPages === undefined ? null : { maxPages, fit: Boolean(opts.fit || t.variant.fit) },
  };
}

/** Does the variant override the value at this path (or an ancestor of it)? */
function overrides(variant: object, path: DataPath): boolean {
  let cur: unknown = variant;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(String(seg) in cur)) return false;
    cur = (cur as Record<string, unknown>)[String(seg)];
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return true;
  }
  return true;
}

/** The error for a variant whose PDF overflows its maxPages: how many pages, what spills over, what to do. */
function overflowError(
  src: LoadedSource,
  v: VariantBuild,
  outcome: Extract<FitOutcome, { ok: false }>,
  design: Design,
): UserError {
  const { maxPages, fit } = v.pageLimit ?? { maxPages: 1, fit: false };
  const limit = `${maxPages} page${maxPages === 1 ? '' : 's'}`;
  const head = fit
    ? `variant ${v.tailored.name} does not fit on ${limit}, even at the floors of the design ` +
      `(${describeScale(outcome.scale, design) ?? 'no change'}): ${outcome.pages} pages`
    : `variant ${v.tailored.name} is ${outcome.pages} pages, over its maxPages of ${maxPages}`;
  let what = '';
  const o = outcome.overflow;
  if (o) {
    const path = v.tailored.origin([o.section, o.index]);
    const { line } = src.locate(path);
    const rest = o.after ? ` and the ${o.after} item${o.after === 1 ? '' : 's'} after it` : '';
    what = `; it overflows at ${formatPath(path)} "${o.title}" (${src.file}:${line})${rest}`;
  }
  const fix = fit
    ? 'Cut items with tags or sections, or raise maxPages.'
    : 'Run with --fit (or set fit: true) to tighten spacing, line height and font size, or cut items with tags.';
  return new UserError(`${src.file}: error: ${head}${what}. ${fix}`);
}

/**
 * Render a variant's PDF within its maxPages, tightening the design when it may; a UserError naming what overflows when
 * it cannot.
 */
export async function renderWithinPages(
  model: ResumeModel,
  v: VariantBuild,
  render: RenderAt,
): Promise<{ data: Buffer; pages: number; note?: string }> {
  if (!v.pageLimit) throw new Error('renderWithinPages: the variant has no maxPages');
  const { maxPages, fit } = v.pageLimit;
  const outcome = await fitToPages(model, maxPages, fit, render);
  if (!outcome.ok) throw overflowError(v.src, v, outcome, model.design);
  const change = describeScale(outcome.scale, model.design);
  return {
    data: outcome.bytes,
    pages: outcome.pages,
    note: change ? `${v.tailored.name}: fitted to ${maxPages} page${maxPages === 1 ? '' : 's'}: ${change}` : undefined,
  };
}
