// Stage pipeline: the orchestration of the stages: build (load → validate → tailor → model → render → write), PDF self-check, batches.
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Diagnostic, UserError } from '../source/diagnostics.js';
import { DEFAULT_LIMITS } from '../source/limits.js';
import { loadFile } from '../source/load.js';
import type { ResumeModel } from '../model/model.js';
import { normalise } from '../model/normalise.js';
import { outputBaseName } from '../tailor/output-name.js';
import { prepareVariant } from './variant-build.js';
import { validate } from '../validate/validate.js';
import { type OutputFile, writeAll } from '../output/write.js';

export const FORMATS = ['pdf', 'html', 'md', 'txt'] as const;
export type Format = (typeof FORMATS)[number];
/** What `folio build` writes when no -f is given; plain text is asked for by name. */
export const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'html', 'md'];

export interface BuildOptions {
  source: string;
  outDir: string;
  formats: readonly Format[];
  strict?: boolean;
  templatesDir?: string;
  /** Build this variant of the résumé, into <outDir>/<variant>/. */
  variant?: string;
  /** Tighten the PDF to the variant's maxPages when it overflows. */
  fit?: boolean;
  /** PDF paper size; overrides folio.paper. */
  paper?: 'A4' | 'letter';
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
  const src = await loadFile(opts.source, opts.source, { ...DEFAULT_LIMITS, maxBytes: opts.maxBytes ?? DEFAULT_LIMITS.maxBytes });
  // 2. validate (throws a UserError listing every problem)
  const { resume, warnings } = validate(src, { strict: opts.strict });
  // 2b. tailor: a variant cuts, orders and overrides before normalise sees the résumé.
  const baseFileName = outputBaseName(opts.name ?? resume.folio?.output, resume.basics?.name, baseName(opts.source));
  const variant = opts.variant ? prepareVariant(src, resume, opts.variant, { fallbackName: baseFileName, fit: opts.fit }) : null;
  const shown = variant?.tailored.resume ?? resume;
  // 3. normalise
  const model = normalise(shown);
  // 4. render: nothing touches the disk until every format has rendered.
  const name = variant?.fileName ?? baseFileName;
  const notes: string[] = [];
  const rendered: (OutputFile & { format: Format; ms: number; pages: number | null; checkMs?: number })[] = [];
  const overridden = new Set<string>();
  const date = await sourceDate(opts.source);
  for (const format of opts.formats) {
    const t0 = performance.now();
    if (format === 'pdf') {
      // Imported here so html/md builds never pay for react-pdf.
      const { buildPdf } = await import('./pdf-build.js');
      const pdf = await buildPdf(variant?.located ?? src, shown, model, {
        paper: (opts.paper ?? shown.folio?.paper ?? 'A4') === 'letter' ? 'LETTER' : 'A4',
        // A variant's maxPages (and --fit) is handled by the variant's own page fitting.
        maxPages: variant ? null : (opts.maxPages ?? resume.folio?.maxPages ?? null),
        date,
        selfCheck: true,
        variant,
      });
      // --strict: the PDF's own warnings (emoji left out, strings that do not read back) fail the build too.
      if (opts.strict && pdf.warnings.length) throw new UserError('error: --strict: the PDF has warnings', pdf.warnings.map((w) => ({ ...w, severity: 'error' })));
      warnings.push(...pdf.warnings);
      if (pdf.note) notes.push(pdf.note);
      rendered.push({ name: `${name}.pdf`, data: pdf.bytes, format, pages: pdf.pages, ms: performance.now() - t0, checkMs: pdf.checkMs });
      continue;
    }
    const out = await renderFormat(format, model, opts);
    out.overridden.forEach((f) => overridden.add(join(opts.templatesDir ?? '', format === 'md' ? 'markdown' : format, f)));
    rendered.push({ name: `${name}.${format}`, data: out.data, format, pages: out.pages, ms: performance.now() - t0 });
  }
  // 5. write
  const paths = await writeAll(variant ? join(opts.outDir, variant.tailored.name) : opts.outDir, rendered);
  return {
    files: rendered.map((r, i) => ({
      path: paths[i] ?? r.name, format: r.format, bytes: Buffer.byteLength(r.data), ms: r.ms, pages: r.pages, checkMs: r.checkMs,
    })),
    warnings,
    overridden: [...overridden].sort(),
    notes,
  };
}

export interface Rendered {
  data: string | Uint8Array;
  pages: number | null;
  overridden: string[];
}

/** One format other than the PDF, rendered in memory from the model. */
export async function renderFormat(format: Exclude<Format, 'pdf'>, model: ResumeModel, opts: Pick<BuildOptions, 'templatesDir'>): Promise<Rendered> {
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
  }
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the source's modification time (now for text with no file). */
export async function sourceDate(source: string | null): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const ms = source === null ? Date.now() : (await stat(source)).mtimeMs;
  return new Date(Math.floor(ms / 1000) * 1000);
}
