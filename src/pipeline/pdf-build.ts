import { dirname, resolve } from 'node:path';
import { matchInOrder } from '../check/find-in-order.js';
import { pdfLeaves } from '../check/expected.js';
import { extractPages } from '../check/extract.js';
import { pdfkitPageTexts } from '../check/pdfkit-text.js';
import { type Diagnostic, UserError } from '../source/diagnostics.js';
import { type Leaf, pdfOmits, sourceLeaves } from '../check/leaves.js';
import type { DataPath, LoadedSource } from '../source/load.js';
import type { ResumeModel } from '../model/model.js';
import type { Paper } from '../render/pdf.js';
import type { Photo } from '../render/pdf/Header.js';
import type { Resume } from '../validate/schema.js';
import { renderWithinPages, type VariantBuild } from './variant-build.js';
import type { PdfScale } from '../render/tokens.js';
import { formatPath } from '../validate/validate.js';
import { imageSize, MAX_PHOTO_SIDE } from '../source/image-size.js';
import { PHOTO_KIND, readInput } from '../source/read-input.js';

export interface PdfBuildOptions {
  paper: Paper;
  maxPages: number | null;
  date: Date;
  /** Run the ATS self-check on the finished PDF (on by default). */
  selfCheck: boolean;
  /** A variant with maxPages is rendered within its pages (tightened by --fit) instead of against maxPages. */
  variant?: VariantBuild | null;
  /** Folder a relative photo path is taken from (default: the source file's folder as named). */
  baseDir?: string;
}

export interface PdfBuilt {
  bytes: Buffer;
  pages: number;
  warnings: Diagnostic[];
  /** Milliseconds spent on the self-check (extracting the text back). */
  checkMs: number;
  /** What fitting changed, for the build report. */
  note?: string;
}

/**
 * The PDF with its guards: every character has a font (else a located error),
 * emoji are left out with a warning, the page budget holds (else an error naming
 * the overflowing entry), and the text reads back in order (else warnings).
 */
export async function buildPdf(src: LoadedSource, resume: Resume, model: ResumeModel, opts: PdfBuildOptions): Promise<PdfBuilt> {
  const { renderPdf } = await import('../render/pdf.js');
  const { checkCoverage } = await import('../render/pdf/coverage.js');
  const at = (path: DataPath, message: string, severity: Diagnostic['severity'], index = 0): Diagnostic => {
    const { line, col } = src.locate(path);
    return { severity, file: src.file, line, col: col + index, path: formatPath(path), message, sourceLine: src.lineText(line) };
  };

  // Every field the PDF shows, with its path: what the fonts must cover and the check must find.
  const leaves = pdfLeaves(resume);
  // Coverage sees the raw strings (emoji included); pdfLeaves has them as displayed.
  const coverage = checkCoverage(sourceLeaves(resume, { audience: 'private', omit: pdfOmits }), model.design.font);
  if (coverage.uncovered.length) {
    // One error per field, listing each character once, the caret on the first.
    const byField = new Map<string, typeof coverage.uncovered>();
    for (const u of coverage.uncovered) {
      const key = formatPath(u.path);
      byField.set(key, [...(byField.get(key) ?? []), u]);
    }
    throw new UserError(
      'error: characters no PDF font can draw',
      [...byField.values()].map((list) => {
        const first = list[0] as (typeof list)[number];
        const chars = [...new Map(list.map((u) => [u.codePoint, `${u.codePoint} "${u.char}"`])).values()];
        const pkg = list.find((u) => u.missingPackage)?.missingPackage;
        const fix = pkg ? `install the optional font package ${pkg}` : 'remove or replace them (emoji are left out; other symbols need a font folio ships)';
        return at(first.path, `${chars.join(', ')} ${chars.length === 1 ? 'is' : 'are'} not covered by any PDF font: ${fix}`, 'error', first.index);
      }),
    );
  }
  const warnings = coverage.emoji.map((e) =>
    at(e.path, `emoji ${e.emoji.join(' ')} left out of the PDF (its fonts have no emoji; the HTML and Markdown keep them)`, 'warning'),
  );
  // A letter the theme's font lacks is drawn in Inter: legible, but it looks different from its word.
  const lacking = new Map<string, (typeof coverage.notInFamily)[number]>();
  for (const m of coverage.notInFamily) if (!lacking.has(m.codePoint)) lacking.set(m.codePoint, m);
  for (const m of lacking.values()) {
    warnings.push(at(m.path, `${m.codePoint} "${m.char}" is not in the font ${model.design.font}: it is drawn in Inter (choose another folio.design.font to match)`, 'warning', m.index));
  }

  const photo = await loadPhoto(src, resume, opts.baseDir ?? dirname(src.file), warnings, at);
  const renderAt = (m: ResumeModel, scale?: PdfScale) => renderPdf(m, { paper: opts.paper, date: opts.date, fallbacks: coverage.fallbacks, interFallback: coverage.interFallback, photo, scale });
  let note: string | undefined;
  let bytes: Buffer;
  let pages: number;
  if (opts.variant?.pageLimit) {
    const fitted = await renderWithinPages(model, opts.variant, renderAt);
    ({ data: bytes, pages, note } = fitted);
  } else ({ bytes, pages } = await renderAt(model));

  let checkMs = 0;
  if (opts.selfCheck || (opts.maxPages !== null && pages > opts.maxPages)) {
    const t0 = performance.now();
    // pdfkit's own structure read directly (~5 ms); PDF.js (~0.5 s cold) only if that fails.
    const quick = pdfkitPageTexts(bytes);
    const match = quick ? matchInOrder(leaves, quick, { ignoreSpaces: true }) : matchInOrder(leaves, await extractPages(bytes));
    checkMs = performance.now() - t0;
    if (opts.maxPages !== null && pages > opts.maxPages) throw overBudget(pages, opts.maxPages, match.found, model, at);
    for (const l of match.missing) warnings.push(at(l.path, `"${clip(l.text)}" is missing from the PDF's extracted text (what an ATS reads)`, 'warning'));
    for (const l of match.outOfOrder) warnings.push(at(l.path, `"${clip(l.text)}" is out of order in the PDF's extracted text`, 'warning'));
  }
  return { bytes, pages, warnings, checkMs, note };
}

function overBudget(
  pages: number, max: number, found: { leaf: Leaf; page: number }[], model: ResumeModel,
  at: (path: DataPath, message: string, severity: Diagnostic['severity']) => Diagnostic,
): UserError {
  const first = found.find((f) => f.page > max);
  const budget = `the PDF would have ${pages} pages, over the budget of ${max} (--max-pages / folio.maxPages); nothing was written`;
  if (!first) return new UserError(`error: ${budget}`);
  const [section, index] = first.leaf.path;
  const entryPath: DataPath = typeof index === 'number' ? [String(section), index] : [String(section)];
  const entry = model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries : [])).find((e) => e.path === formatPath(entryPath));
  const what = entry ? `"${entry.heading ?? ''}"` : `"${clip(first.leaf.text)}"`;
  return new UserError(`error: ${budget}`, [
    at(entryPath, `${budget}. ${what} is the entry that runs onto page ${max + 1}: shorten or remove it (or entries before it), or raise the budget`, 'error'),
  ]);
}

async function loadPhoto(
  src: LoadedSource, resume: Resume, baseDir: string, warnings: Diagnostic[],
  at: (path: DataPath, message: string, severity: Diagnostic['severity']) => Diagnostic,
): Promise<Photo | null> {
  const image = resume.basics?.image;
  if (!resume.folio?.photo || !image) return null;
  const path: DataPath = ['basics', 'image'];
  if (/^[a-z][a-z0-9+.-]*:/i.test(image)) {
    warnings.push(at(path, 'folio.photo is on but basics.image is a URL; folio never fetches remote files, so the PDF has no photo. Use a local PNG or JPEG path', 'warning'));
    return null;
  }
  let data: Buffer;
  try {
    data = await readInput(resolve(baseDir, image), image, PHOTO_KIND);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const why = err.message.slice(`${image}: error: `.length);
    const message = why === 'no such file' ? `cannot read the photo ${image} (a path relative to ${src.file})` : `cannot use the photo ${image}: ${why}`;
    throw new UserError('error: photo', [at(path, message, 'error')]);
  }
  const format = data[0] === 0x89 && data.subarray(1, 4).toString('latin1') === 'PNG' ? 'png' : data[0] === 0xff && data[1] === 0xd8 ? 'jpg' : null;
  if (!format) throw new UserError('error: photo format', [at(path, `${image} is not a PNG or JPEG image`, 'error')]);
  // Decoding is what costs memory (4 bytes a pixel): the size comes from the header first.
  const size = imageSize(data, format);
  if (!size) throw new UserError('error: photo format', [at(path, `${image} is not a readable ${format === 'png' ? 'PNG' : 'JPEG'} image (its header is damaged)`, 'error')]);
  if (size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE || !size.width || !size.height) {
    throw new UserError('error: photo size', [
      at(path, `${image} is ${size.width} × ${size.height} pixels; the PDF takes photos up to ${MAX_PHOTO_SIDE} pixels a side (a header photo needs about 600): scale it down`, 'error'),
    ]);
  }
  return { data, format };
}

function clip(s: string): string {
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}
