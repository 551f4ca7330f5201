import { type Design, resolveDesign } from '../model/design.js';

/**
 * Design tokens: the one set of colours, sizes and spacing behind both the PDF
 * styles and the HTML page's CSS custom properties, so the two look like one brand.
 */
export const tokens = {
  color: {
    ink: '#1a1d23',
    muted: '#4b5563',
    accent: '#0f5e9c',
    accentSoft: '#e8f1f8',
    rule: '#d7dce2',
    surface: '#ffffff',
    surfaceAlt: '#f5f7f9',
    /** "Available" status dot on the HTML page. */
    positive: '#1f8f4e',
  },
  /** Dark-scheme counterparts for the HTML page. */
  dark: {
    ink: '#e6e9ee',
    muted: '#a9b1bd',
    accent: '#7cc0f5',
    accentSoft: '#15293a',
    rule: '#2c333d',
    surface: '#0f1216',
    surfaceAlt: '#171b21',
    positive: '#3fbf75',
  },
  font: {
    /** PDF body size in points; the HTML scales from a 16 px root. */
    body: 9.5,
    small: 8.5,
    name: 22,
    heading: 11.5,
    entryTitle: 10.5,
    lineHeight: 1.4,
  },
  space: {
    /** Page margin in points (PDF). */
    page: 42,
    section: 12,
    entry: 7,
    line: 2,
  },
  /**
   * How far `--fit` may tighten the PDF to meet a page limit, and in what steps.
   * It tries spacing first (the gaps between sections, entries and bullets, as a
   * share of `space`), then the body line height, then the font size (every size
   * scales with the body's): below these floors a CV stops being easy to read.
   */
  fit: {
    spacing: { floor: 0.55, step: 0.15 },
    lineHeight: { floor: 1.25, step: 0.05 },
    body: { floor: 8.5, step: 0.25 },
  },
} as const;

export type Tokens = typeof tokens;

/** The default theme, resolved: what `tokens` describes. */
export const DEFAULT_DESIGN: Design = resolveDesign(undefined);

type Widen<T> = T extends number ? number : T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
/** Tokens with any values of the same shape, e.g. tightened by `--fit`. */
export type DesignTokens = Widen<Tokens>;

/** The three knobs `--fit` turns: a share of the spacing, the body line height, the body font size in points. */
export interface PdfScale {
  spacing: number;
  lineHeight: number;
  body: number;
}

/** The design as it is, before --fit tightens anything. */
export function noScale(design: Design): PdfScale {
  return { spacing: 1, lineHeight: design.lineHeight, body: design.fontSize };
}

/** The default theme untightened (for tests and callers without a model). */
export const NO_SCALE: PdfScale = { spacing: 1, lineHeight: tokens.font.lineHeight, body: tokens.font.body };

/**
 * The PDF tokens of a design, with a --fit scale applied: gaps times `spacing`,
 * every font size in proportion to the body's. The default theme gives exactly
 * `tokens`; the others keep its proportions between sizes.
 */
export function designTokens(design: Design, scale: PdfScale = noScale(design)): DesignTokens {
  const round = (n: number) => Math.round(n * 100) / 100;
  // Sizes keep the default's proportions to the body, then follow the scale.
  const f = scale.body / tokens.font.body;
  const { font } = tokens;
  const c = design.colors;
  return {
    ...tokens,
    color: { ...tokens.color, ink: c.text, muted: c.muted, accent: c.accent, rule: c.rule },
    font: {
      body: scale.body,
      small: round(font.small * f),
      name: round(design.nameSize * (scale.body / design.fontSize)),
      heading: round(font.heading * f),
      entryTitle: round(font.entryTitle * f),
      lineHeight: scale.lineHeight,
    },
    space: {
      page: design.margins,
      section: round(design.sectionGap * scale.spacing),
      entry: round(design.entryGap * scale.spacing),
      line: round(tokens.space.line * scale.spacing),
    },
  };
}

/** The tokens with a scale applied to the default theme (kept for callers without a design). */
export function scaledTokens(scale: PdfScale): DesignTokens {
  return designTokens(DEFAULT_DESIGN, scale);
}

/** The tokens as CSS custom properties, for the HTML page's :root and dark-scheme blocks. */
export function cssVariables(): { light: string; dark: string } {
  const decl = (c: Record<string, string>) =>
    Object.entries(c)
      .map(([k, v]) => `--${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}: ${v};`)
      .join(' ');
  return { light: decl(tokens.color), dark: decl(tokens.dark) };
}
