import { dirname } from 'node:path';
import { pdfLeaves } from '../check/expected.js';
import { extractPages } from '../check/extract.js';
import { type Leaf, pdfOmits, sourceLeaves } from '../check/leaves.js';
import { bodyTexts, lostAtPageEdge } from '../check/off-page.js';
import { type PageRuns, pdfkitPageRuns } from '../check/pdfkit-text.js';
import { checkSource } from '../check/source-check.js';
import { summaryLine } from '../check/summary.js';
import type { ResumeModel } from '../model/model.js';
import type { Paper } from '../render/pdf.js';
import type { PdfScale } from '../render/tokens.js';
import { type Diagnostic, UserError } from '../source/diagnostics.js';
import type { DataPath, LoadedSource } from '../source/load.js';
import type { Resume } from '../validate/schema.js';
import { formatPath } from '../validate/validate.js';
import { loadPhoto } from './photo.js';
import { renderWithinPages, type VariantBuild } from './variant-build.js';

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
  /** The self-check's summary line, as folio check --source prints it; absent when the check did not run. */
  summary?: string;
  /** What fitting changed, for the build report. */
  note?: string;
}

/** Letters of the right-to-left scripts folio has fonts for. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * The PDF with its guards: every character has a font (else a located error),
 * emoji are left out with a warning, the page budget holds (else an error naming
 * the overflowing entry), and the text reads back in order (else warnings).
 */
export async function buildPdf(
  src: LoadedSource,
  resume: Resume,
  model: ResumeModel,
  opts: PdfBuildOptions,
): Promise<PdfBuilt> {
  const { renderPdf } = await import('../render/pdf.js');
  const { checkCoverage } = await import('../render/pdf/coverage.js');
  const at = (path: DataPath, message: string, severity: Diagnostic['severity'], index = 0): Diagnostic => {
    const { line, col } = src.locate(path);
    return {
      severity,
      file: src.file,
      line,
      col: col + index,
      path: formatPath(path),
      message,
      sourceLine: src.lineText(line),
    };
  };

  // Every field the PDF shows, with its path: what the fonts must cover and the check must find.
  // Coverage sees the raw strings (emoji included); pdfLeaves has them as displayed.
  // folio's own words are shown too (Japanese headings over an English text need the CJK font): located at folio.lang.
  const ownWords = [
    ...model.sections.map((s) => s.title),
    model.words.page,
    model.words.present,
    model.words.dateRange,
    ...Object.values(model.words.contact),
  ];
  const coverage = checkCoverage(
    [
      ...sourceLeaves(resume, { audience: 'private', omit: pdfOmits }),
      ...ownWords.map((text) => ({ path: ['folio', 'lang'], text })),
    ],
    model.design.font,
  );
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
        const fix = pkg
          ? `install the optional font package ${pkg}`
          : 'remove or replace them (emoji are left out; other symbols need a font folio ships)';
        return at(
          first.path,
          `${chars.join(', ')} ${chars.length === 1 ? 'is' : 'are'} not covered by any PDF font: ${fix}`,
          'error',
          first.index,
        );
      }),
    );
  }
  const warnings = coverage.emoji.map((e) =>
    at(
      e.path,
      `emoji ${e.emoji.join(' ')} left out of the PDF (its fonts have no emoji; the HTML and Markdown keep them)`,
      'warning',
    ),
  );
  // A letter the theme's font lacks is drawn in Inter: legible, but it looks different from its word.
  const lacking = new Map<string, (typeof coverage.notInFamily)[number]>();
  for (const m of coverage.notInFamily) if (!lacking.has(m.codePoint)) lacking.set(m.codePoint, m);
  for (const m of lacking.values()) {
    warnings.push(
      at(
        m.path,
        `${m.codePoint} "${m.char}" is not in the font ${model.design.font}: ` +
          `it is drawn in Inter (choose another folio.design.font to match)`,
        'warning',
        m.index,
      ),
    );
  }

  // The photo's bytes join the model once, here, where a PDF is made: renderers take everything from the model.
  const photo = await loadPhoto(src, resume, opts.baseDir ?? dirname(src.file), warnings, at);
  const withPhoto: ResumeModel = { ...model, photo };
  const renderAt = (m: ResumeModel, scale?: PdfScale) =>
    renderPdf(m, {
      paper: opts.paper,
      date: opts.date,
      fallbacks: coverage.fallbacks,
      interFallback: coverage.interFallback,
      scale,
    });
  let note: string | undefined;
  let bytes: Buffer;
  let pages: number;
  if (opts.variant?.pageLimit) {
    const fitted = await renderWithinPages(withPhoto, opts.variant, renderAt);
    ({ data: bytes, pages, note } = fitted);
  } else ({ bytes, pages } = await renderAt(withPhoto));

  const t0 = performance.now();
  // pdfkit's own structure read directly (~5 ms), with where each text sits; PDF.js (~0.5 s cold) only if that fails.
  const runs = pdfkitPageRuns(bytes);
  // Always, self-check or not: text drawn past a page's edge is lost to every reader, and nothing says so.
  if (runs) refuseLostText(runs, resume, at);
  let checkMs = performance.now() - t0;
  let summary: string | undefined;
  if (opts.selfCheck || (opts.maxPages !== null && pages > opts.maxPages)) {
    const quick = runs && bodyTexts(runs, model.design.margins);
    // The same definition as folio check --source (check/source-check.ts): every string of the source, in order.
    const checked = checkSource(resume, quick ?? (await extractPages(bytes)));
    const match = checked.match;
    summary = summaryLine(checked, src.file);
    checkMs = performance.now() - t0;
    if (opts.maxPages !== null && pages > opts.maxPages) throw overBudget(pages, opts.maxPages, match.found, model, at);
    // Right-to-left text does not read back in logical order (react-pdf writes it in visual order, and joined
    // Arabic letters with a text layer that maps to wrong characters): said once, truthfully, not once per field.
    const rtl = [...match.missing, ...match.outOfOrder].filter((l) => RIGHT_TO_LEFT.test(l.text));
    const first = rtl[0];
    if (first) {
      warnings.push(
        at(
          first.path,
          `${rtl.length} text${rtl.length === 1 ? '' : 's'} in right-to-left script, ` +
            `starting with "${clip(first.text)}", do not read back in logical order from the PDF's extracted text ` +
            '(what an ATS reads): react-pdf writes right-to-left text in visual order, and joined Arabic letters ' +
            'with a text layer that maps to wrong characters; the HTML, Markdown and text outputs carry them exactly',
          'warning',
        ),
      );
    }
    for (const l of match.missing)
      if (!rtl.includes(l))
        warnings.push(
          at(l.path, `"${clip(l.text)}" is missing from the PDF's extracted text (what an ATS reads)`, 'warning'),
        );
    for (const l of match.outOfOrder)
      if (!rtl.includes(l))
        warnings.push(at(l.path, `"${clip(l.text)}" is out of order in the PDF's extracted text`, 'warning'));
  }
  return { bytes, pages, warnings, checkMs, note, summary };
}

/**
 * A block react-pdf could not break (taller than a page) is drawn past the page's foot, where no
 * reader sees it: refuse the build at the string that lost words rather than write a PDF that
 * silently misses them. The renderer lets every long block break, so this is the last guard.
 */
function refuseLostText(
  runs: readonly PageRuns[],
  resume: Resume,
  at: (path: DataPath, message: string, severity: Diagnostic['severity']) => Diagnostic,
): void {
  const lost = lostAtPageEdge(runs, pdfLeaves(resume));
  if (!lost) return;
  const what =
    `${lost.words} word${lost.words === 1 ? '' : 's'} would be drawn past the foot of page ${lost.page}, ` +
    'where no reader or ATS sees them (the PDF renderer could not break this block across pages); nothing was written';
  const fix = 'shorten it, or split it into several items (bullets, entries)';
  if (!lost.leaf) throw new UserError(`error: ${what}: ${fix}`);
  throw new UserError('error: text lost at a page end', [
    at(lost.leaf.path, `"${clip(lost.leaf.text)}" does not fit on a page: ${what}. To keep it, ${fix}`, 'error'),
  ]);
}

function overBudget(
  pages: number,
  max: number,
  found: { leaf: Leaf; page: number }[],
  model: ResumeModel,
  at: (path: DataPath, message: string, severity: Diagnostic['severity']) => Diagnostic,
): UserError {
  // The first string past the budget that belongs to an item of a section (work[2], principles[0]): a section
  // title or a folio setting (folio.titles…) is where the page breaks, not what to shorten.
  const sectionIds = new Set<string>(model.sections.map((s) => s.id));
  const first =
    found.find((f) => f.page > max && typeof f.leaf.path[1] === 'number' && sectionIds.has(String(f.leaf.path[0]))) ??
    found.find((f) => f.page > max);
  const budget =
    `the PDF would have ${pages} pages, over the budget of ${max} (--max-pages / folio.maxPages); ` +
    'nothing was written';
  if (!first) return new UserError(`error: ${budget}`);
  const [section, index] = first.leaf.path;
  const entryPath: DataPath = typeof index === 'number' ? [String(section), index] : [String(section)];
  const entry = model.sections
    .flatMap((s) => (s.kind === 'entries' ? s.entries : []))
    .find((e) => e.path === formatPath(entryPath));
  const item = typeof index === 'number' ? itemTitle(model, String(section), index) : null;
  const what = entry ? `"${entry.heading ?? ''}"` : `"${clip(item ?? first.leaf.text)}"`;
  return new UserError(`error: ${budget}`, [
    at(
      entryPath,
      `${budget}. ${what} is the entry that runs onto page ${max + 1}: ` +
        'shorten or remove it (or entries before it), or raise the budget',
      'error',
    ),
  ]);
}

/** The title of a section's item that is not an entry (a principle), for the over-budget message. */
function itemTitle(model: ResumeModel, section: string, index: number): string | null {
  const s = model.sections.find((x) => x.id === section);
  if (s?.kind === 'principles') return s.principles[index]?.title ?? null;
  return null;
}

function clip(s: string): string {
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}

/**
 * Load the PDF renderer and lay out a one-line document, so that the next build in this thread starts warm
 * (fonts parsed, code compiled). A batch worker calls it while the sources are still being checked.
 */
export async function warmUp(): Promise<void> {
  const [{ renderPdf }, { normalise }] = await Promise.all([
    import('../render/pdf.js'),
    import('../model/normalise.js'),
  ]);
  await renderPdf(normalise({ basics: { name: 'Warm up', summary: 'A line of text in every weight.' } }), {
    date: new Date(0),
  });
}
