import type { PaperName } from '../model/design.js';

/** Page sizes as react-pdf names them. Kept apart from pdf.ts so callers need not load react-pdf. */
export type Paper = 'A4' | 'LETTER' | 'A5' | 'LEGAL';

/** react-pdf's page size for a paper name as written (`letter` → `LETTER`). */
export function pdfPaper(name: PaperName): Paper {
  return name === 'A4' || name === 'A5' ? name : name === 'letter' ? 'LETTER' : 'LEGAL';
}
