import { marginPoints } from '../validate/margins.js';
import type { Resume } from '../validate/schema.js';

/** `folio.design` as written: every setting optional, a theme's defaults fill the rest. */
export type DesignSettings = NonNullable<NonNullable<Resume['folio']>['design']>;
export type ThemeName = NonNullable<DesignSettings['theme']>;
export type FontName = NonNullable<DesignSettings['font']>;
export type HeadingStyle = NonNullable<DesignSettings['headings']>;
export type PaperName = 'A4' | 'letter' | 'A5' | 'legal';

/**
 * The look of the CV, every setting resolved: what the PDF styles and the HTML
 * page's CSS are made from. Sizes in points.
 */
export interface Design {
  theme: ThemeName;
  font: FontName;
  /** Body text size. */
  fontSize: number;
  lineHeight: number;
  /** Page margin on every side. */
  margins: number;
  colors: { accent: string; text: string; muted: string; rule: string };
  headings: HeadingStyle;
  /** Where an entry's dates go: leading the line under its title, or right-aligned on the title line. */
  dates: 'inline' | 'right';
  header: 'left' | 'center';
  photo: 'right' | 'left' | 'none';
  paper: PaperName;
  /** Space above each section title. */
  sectionGap: number;
  /** Space after each entry. */
  entryGap: number;
  /** Size of the name in the header. */
  nameSize: number;
}

interface Theme {
  /** One line for `folio themes`: what it looks like and who it suits. */
  description: string;
  design: Omit<Design, 'theme' | 'paper'>;
}

/** The look folio has always had: Inter, a blue accent, ruled section titles. */
const DEFAULT: Theme['design'] = {
  font: 'Inter',
  fontSize: 9.5,
  lineHeight: 1.4,
  margins: 42,
  colors: { accent: '#0f5e9c', text: '#1a1d23', muted: '#4b5563', rule: '#d7dce2' },
  headings: 'rule',
  dates: 'inline',
  header: 'left',
  photo: 'right',
  sectionGap: 12,
  entryGap: 7,
  nameSize: 22,
};

/**
 * Named sets of defaults, not copies of the renderer: every theme is the same
 * single-column document in reading order, so each extracts as the default does.
 */
export const THEMES: Record<ThemeName, Theme> = {
  default: { description: 'sans (Inter), blue accent, ruled section titles: the folio look', design: DEFAULT },
  classic: {
    description: 'serif (Source Serif 4), centred header, ruled small-caps titles: banks, law, academia',
    design: {
      ...DEFAULT,
      font: 'Source Serif 4',
      fontSize: 10.5,
      lineHeight: 1.35,
      margins: 57,
      colors: { accent: '#1f2a44', text: '#111111', muted: '#444444', rule: '#8a8f98' },
      headings: 'smallcaps',
      header: 'center',
      sectionGap: 14,
      entryGap: 8,
      nameSize: 24,
    },
  },
  compact: {
    description: 'dense one-page engineering résumé: IBM Plex Sans 9 pt, small margins, tight gaps',
    design: {
      ...DEFAULT,
      font: 'IBM Plex Sans',
      fontSize: 9,
      lineHeight: 1.25,
      margins: 28,
      colors: { accent: '#1d4ed8', text: '#111827', muted: '#4b5563', rule: '#cbd5e1' },
      headings: 'rule',
      // Dates stay inline (the issue asked for right "only if extraction keeps them next to their entry"):
      // pdfminer reads a right-aligned date as a line of its own, after the entry's location and summary, on
      // the example itself (test/themes.test.ts), and an ATS must see the dates with their entry.
      sectionGap: 8,
      entryGap: 4,
      nameSize: 18,
    },
  },
  modern: {
    description: 'sans (IBM Plex Sans), teal accent bars beside section titles, a large name',
    design: {
      ...DEFAULT,
      font: 'IBM Plex Sans',
      fontSize: 10,
      lineHeight: 1.45,
      margins: 44,
      colors: { accent: '#0f766e', text: '#0f172a', muted: '#475569', rule: '#99f6e4' },
      headings: 'bar',
      sectionGap: 16,
      entryGap: 9,
      nameSize: 28,
    },
  },
  minimal: {
    description: 'black and grey only, plain titles, centred header: prints well in greyscale',
    design: {
      ...DEFAULT,
      font: 'Inter',
      fontSize: 9.5,
      lineHeight: 1.5,
      margins: 50,
      colors: { accent: '#000000', text: '#000000', muted: '#555555', rule: '#999999' },
      headings: 'plain',
      header: 'center',
      photo: 'none',
      sectionGap: 18,
      entryGap: 8,
      nameSize: 20,
    },
  },
};

export const THEME_NAMES = Object.keys(THEMES) as ThemeName[];

/**
 * The design a build uses: the theme (`--theme`, else folio.design.theme, else
 * default) with the owner's own settings on top. `folio.paper` is the older
 * spelling of `folio.design.paper` and still works.
 */
export function resolveDesign(folio: Resume['folio'], themeOverride?: ThemeName): Design {
  const set: DesignSettings = folio?.design ?? {};
  const theme = themeOverride ?? set.theme ?? 'default';
  const base = THEMES[theme].design;
  return {
    theme,
    font: set.font ?? base.font,
    fontSize: set.fontSize ?? base.fontSize,
    lineHeight: set.lineHeight ?? base.lineHeight,
    margins: (set.margins !== undefined ? marginPoints(set.margins) : null) ?? base.margins,
    colors: { ...base.colors, ...(set.colors ?? {}) },
    headings: set.headings ?? base.headings,
    dates: set.dates ?? base.dates,
    header: set.header ?? base.header,
    photo: set.photo ?? base.photo,
    paper: set.paper ?? folio?.paper ?? 'A4',
    sectionGap: set.sectionGap ?? base.sectionGap,
    entryGap: set.entryGap ?? base.entryGap,
    // The name keeps its proportion to the body when the owner changes the body size.
    nameSize: Math.round(base.nameSize * ((set.fontSize ?? base.fontSize) / base.fontSize) * 100) / 100,
  };
}
