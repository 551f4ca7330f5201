import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { loadFile } from './load.js';
import type { ResumeModel } from './model.js';
import { normalise } from './normalise.js';
import { prepareVariant, renderWithinPages, type VariantBuild } from './tailor.js';
import { validate } from './validate.js';
import { type OutputFile, writeAll } from './write.js';

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
}

export interface BuiltFile {
  path: string;
  format: Format;
  bytes: number;
  /** Render time of this format, in milliseconds. */
  ms: number;
  pages: number | null;
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
  const src = await loadFile(opts.source);
  // 2. validate (throws a UserError listing every problem)
  const { resume, warnings } = validate(src, { strict: opts.strict });
  // 2b. tailor: a variant cuts, orders and overrides before normalise sees the résumé.
  const variant = opts.variant ? prepareVariant(src, resume, opts.variant, { fallbackName: baseName(opts.source), fit: opts.fit }) : null;
  // 3. normalise
  const model = normalise(variant?.tailored.resume ?? resume);
  // 4. render: nothing touches the disk until every format has rendered.
  const name = variant?.fileName ?? baseName(opts.source);
  const notes: string[] = [];
  const rendered: (OutputFile & { format: Format; ms: number; pages: number | null })[] = [];
  const overridden = new Set<string>();
  const date = await sourceDate(opts.source);
  for (const format of opts.formats) {
    const t0 = performance.now();
    const out = await renderFormat(format, model, opts, date, variant);
    if (out.note) notes.push(out.note);
    out.overridden.forEach((f) => overridden.add(join(opts.templatesDir ?? '', format === 'md' ? 'markdown' : format, f)));
    rendered.push({ name: `${name}.${format}`, data: out.data, format, pages: out.pages, ms: performance.now() - t0 });
  }
  // 5. write
  const paths = await writeAll(variant ? join(opts.outDir, variant.tailored.name) : opts.outDir, rendered);
  return {
    files: rendered.map((r, i) => ({
      path: paths[i] ?? r.name, format: r.format, bytes: Buffer.byteLength(r.data), ms: r.ms, pages: r.pages,
    })),
    warnings,
    overridden: [...overridden].sort(),
    notes,
  };
}

interface Rendered {
  data: string | Uint8Array;
  pages: number | null;
  overridden: string[];
  note?: string;
}

async function renderFormat(
  format: Format, model: ResumeModel, opts: BuildOptions, date: Date, variant: VariantBuild | null,
): Promise<Rendered> {
  switch (format) {
    case 'pdf': {
      // Imported here so html/md builds never pay for react-pdf.
      const { renderPdf } = await import('./render/pdf.js');
      if (variant?.pageLimit) return { ...(await renderWithinPages(model, variant, (m, scale) => renderPdf(m, { date, scale }))), overridden: [] };
      const { bytes, pages } = await renderPdf(model, { date });
      return { data: bytes, pages, overridden: [] };
    }
    case 'html': {
      const { renderHtml } = await import('./render/html.js');
      const { html, overridden } = renderHtml(model, { templatesDir: opts.templatesDir });
      return { data: html, pages: null, overridden };
    }
    case 'md': {
      const { renderMarkdown } = await import('./render/markdown.js');
      const { markdown, overridden } = renderMarkdown(model, { templatesDir: opts.templatesDir });
      return { data: markdown, pages: null, overridden };
    }
    case 'txt': {
      const { renderText } = await import('./render/text.js');
      return { data: renderText(model), pages: null, overridden: [] };
    }
  }
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the source's modification time. */
async function sourceDate(source: string): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const s = await stat(source);
  return new Date(Math.floor(s.mtimeMs / 1000) * 1000);
}
