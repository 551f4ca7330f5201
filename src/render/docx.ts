import { Document, Packer } from 'docx';
import type { PaperName } from '../model/design.js';
import type { ResumeModel } from '../model/model.js';
import { docxParagraphs } from './docx/content.js';
import { finishPackage } from './docx/package.js';
import { docxFont, docxNumbering, docxStyles } from './docx/styles.js';
import { designTokens } from './tokens.js';
import { documentSubject, documentTitle, mapStrings } from './view.js';

export interface DocxOptions {
  /** The same paper setting as the PDF (folio.design.paper, folio.paper, --paper). */
  paper: PaperName;
  /** Creation and modification date written into the file (and its zip entries). */
  date: Date;
}

/** Page sizes in twips (1/1440 inch). */
const PAGE: Record<PaperName, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  A5: { width: 8391, height: 11906 },
  letter: { width: 12240, height: 15840 },
  legal: { width: 12240, height: 20160 },
};

/**
 * A pictograph or flag: the PDF leaves emoji out (its fonts have none), and so does the Word file, so both read the
 * same.
 */
const MAY_HAVE_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * The CV as a Word document (.docx bytes): the same content and order as the
 * PDF, in Word's own structure (Title, Heading 1/2, lists, hyperlinks) so ATS
 * parsers and Word's navigation pane see it. Loaded lazily: other formats
 * never import the docx package.
 */
export async function renderDocx(model: ResumeModel, opts: DocxOptions): Promise<Uint8Array> {
  let shown = model;
  if (MAY_HAVE_EMOJI.test(JSON.stringify(model))) {
    // The PDF's own rule (emoji Inter lacks are left out), loaded only when there may be emoji.
    const { withoutEmoji } = await import('./pdf/coverage.js');
    shown = mapStrings(model, withoutEmoji);
  }
  // The theme's look (folio.design, --theme): colours, font, sizes, gaps, heading style, header alignment.
  const design = shown.design;
  const t = designTokens(design);
  const { color, space } = t;
  const margin = Math.round(space.page * 20);
  const h = shown.header;
  const doc = new Document({
    title: documentTitle(shown),
    subject: documentSubject(shown),
    creator: h.name ?? undefined,
    keywords: shown.keywords.join(', '),
    description: 'Résumé made with folio',
    lastModifiedBy: 'folio',
    revision: 1,
    styles: docxStyles(t, design, shown.lang),
    numbering: docxNumbering(t),
    sections: [
      {
        properties: {
          page: {
            size: PAGE[opts.paper],
            margin: { top: margin, bottom: margin, left: margin, right: margin, header: 0, footer: 0, gutter: 0 },
          },
        },
        children: docxParagraphs(
          shown,
          { accent: hex(color.accent), muted: hex(color.muted), ink: hex(color.ink) },
          design.header === 'center',
        ),
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return finishPackage(bytes, { date: opts.date, lang: shown.lang, font: docxFont(design.font) });
}

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
