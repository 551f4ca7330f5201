import { join } from 'node:path';
import { THEME_NAMES, THEMES, type ThemeName } from '../model/design.js';
import { writeAll } from '../output/write.js';
import { type GalleryTile, galleryHtml } from '../render/gallery-html.js';
import type { Diagnostic } from '../source/diagnostics.js';
import { build } from './build.js';

export interface GalleryOptions {
  source: string;
  dir: string;
  /** The folder relative paths are taken from. */
  cwd?: string;
  /** The PDFs' date (default: the source's modification time). */
  date?: Date;
  /** Resolution of the page images (default 100 dpi: a gallery shows many pages at once). */
  dpi?: number;
  strict?: boolean;
}

export interface GalleryResult {
  index: string;
  themes: { theme: ThemeName; pdf: string; image: string; pages: number; ms: number }[];
  warnings: Diagnostic[];
}

/**
 * Build the résumé in every theme into <dir>/<theme>/ (the PDF and page 1 as PNG) and an index.html showing them side
 * by side.
 */
export async function buildGallery(opts: GalleryOptions): Promise<GalleryResult> {
  const themes: GalleryResult['themes'] = [];
  const warnings: Diagnostic[] = [];
  for (const theme of THEME_NAMES) {
    const t0 = performance.now();
    const r = await build({
      source: opts.source,
      cwd: opts.cwd,
      date: opts.date,
      outDir: join(opts.dir, theme),
      formats: ['pdf', 'png'],
      theme,
      dpi: opts.dpi ?? 100,
      pngPages: [1],
      strict: opts.strict,
      name: 'resume',
    });
    // The same source gives the same warnings in every theme but for font coverage: report each once.
    for (const w of r.warnings)
      if (!warnings.some((x) => x.message === w.message && x.line === w.line)) warnings.push(w);
    const pdf = r.files.find((f) => f.format === 'pdf');
    const image = r.files.find((f) => f.format === 'png');
    if (!pdf || !image) throw new Error(`gallery: the ${theme} build wrote no PDF or page image`);
    themes.push({ theme, pdf: pdf.path, image: image.path, pages: pdf.pages ?? 0, ms: performance.now() - t0 });
  }
  const tiles: GalleryTile[] = themes.map((t) => ({
    theme: t.theme,
    description: THEMES[t.theme].description,
    pdf: `${t.theme}/resume.pdf`,
    image: `${t.theme}/resume-1.png`,
    pages: t.pages,
  }));
  const [index] = await writeAll(opts.dir, [{ name: 'index.html', data: galleryHtml('folio themes', tiles) }]);
  return { index: index ?? join(opts.dir, 'index.html'), themes, warnings };
}
