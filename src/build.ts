import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { DEFAULT_LIMITS } from './limits.js';
import { loadFile } from './load.js';
import type { ResumeModel } from './model.js';
import { normalise } from './normalise.js';
import { validate } from './validate.js';
import { type OutputFile, writeAll } from './write.js';

export const FORMATS = ['pdf', 'html', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface BuildOptions {
  source: string;
  outDir: string;
  formats: readonly Format[];
  strict?: boolean;
  templatesDir?: string;
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
}

export interface BuildResult {
  files: BuiltFile[];
  warnings: Diagnostic[];
  /** Template files taken from the user's --templates folder. */
  overridden: string[];
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
  // 3. normalise
  const model = normalise(resume);
  // 4. render: nothing touches the disk until every format has rendered.
  const name = baseName(opts.source);
  const rendered: (OutputFile & { format: Format; ms: number; pages: number | null })[] = [];
  const overridden = new Set<string>();
  const date = await sourceDate(opts.source);
  for (const format of opts.formats) {
    const t0 = performance.now();
    const out = await renderFormat(format, model, opts, date);
    out.overridden.forEach((f) => overridden.add(`${format === 'md' ? 'markdown' : format}/${f}`));
    rendered.push({ name: `${name}.${format}`, data: out.data, format, pages: out.pages, ms: performance.now() - t0 });
  }
  // 5. write
  const paths = await writeAll(opts.outDir, rendered);
  return {
    files: rendered.map((r, i) => ({
      path: paths[i] ?? r.name, format: r.format, bytes: Buffer.byteLength(r.data), ms: r.ms, pages: r.pages,
    })),
    warnings,
    overridden: [...overridden].sort(),
  };
}

interface Rendered {
  data: string | Uint8Array;
  pages: number | null;
  overridden: string[];
}

async function renderFormat(format: Format, model: ResumeModel, opts: BuildOptions, date: Date): Promise<Rendered> {
  switch (format) {
    case 'pdf': {
      // Imported here so html/md builds never pay for react-pdf.
      const { renderPdf } = await import('./render/pdf.js');
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
  }
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the source's modification time. */
async function sourceDate(source: string): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const s = await stat(source);
  return new Date(Math.floor(s.mtimeMs / 1000) * 1000);
}
