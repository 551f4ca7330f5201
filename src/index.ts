// The programmatic API of the folio-cv package: `import { validate, prepare, render, build } from 'folio-cv'`.
// Thin functions over the pipeline's stages, documented in docs/api.md. Nothing here prints, exits or
// (except build) writes: a user's mistake comes back as data (validate) or as a FolioError (the others).
import { fileURLToPath } from 'node:url';
import type { PaperName } from './model/design.js';
import type { ResumeModel } from './model/model.js';
import { normalise } from './model/normalise.js';
import { baseName, FORMATS, type Format, renderFormat, sourceDate } from './pipeline/build.js';
import { prepareVariant, type VariantBuild } from './pipeline/variant-build.js';
import { pdfPaper } from './render/paper.js';
import { type Diagnostic, UserError } from './source/diagnostics.js';
import { DEFAULT_LIMITS, type InputLimits } from './source/limits.js';
import { type LoadedSource, loadFile, parseBytes } from './source/load.js';
import { outputBaseName } from './tailor/output-name.js';
import type { Resume } from './validate/schema.js';
import { validate as validateSource } from './validate/validate.js';

export type { ResumeModel } from './model/model.js';
export {
  type BuildOptions,
  type BuildResult,
  type BuiltFile,
  build,
  DEFAULT_FORMATS,
  FORMATS,
  type Format,
} from './pipeline/build.js';
export type { Diagnostic } from './source/diagnostics.js';
/** The error every API function throws for a problem in the user's input (its `diagnostics` locate it). */
export { UserError as FolioError } from './source/diagnostics.js';
export type { Resume } from './validate/schema.js';

/** A résumé to read: a file path (string or file: URL), or its text with the name to use in messages. */
export type Source = string | URL | { text: string; file?: string };

export interface ReadOptions {
  /** Treat warnings (unknown keys, future dates) as errors. */
  strict?: boolean;
  /** Largest source to read, in bytes (default 2 MiB). */
  maxBytes?: number;
}

/** What `validate` found: the résumé with its warnings, or every problem located at file:line:col. */
export type ValidateResult =
  | { ok: true; resume: Resume; warnings: Diagnostic[] }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

/** Check a résumé (and each of its variants) against the schema and folio's rules, as `folio validate` does. */
export async function validate(source: Source, options: ReadOptions = {}): Promise<ValidateResult> {
  try {
    const src = await read(source, options);
    const { resume, warnings } = validateSource(src, { strict: options.strict });
    for (const name of Object.keys(resume.variants ?? {}))
      prepareVariant(src, resume, name, { fallbackName: src.file });
    return { ok: true, resume, warnings };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, message: err.message, diagnostics: err.diagnostics };
    throw err;
  }
}

export interface PrepareOptions extends ReadOptions {
  /** Tailor to this variant of the `variants:` block. */
  variant?: string;
  /** Tighten the variant's PDF to its maxPages when it overflows. */
  fit?: boolean;
}

/** One résumé ready to render: its display model and what rendering needs besides. */
export interface Prepared {
  /** The display model every renderer reads: strings formatted, links vetted, sections in order. */
  model: ResumeModel;
  /** The résumé as validated (and tailored, for a variant). */
  resume: Resume;
  /** Problems that do not stop a build. */
  warnings: Diagnostic[];
  /** Output base name without extension, e.g. `resume` or the variant's own name pattern filled in. */
  name: string;
  /** The variant, when one was asked for. */
  variant: string | null;
  /** @internal The located source and variant, for the PDF's located messages and page fitting. */
  readonly context: { src: LoadedSource; variant: VariantBuild | null; date: Date };
}

/** Read, validate, tailor and normalise a résumé into its display model; throws a FolioError listing every problem. */
export async function prepare(source: Source, options: PrepareOptions = {}): Promise<Prepared> {
  const src = await read(source, options);
  const { resume, warnings } = validateSource(src, { strict: options.strict });
  const base = outputBaseName(resume.folio?.output, resume.basics?.name, baseName(src.file));
  const variant = options.variant
    ? prepareVariant(src, resume, options.variant, { fallbackName: base, fit: options.fit })
    : null;
  const shown = variant?.tailored.resume ?? resume;
  const date = await sourceDate(typeof source === 'object' && !(source instanceof URL) ? null : pathOf(source));
  return {
    model: normalise(shown),
    resume: shown,
    warnings,
    name: variant?.fileName ?? base,
    variant: options.variant ?? null,
    context: { src, variant, date },
  };
}

export interface RenderOptions {
  /** PDF and Word paper size (default: folio.design.paper, else folio.paper, else A4). */
  paper?: PaperName;
  /** Fail when the PDF would have more pages (default: folio.maxPages). */
  maxPages?: number;
  /** Your templates folder, laid out like folio's templates/ (html/, markdown/). */
  templatesDir?: string;
}

/** The formats `render` makes in memory (page images, -f png, come from `build`). */
export type RenderFormat = Exclude<Format, 'png'>;

/** One rendered file, in memory. */
export interface RenderedFile {
  /** File name, e.g. `resume.pdf`. */
  name: string;
  format: RenderFormat;
  /** Bytes for the PDF, text for the other formats. */
  data: Uint8Array | string;
  /** Page count of the PDF; null for the other formats. */
  pages: number | null;
}

/**
 * Render a prepared résumé to each format, in memory: nothing is written. The PDF is self-checked like `folio build`'s.
 */
export async function render(
  prepared: Prepared,
  formats: readonly RenderFormat[] = ['pdf', 'html', 'md'],
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const format of formats) {
    // A JavaScript caller can pass anything: only the formats render makes get through.
    if (!(FORMATS as readonly string[]).includes(format) || (format as string) === 'png') {
      throw new UserError(
        `error: render makes ${FORMATS.filter((f) => f !== 'png').join(', ')}; ` +
          `"${String(format)}" is not one (page images come from build)`,
      );
    }
    if (format === 'pdf') {
      // Loaded only when a PDF is asked for, as in the CLI.
      const { buildPdf } = await import('./pipeline/pdf-build.js');
      const { src, variant, date } = prepared.context;
      const pdf = await buildPdf(variant?.located ?? src, prepared.resume, prepared.model, {
        paper: pdfPaper(options.paper ?? prepared.model.design.paper),
        maxPages: variant ? null : (options.maxPages ?? prepared.resume.folio?.maxPages ?? null),
        date,
        selfCheck: true,
        variant,
      });
      prepared.warnings.push(...pdf.warnings);
      files.push({ name: `${prepared.name}.pdf`, format, data: new Uint8Array(pdf.bytes), pages: pdf.pages });
      continue;
    }
    const out = await renderFormat(
      format,
      prepared.model,
      { templatesDir: options.templatesDir },
      {
        paper: options.paper ?? prepared.model.design.paper,
        date: prepared.context.date,
      },
    );
    files.push({ name: `${prepared.name}.${format}`, format, data: out.data, pages: null });
  }
  return files;
}

async function read(source: Source, options: ReadOptions): Promise<LoadedSource> {
  const limits: InputLimits = { ...DEFAULT_LIMITS, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes };
  if (typeof source === 'object' && !(source instanceof URL))
    return parseBytes(new TextEncoder().encode(source.text), source.file ?? 'resume.yaml', limits);
  const path = pathOf(source);
  return loadFile(path, path, limits);
}

function pathOf(source: string | URL): string {
  return source instanceof URL ? fileURLToPath(source) : source;
}
