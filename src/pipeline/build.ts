// Stage pipeline: the orchestration of the stages: build (load → validate → tailor → model → render → write), PDF self-check, batches.
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { PaperName, ThemeName } from '../model/design.js';
import { inferredNote, resolveLocale } from '../model/locale.js';
import type { ResumeModel } from '../model/model.js';
import { normalise } from '../model/normalise.js';
import type { InputFile } from '../output/input-guard.js';
import { type OutputFile, writeAll } from '../output/write.js';
import { pdfPaper } from '../render/paper.js';
import { type Diagnostic, UserError } from '../source/diagnostics.js';
import { DEFAULT_LIMITS } from '../source/limits.js';
import { loadFile } from '../source/load.js';
import { outputBaseName } from '../tailor/output-name.js';
import type { Resume } from '../validate/schema.js';
import { validate } from '../validate/validate.js';
import { prepareVariant } from './variant-build.js';

export const FORMATS = ['pdf', 'html', 'md', 'txt', 'png', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
/** What `folio build` writes when neither -f nor folio.formats says; plain text and Word are asked for by name. */
export const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'html', 'md'];

export interface BuildOptions {
  source: string;
  outDir: string;
  /** The formats to write; folio.formats, else DEFAULT_FORMATS, when absent. */
  formats?: readonly Format[];
  strict?: boolean;
  templatesDir?: string;
  /** Build this variant of the résumé, into <outDir>/<variant>/. */
  variant?: string;
  /** Tighten the PDF to the variant's maxPages when it overflows. */
  fit?: boolean;
  /** PDF paper size; overrides folio.design.paper and folio.paper. */
  paper?: PaperName;
  /** A theme by name; overrides folio.design.theme. */
  theme?: ThemeName;
  /** Resolution of page images (-f png), in dots per inch (default 150). */
  dpi?: number;
  /** Only these pages as images (1-based; default every page). */
  pngPages?: number[];
  /** Output base-name pattern such as `{name}-Resume`; overrides folio.output. */
  name?: string;
  /** PDF page budget; overrides folio.maxPages. */
  maxPages?: number;
  /** Largest source file to read, in bytes (default 2 MiB). */
  maxBytes?: number;
}

export interface BuiltFile {
  path: string;
  format: Format;
  bytes: number;
  /** Render time of this format, in milliseconds. */
  ms: number;
  pages: number | null;
  /** Of `ms`, the time the PDF's self-check took (reading its text back). */
  checkMs?: number;
}

export interface BuildResult {
  files: BuiltFile[];
  warnings: Diagnostic[];
  /** Template files taken from the user's --templates folder. */
  overridden: string[];
  /** What the build changed to meet a page limit, e.g. "font 9.5 → 9 pt, spacing −15%". */
  notes: string[];
}

/** Output base name: the source file name without its last extension (`cv.yaml` → `cv`). */
export function baseName(source: string): string {
  const b = basename(source);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(0, dot) : b;
}

/** 1. load  2. validate  3. normalise  4. render every format in memory  5. write them all. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  // 1. load
  const src = await loadFile(opts.source, opts.source, {
    ...DEFAULT_LIMITS,
    maxBytes: opts.maxBytes ?? DEFAULT_LIMITS.maxBytes,
  });
  // 2. validate (throws a UserError listing every problem)
  const { resume, warnings: problems, notes: readNotes } = validate(src, { strict: opts.strict });
  // A JSON Resume 0.x key read under its 1.0 name is said at every build (the file should change);
  // the other notes (custom sections found, tags that tailor) are for folio validate.
  const warnings = [...problems, ...readNotes.filter((n) => n.message.startsWith('read '))];
  // 2b. tailor: a variant cuts, orders and overrides before normalise sees the résumé.
  const baseFileName = outputBaseName(opts.name ?? resume.folio?.output, resume.basics?.name, baseName(opts.source));
  const variant = opts.variant
    ? prepareVariant(src, resume, opts.variant, { fallbackName: baseFileName, fit: opts.fit })
    : null;
  const shown = variant?.tailored.resume ?? resume;
  // 3. normalise
  const model = normalise(shown, { theme: opts.theme });
  // 4. render: nothing touches the disk until every format has rendered.
  const name = variant?.fileName ?? baseFileName;
  const notes: string[] = [];
  // A language taken from the text rather than folio.lang: say so, and how to choose another.
  const langNote = inferredNote(resolveLocale(shown));
  if (langNote) notes.push(langNote);
  const rendered: (OutputFile & { format: Format; ms: number; pages: number | null; checkMs?: number })[] = [];
  const overridden = new Set<string>();
  const date = await sourceDate(opts.source);
  // Page images are drawn from the PDF: it renders once when either is asked for.
  let pdf: Awaited<ReturnType<typeof import('./pdf-build.js')['buildPdf']>> | null = null;
  const pdfOnce = async () => {
    if (pdf) return pdf;
    // Imported here so html/md builds never pay for react-pdf.
    const { buildPdf } = await import('./pdf-build.js');
    pdf = await buildPdf(variant?.located ?? src, shown, model, {
      paper: pdfPaper(opts.paper ?? model.design.paper),
      // A variant's maxPages (and --fit) is handled by the variant's own page fitting.
      maxPages: variant ? null : (opts.maxPages ?? resume.folio?.maxPages ?? null),
      date,
      selfCheck: true,
      variant,
    });
    // --strict: the PDF's own warnings (emoji left out, strings that do not read back) fail the build too.
    if (opts.strict && pdf.warnings.length)
      throw new UserError(
        'error: --strict: the PDF has warnings',
        pdf.warnings.map((w) => ({ ...w, severity: 'error' })),
      );
    warnings.push(...pdf.warnings);
    if (pdf.note) notes.push(pdf.note);
    if (pdf.summary) notes.push(`self-check: ${pdf.summary}`);
    return pdf;
  };
  for (const format of opts.formats ?? resume.folio?.formats ?? DEFAULT_FORMATS) {
    const t0 = performance.now();
    if (format === 'pdf') {
      const built = await pdfOnce();
      rendered.push({
        name: `${name}.pdf`,
        data: built.bytes,
        format,
        pages: built.pages,
        ms: performance.now() - t0,
        checkMs: built.checkMs,
      });
      continue;
    }
    if (format === 'png') {
      const built = await pdfOnce();
      const { renderPngPages } = await import('../render/png.js');
      const images = await renderPngPages(built.bytes, opts.dpi, opts.pngPages);
      const ms = (performance.now() - t0) / Math.max(1, images.length);
      for (const img of images)
        rendered.push({ name: `${name}-${img.page}.png`, data: img.png, format, pages: null, ms });
      continue;
    }
    const out = await renderFormat(format, model, opts, { paper: opts.paper ?? model.design.paper, date });
    out.overridden.forEach((f) =>
      overridden.add(join(opts.templatesDir ?? '', format === 'md' ? 'markdown' : format, f)),
    );
    rendered.push({ name: `${name}.${format}`, data: out.data, format, pages: out.pages, ms: performance.now() - t0 });
  }
  // 5. write, never over a file this build read (a source named notes.md, a template, the photo)
  const paths = await writeAll(
    variant ? join(opts.outDir, variant.tailored.name) : opts.outDir,
    rendered,
    buildInputs(opts, shown, overridden),
  );
  return {
    files: rendered.map((r, i) => ({
      path: paths[i] ?? r.name,
      format: r.format,
      bytes: Buffer.byteLength(r.data),
      ms: r.ms,
      pages: r.pages,
      checkMs: r.checkMs,
    })),
    warnings,
    overridden: [...overridden].sort(),
    notes,
  };
}

/** Every file a build reads: the source, the user's templates, the photo. */
function buildInputs(opts: BuildOptions, resume: Resume, templates: Set<string>): InputFile[] {
  const inputs: InputFile[] = [{ path: opts.source, role: 'the source' }];
  for (const t of templates) inputs.push({ path: t, role: 'your template' });
  const image = resume.basics?.image;
  if (image && !/^[a-z][a-z0-9+.-]*:/i.test(image))
    inputs.push({ path: resolve(dirname(opts.source), image), role: 'the photo' });
  return inputs;
}

export interface Rendered {
  data: string | Uint8Array;
  pages: number | null;
  overridden: string[];
}

/** One format other than the PDF (and its page images), rendered in memory from the model. */
export async function renderFormat(
  format: Exclude<Format, 'pdf' | 'png'>,
  model: ResumeModel,
  opts: Pick<BuildOptions, 'templatesDir'>,
  page: { paper: PaperName; date: Date },
): Promise<Rendered> {
  switch (format) {
    case 'html': {
      const { renderHtml } = await import('../render/html.js');
      const { html, overridden } = renderHtml(model, { templatesDir: opts.templatesDir });
      return { data: html, pages: null, overridden };
    }
    case 'md': {
      const { renderMarkdown } = await import('../render/markdown.js');
      const { markdown, overridden } = renderMarkdown(model, { templatesDir: opts.templatesDir });
      return { data: markdown, pages: null, overridden };
    }
    case 'txt': {
      const { renderText } = await import('../render/text.js');
      return { data: renderText(model), pages: null, overridden: [] };
    }
    case 'docx': {
      // Imported here so other formats never pay for the docx package.
      const { renderDocx } = await import('../render/docx.js');
      return { data: await renderDocx(model, { paper: page.paper, date: page.date }), pages: null, overridden: [] };
    }
  }
}

/** 9999-12-31T23:59:59Z: PDF dates have four-digit years. */
const MAX_EPOCH = 253402300799;

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the source's modification time. */
export async function sourceDate(source: string | null): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    // The reproducible-builds rule: a value that is not a time is an error, not silently ignored.
    if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
      throw new UserError(
        `error: SOURCE_DATE_EPOCH=${epoch.slice(0, 30)} is not a time folio can use: give whole seconds since 1970, at most ${MAX_EPOCH} (the end of year 9999)`,
      );
    }
    return new Date(Number(epoch) * 1000);
  }
  const ms = source === null ? Date.now() : (await stat(source)).mtimeMs;
  return new Date(Math.floor(ms / 1000) * 1000);
}
