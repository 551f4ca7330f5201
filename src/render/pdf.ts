import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import type { ResumeModel } from '../model.js';
import { type PdfScale, scaledTokens } from '../tokens.js';
import { registerFonts } from './pdf/fonts.js';
import { ResumeDocument } from './pdf/Resume.js';
import { setStyleTokens } from './pdf/styles.js';

export interface PdfOptions {
  paper?: 'A4' | 'LETTER';
  /** Creation and modification date written into the file. */
  date: Date;
  /** Tightened spacing, line height and font size (from --fit); the design tokens as they are when absent. */
  scale?: PdfScale;
}

export interface PdfResult {
  bytes: Buffer;
  pages: number;
}

/** The CV as PDF bytes. Loaded lazily: html and md builds never import react-pdf. */
export async function renderPdf(model: ResumeModel, opts: PdfOptions): Promise<PdfResult> {
  registerFonts();
  const doc = createElement(ResumeDocument, { model, size: opts.paper ?? 'A4', date: opts.date });
  // Renders in one process run one after another, so swapping the styles for this one is safe.
  const restore = opts.scale ? setStyleTokens(scaledTokens(opts.scale)) : null;
  try {
    // renderToBuffer's type wants a <Document> element; ResumeDocument returns one.
    const bytes = await renderToBuffer(doc as Parameters<typeof renderToBuffer>[0]);
    return { bytes, pages: countPages(bytes) };
  } finally {
    restore?.();
  }
}

/** Page objects in the file: `/Type /Page` (not `/Pages`). Page dictionaries are never compressed. */
export function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
