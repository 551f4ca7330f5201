// Stage pipeline: the orchestration of the stages: prepare (load → validate → tailor → model), render in memory, write;
// PDF self-check, batches.
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { PaperName, ThemeName } from '../model/design.js';
import { inferredNote, resolveLocale } from '../model/locale.js';
import type { ResumeModel } from '../model/model.js';
import { normalise } from '../model/normalise.js';
import type { InputFile } from '../output/input-guard.js';
import { type OutputFile, writeAll } from '../output/write.js';
import { pdfPaper } from '../render/paper.js';
import { type Diagnostic, UserError } from '../source/diagnostics.js';
import { DEFAULT_LIMITS } from '../source/limits.js';
import { type LoadedSource, loadFile } from '../source/load.js';
import { outputBaseName } from '../tailor/output-name.js';
import type { Resume } from '../validate/schema.js';
import { validate } from '../validate/validate.js';
import { DEFAULT_FORMATS, type Format } from './formats.js';
import { prepareVariant, type VariantBuild } from './variant-build.js';

export { DEFAULT_FORMATS, FORMATS, type Format } from './formats.js';

/** Where a résumé comes from and how to read it. */
export interface SourceOptions {
  /** The source as the user wrote it: messages name it so. */
  source: string;
  /** The folder relative paths are taken from (default: the process's working directory). */
  cwd?: string;
  /** Largest source file to read, in bytes (default 2 MiB). */
  maxBytes?: number;
  /** Warnings (unknown keys, future dates) become errors. */
  strict?: boolean;
}

/** A source read and validated: the one way every command gets a résumé. */
export interface Validated {
  src: LoadedSource;
  resume: Resume;
  warnings: Diagnostic[];
  /**
   * What folio read in a way worth knowing (custom sections found, JSON Resume 0.x keys read under their 1.0 names).
   */
  notes: Diagnostic[];
  /** The source's absolute path (photos are found beside it). */
  path: string;
}

/**
 * 1. load (within the size limit)  2. validate; a UserError listing every problem when the file is not a valid résumé.
 */
export async function loadValidated(opts: SourceOptions): Promise<Validated> {
  const path = resolve(opts.cwd ?? '', opts.source);
  const src = await loadFile(path, opts.source, {
    ...DEFAULT_LIMITS,
    maxBytes: opts.maxBytes ?? DEFAULT_LIMITS.maxBytes,
  });
  const { resume, warnings, notes } = validate(src, { strict: opts.strict });
  return { src, resume, warnings, notes, path };
}

export interface PrepareOptions extends SourceOptions {
  /** Prepare this variant of the résumé (its files go to <outDir>/<variant>/). */
  variant?: string;
  /** Tighten the PDF to the variant's maxPages when it overflows. */
  fit?: boolean;
  /** Output base-name pattern such as `{name}-Resume`; overrides folio.output. */
  name?: string;
  /** The PDF's creation date; default: the source's modification time. */
  date?: Date;
  /** A theme by name; overrides folio.design.theme. */
  theme?: ThemeName;
}

/** The validated, tailored, normalised résumé: everything render() needs, computed once. */
export interface Prepared {
  /** The source the shown résumé's paths locate in (seen through the variant, if any). */
  src: LoadedSource;
  /** The résumé as validated, before tailoring. */
  base: Resume;
  /** The résumé shown: tailored by the variant, if any. */
  resume: Resume;
  model: ResumeModel;
  variant: VariantBuild | null;
  /** Output base name (`resume`, `Ada-Lovelace-Resume`, a variant's name pattern). */
  name: string;
  /** Sub-folder of the output directory: the variant's name, or '' for the base résumé. */
  folder: string;
  /** Warnings of loading and validating. */
  warnings: Diagnostic[];
  /** Folder of the source file: a photo path is relative to it. */
  baseDir: string;
  /** The source's absolute path: a build never writes over it. */
  path: string;
  date: Date;
}

/** load → validate → tailor → normalise, once. */
export async function prepare(opts: PrepareOptions): Promise<Prepared> {
  return prepareFrom(await loadValidated(opts), opts);
}

/**
 * Tailor and normalise an already validated source: `--all-variants` reads and validates the file once for every
 * variant.
 */
export async function prepareFrom(v: Validated, opts: PrepareOptions): Promise<Prepared> {
  const { src, resume } = v;
  // tailor: a variant cuts, orders and overrides before normalise sees the résumé.
  const baseFileName = outputBaseName(opts.name ?? resume.folio?.output, resume.basics?.name, baseName(opts.source));
  const variant = opts.variant
    ? prepareVariant(src, resume, opts.variant, { fallbackName: baseFileName, fit: opts.fit })
    : null;
  const shown = variant?.tailored.resume ?? resume;
  return {
    src: variant?.located ?? src,
    base: resume,
    resume: shown,
    model: normalise(shown, { theme: opts.theme }),
    variant,
    name: variant?.fileName ?? baseFileName,
    folder: variant?.tailored.name ?? '',
    // A JSON Resume 0.x key read under its 1.0 name is said at every build (the file should change);
    // the other notes (custom sections found, tags that tailor) are for folio validate.
    warnings: [...v.warnings, ...v.notes.filter((n) => n.message.startsWith('read '))],
    baseDir: dirname(v.path),
    path: v.path,
    date: opts.date ?? (await modified(v.path)),
  };
}

export interface RenderOptions {
  templatesDir?: string;
  /** The folder a relative templatesDir is taken from. */
  cwd?: string;
  /** PDF paper size; overrides folio.design.paper and folio.paper. */
  paper?: PaperName;
  /** Resolution of page images (-f png), in dots per inch (default 150). */
  dpi?: number;
  /** Only these pages as images (1-based; default every page). */
  pngPages?: number[];
  /** PDF page budget; overrides folio.maxPages. */
  maxPages?: number;
  strict?: boolean;
}

/** One output in memory, with what the report shows about it. */
export interface RenderedFile extends OutputFile {
  format: Format;
  /** Render time of this format, in milliseconds. */
  ms: number;
  pages: number | null;
  /** Of `ms`, the time the PDF's self-check took (reading its text back). */
  checkMs?: number;
}

export interface Rendered {
  files: RenderedFile[];
  /** The PDF's warnings (emoji left out, strings that do not read back). */
  warnings: Diagnostic[];
  /** Template files taken from the user's --templates folder. */
  overridden: string[];
  /** What the build changed to meet a page limit, e.g. "font 9.5 → 9 pt, spacing −15%". */
  notes: string[];
}

/** Render each format in memory; nothing touches the disk. */
export async function render(p: Prepared, formats: readonly Format[], opts: RenderOptions = {}): Promise<Rendered> {
  const out: Rendered = { files: [], warnings: [], overridden: [], notes: [] };
  // A language taken from the text rather than folio.lang: say so, and how to choose another.
  const langNote = inferredNote(resolveLocale(p.resume));
  if (langNote) out.notes.push(langNote);
  const overridden = new Set<string>();
  // Page images are drawn from the PDF: it renders once when either is asked for.
  let pdf: Awaited<ReturnType<typeof import('./pdf-build.js')['buildPdf']>> | null = null;
  const pdfOnce = async () => {
    if (pdf) return pdf;
    // Imported here so html/md builds never pay for react-pdf.
    const { buildPdf } = await import('./pdf-build.js');
    pdf = await buildPdf(p.src, p.resume, p.model, {
      paper: pdfPaper(opts.paper ?? p.model.design.paper),
      // A variant's maxPages (and --fit) is handled by the variant's own page fitting.
      maxPages: p.variant ? null : (opts.maxPages ?? p.base.folio?.maxPages ?? null),
      date: p.date,
      selfCheck: true,
      variant: p.variant,
      baseDir: p.baseDir,
    });
    // --strict: the PDF's own warnings (emoji left out, strings that do not read back) fail the build too.
    if (opts.strict && pdf.warnings.length)
      throw new UserError(
        'error: --strict: the PDF has warnings',
        pdf.warnings.map((w) => ({ ...w, severity: 'error' })),
      );
    out.warnings.push(...pdf.warnings);
    if (pdf.note) out.notes.push(pdf.note);
    if (pdf.summary) out.notes.push(`self-check: ${pdf.summary}`);
    return pdf;
  };
  for (const format of formats) {
    const t0 = performance.now();
    if (format === 'pdf') {
      const built = await pdfOnce();
      out.files.push({
        name: `${p.name}.pdf`,
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
        out.files.push({ name: `${p.name}-${img.page}.png`, data: img.png, format, pages: null, ms });
      continue;
    }
    const r = await renderFormat(format, p.model, opts, { paper: opts.paper ?? p.model.design.paper, date: p.date });
    r.overridden.forEach((f) =>
      overridden.add(join(opts.templatesDir ?? '', format === 'md' ? 'markdown' : format, f)),
    );
    out.files.push({ name: `${p.name}.${format}`, data: r.data, format, pages: r.pages, ms: performance.now() - t0 });
  }
  out.overridden = [...overridden].sort();
  return out;
}

/** One format rendered in memory by renderFormat. */
export interface RenderedFormat {
  data: string | Uint8Array;
  pages: number | null;
  overridden: string[];
}

/** One format other than the PDF (and its page images), rendered in memory from the model. */
export async function renderFormat(
  format: Exclude<Format, 'pdf' | 'png'>,
  model: ResumeModel,
  opts: Pick<RenderOptions, 'templatesDir' | 'cwd'>,
  page: { paper: PaperName; date: Date },
): Promise<RenderedFormat> {
  const templates = { templatesDir: opts.templatesDir, cwd: opts.cwd };
  switch (format) {
    case 'html': {
      const { renderHtml } = await import('../render/html.js');
      const { html, overridden } = renderHtml(model, templates);
      return { data: html, pages: null, overridden };
    }
    case 'md': {
      const { renderMarkdown } = await import('../render/markdown.js');
      const { markdown, overridden } = renderMarkdown(model, templates);
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

/**
 * Write rendered files into `dir` (relative to `cwd`), all or none, never over a file the build read
 * (`inputs`: the source, a template, the photo); returns their paths as `dir` names them.
 */
export async function write(
  files: readonly OutputFile[],
  dir: string,
  opts: { cwd?: string; inputs?: readonly InputFile[] } = {},
): Promise<string[]> {
  return writeAll(dir, files, opts.inputs ?? [], opts.cwd);
}

export interface BuildOptions extends PrepareOptions, RenderOptions {
  outDir: string;
  /** The formats to write; folio.formats, else DEFAULT_FORMATS, when absent. */
  formats?: readonly Format[];
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

/** 1. prepare (load, validate, tailor, normalise)  2. render every format in memory  3. write them all. */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  return buildPrepared(await prepare(opts), opts);
}

/** Render and write a prepared résumé: a variant into <outDir>/<variant>/. */
export async function buildPrepared(p: Prepared, opts: Omit<BuildOptions, 'source'>): Promise<BuildResult> {
  const r = await render(p, opts.formats ?? p.base.folio?.formats ?? DEFAULT_FORMATS, opts);
  const paths = await write(r.files, p.folder ? join(opts.outDir, p.folder) : opts.outDir, {
    cwd: opts.cwd,
    inputs: buildInputs(p, r.overridden),
  });
  return {
    files: r.files.map((f, i) => ({
      path: paths[i] ?? f.name,
      format: f.format,
      bytes: Buffer.byteLength(f.data),
      ms: f.ms,
      pages: f.pages,
      checkMs: f.checkMs,
    })),
    warnings: [...p.warnings, ...r.warnings],
    overridden: r.overridden,
    notes: r.notes,
  };
}

/** Every file a build reads, as the user named it: the source, the user's templates, the photo. */
function buildInputs(p: Prepared, templates: readonly string[]): InputFile[] {
  const inputs: InputFile[] = [{ path: p.src.file, role: 'the source' }];
  for (const t of templates) inputs.push({ path: t, role: 'your template' });
  const image = p.resume.basics?.image;
  if (image && !/^[a-z][a-z0-9+.-]*:/i.test(image))
    inputs.push({ path: isAbsolute(image) ? image : join(dirname(p.src.file), image), role: 'the photo' });
  return inputs;
}

/** The source's modification time, to the second: the PDF's date unless SOURCE_DATE_EPOCH gives one. */
async function modified(path: string): Promise<Date> {
  const s = await stat(path);
  return new Date(Math.floor(s.mtimeMs / 1000) * 1000);
}

/** 9999-12-31T23:59:59Z: PDF dates have four-digit years. */
const MAX_EPOCH = 253402300799;

/**
 * For the programmatic API (src/index.ts), which has no Io: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the source's modification time (now for a source given as text). The CLI uses epochDate(io.env).
 */
export async function sourceDate(source: string | null): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    // The reproducible-builds rule: a value that is not a time is an error, not silently ignored.
    if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
      throw new UserError(
        `error: SOURCE_DATE_EPOCH=${epoch.slice(0, 30)} is not a time folio can use: ` +
          `give whole seconds since 1970, at most ${MAX_EPOCH} (the end of year 9999)`,
      );
    }
    return new Date(Number(epoch) * 1000);
  }
  return source === null ? new Date(Math.floor(Date.now() / 1000) * 1000) : modified(source);
}
