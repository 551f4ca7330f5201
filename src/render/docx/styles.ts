import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
} from 'docx';
import type { Design, FontName } from '../../model/design.js';
import type { DesignTokens } from '../tokens.js';

/**
 * The design's font (Inter, Source Serif 4, IBM Plex Sans …) is asked for first; Word has no fallback list per
 * run, so the font table names a font every Word has as its alternative (Arial for a sans, Cambria for a serif)
 * and its family, which is what Word and LibreOffice substitute by when the font is not installed.
 */
export interface DocxFont {
  name: string;
  fallback: string;
  family: 'swiss' | 'roman';
}

/** The Word font for a design's font. */
export function docxFont(name: FontName): DocxFont {
  const serif = /serif/i.test(name) && !/sans/i.test(name);
  return { name, fallback: serif ? 'Cambria' : 'Arial', family: serif ? 'roman' : 'swiss' };
}

/**
 * Style ids the content refers to. Title and Heading1/2 are Word's own built-in ids, so the navigation pane and ATS
 * parsers know them.
 */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  hyperlink: 'Hyperlink',
  small: 'Meta',
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
} as const;

/** Numbering definitions: real Word lists, not typed bullets. */
export const LIST = { bullets: 'folio-bullets', numbers: 'folio-numbers' } as const;

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
/** Word sizes are half-points; spacing is in twentieths of a point (twips). */
const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);

/**
 * Word styles from the design tokens: the accent colour on the headline and
 * section headings, the body and heading sizes, the rule under section titles.
 * Line height: Word's "multiple" scales the font's own line gap (about 1.2 em),
 * so the PDF's 1.4 em is about 1.15 here. `lang` tells Word's spelling checker the text's language.
 */
export function docxStyles({ color, font, space }: DesignTokens, design: Design, lang: string): IStylesOptions {
  // The font for Latin, Greek and Cyrillic text only (Word's ascii and hAnsi slots): Chinese, Japanese, Korean,
  // Arabic and Devanagari text keeps the East Asian and complex-script fonts Word picks for its language.
  const LATIN = { ascii: design.font, hAnsi: design.font };
  const center = design.header === 'center' ? { alignment: AlignmentType.CENTER } : {};
  const line = Math.round((font.lineHeight / 1.2) * 240);
  return {
    default: {
      document: {
        run: { font: LATIN, size: half(font.body), color: hex(color.ink), language: { value: lang } },
        paragraph: { spacing: { after: 0, line, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: LATIN, size: half(font.name), bold: true, color: hex(color.ink) },
        paragraph: { spacing: { after: twips(2), line: 240, lineRule: LineRuleType.AUTO }, ...center },
      },
      heading1: {
        // Section titles as the theme draws them: a rule under, an accent bar beside, small caps (a real
        // Word run property: the text keeps its case for readers), or plain.
        run: {
          font: LATIN,
          size: half(font.heading),
          bold: true,
          color: hex(color.accent),
          smallCaps: design.headings === 'smallcaps' || undefined,
        },
        paragraph: {
          spacing: { before: twips(space.section), after: twips(5) },
          keepNext: true,
          ...headingBorder(design, color),
        },
      },
      heading2: {
        run: { font: LATIN, size: half(font.entryTitle), bold: true, color: hex(color.ink) },
        paragraph: { spacing: { before: twips(space.entry), after: 0 }, keepNext: true, keepLines: true },
      },
      hyperlink: { run: { color: hex(color.accent) } },
      listParagraph: { run: { size: half(font.body) } },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: half(font.entryTitle + 1), bold: true, color: hex(color.accent) },
        paragraph: { spacing: { before: twips(3), after: 0 }, ...center },
      },
      {
        id: STYLE.small,
        name: 'Meta',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: half(font.small), color: hex(color.muted) },
        paragraph: { spacing: { before: twips(1) } },
      },
      {
        id: STYLE.listBullet,
        name: 'List Bullet',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { before: twips(space.line) }, keepLines: true },
      },
      {
        id: STYLE.listNumber,
        name: 'List Number',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: twips(4) }, keepLines: true },
      },
    ],
  };
}

function headingBorder(design: Design, color: DesignTokens['color']) {
  if (design.headings === 'bar')
    return { border: { left: { style: BorderStyle.SINGLE, size: 24, space: 6, color: hex(color.accent) } } };
  if (design.headings === 'plain') return {};
  return { border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: hex(color.rule) } } };
}

/** One bullet list and one "01."-style numbered list (the principles), each indented like the PDF's rows. */
export function docxNumbering({ color }: DesignTokens): INumberingOptions {
  return {
    config: [
      {
        reference: LIST.bullets,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 200, hanging: 200 } }, run: { color: hex(color.muted) } },
          },
        ],
      },
      {
        reference: LIST.numbers,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL_ZERO,
            text: '%1',
            alignment: AlignmentType.LEFT,
            style: {
              paragraph: { indent: { left: 400, hanging: 400 } },
              run: { bold: true, color: hex(color.accent) },
            },
          },
        ],
      },
    ],
  };
}
