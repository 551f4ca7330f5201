// Stage render: ResumeModel → PDF (pdf/), HTML, Markdown and text, with templates, design tokens and page fitting.
import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import type { ResumeModel } from '../model/model.js';
import { type Paper, pdfPaper } from './paper.js';
import { withoutEmoji } from './pdf/coverage.js';
import type { FallbackFont } from './pdf/font-files.js';
import { registerFonts } from './pdf/fonts.js';
import { ResumeDocument } from './pdf/Resume.js';
import { setStyleTokens } from './pdf/styles.js';
import { designTokens, type PdfScale } from './tokens.js';
import { mapStrings } from './view.js';

export type { Paper } from './paper.js';

export interface PdfOptions {
  paper?: Paper;
  /** Creation and modification date written into the file. */
  date: Date;
  /** Tightened spacing, line height and font size (from --fit); the model's design as it is when absent. */
  scale?: PdfScale;
  /** Noto fonts for scripts Inter lacks (from checkCoverage); none by default. */
  fallbacks?: readonly FallbackFont[];
  /** Inter behind the design's family, for characters that family lacks (from checkCoverage). */
  interFallback?: boolean;
}

export interface PdfResult {
  bytes: Buffer;
  pages: number;
}

/** The CV as PDF bytes. Loaded lazily: html and md builds never import react-pdf. */
export async function renderPdf(model: ResumeModel, opts: PdfOptions): Promise<PdfResult> {
  const design = model.design;
  const fontFamily = registerFonts(opts.fallbacks, design.font, opts.interFallback);
  const doc = createElement(ResumeDocument, {
    // A tab is in no font (drawn as a missing-glyph box): it is whitespace, so it reads as a space.
    model: mapStrings({ ...model, photo: null }, (s) => withoutEmoji(s).replaceAll('\t', ' ')),
    size: opts.paper ?? pdfPaper(design.paper),
    date: opts.date,
    fontFamily,
    photo: design.photo === 'none' ? null : model.photo,
  });
  // Renders in one process run one after another, so swapping the styles for this one is safe.
  const restore = setStyleTokens(designTokens(design, opts.scale), design, model.dir);
  try {
    // renderToBuffer's type wants a <Document> element; ResumeDocument returns one.
    const bytes = fixModDateKey(await renderToBuffer(doc as Parameters<typeof renderToBuffer>[0]));
    return { bytes, pages: countPages(bytes) };
  } finally {
    restore();
  }
}

/**
 * react-pdf 4.9 writes the modification date under /ModificationDate, a key no
 * reader knows; the PDF name is /ModDate. Renamed in place, padded with spaces
 * to the same length so the cross-reference offsets stay valid.
 */
export function fixModDateKey(pdf: Buffer): Buffer {
  const key = Buffer.from('/ModificationDate ', 'latin1');
  const at = pdf.indexOf(key);
  if (at >= 0) Buffer.from('/ModDate'.padEnd(key.length, ' '), 'latin1').copy(pdf, at);
  return pdf;
}

/** Page objects in the file: `/Type /Page` (not `/Pages`). Page dictionaries are never compressed. */
export function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
