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
} as const;

export type Tokens = typeof tokens;

/** The tokens as CSS custom properties, for the HTML page's :root and dark-scheme blocks. */
export function cssVariables(): { light: string; dark: string } {
  const decl = (c: Record<string, string>) =>
    Object.entries(c)
      .map(([k, v]) => `--${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}: ${v};`)
      .join(' ');
  return { light: decl(tokens.color), dark: decl(tokens.dark) };
}
