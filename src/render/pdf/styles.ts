import { StyleSheet } from '@react-pdf/renderer';
import type { Design } from '../../model/design.js';
import { DEFAULT_DESIGN, type DesignTokens, designTokens } from '../tokens.js';

/**
 * Every PDF style, from the design tokens (tightened by --fit). No letter-spacing or text-transform: both corrupt
 * extracted text.
 */
const createLtrStyles = ({ color, font, space }: DesignTokens, design: Design = DEFAULT_DESIGN) =>
  StyleSheet.create({
    // fontFamily is set per document: Inter plus the Noto fallbacks the text needs.
    // calt off: Inter's contextual alternates turn "2x5" into "2×5" and "->" into "→" glyphs that read back
    // differently.
    page: {
      fontFeatureSettings: { calt: false },
      fontSize: font.body,
      color: color.ink,
      paddingTop: space.page,
      paddingBottom: space.page + 6,
      paddingHorizontal: space.page,
    },
    // fontSize here too: a unitless lineHeight resolves against the node's own size (18 pt when unset).
    body: { fontSize: font.body, lineHeight: font.lineHeight },
    header: { flexDirection: design.photo === 'left' ? 'row-reverse' : 'row' },
    headerText: { flex: 1, textAlign: design.header === 'center' ? 'center' : 'left' },
    photo: {
      width: 72,
      height: 72,
      [design.photo === 'left' ? 'marginRight' : 'marginLeft']: 14,
      borderRadius: 36,
      objectFit: 'cover',
    },
    name: { fontSize: font.name, fontWeight: 700, lineHeight: 1.15, color: color.ink },
    label: { fontSize: font.entryTitle + 1, fontWeight: 600, color: color.accent, marginTop: 3, lineHeight: 1.25 },
    tagline: { fontSize: font.body + 0.5, marginTop: 4, fontStyle: 'italic', color: color.muted },
    contacts: { marginTop: 6, fontSize: font.small, color: color.muted },
    facts: { marginTop: 1, fontSize: font.small, color: color.muted },
    link: { color: color.accent, textDecoration: 'none' },
    summary: { marginTop: 8 },
    section: { marginTop: space.section },
    heading: headingStyle(design, color, font),
    // The space between entries, above the later one (a bottom margin counts against the room left on a page in
    // react-pdf's page breaking, which pushed entries that fitted to the next page).
    entry: { marginTop: space.entry },
    entryTitle: { fontSize: font.entryTitle, lineHeight: 1.3, fontWeight: 700 },
    // dates: right: the title takes the line, the dates sit at its right end, on the same baseline.
    titleRow: { flexDirection: 'row', alignItems: 'baseline' },
    titleGrow: { flex: 1 },
    rightDates: { fontSize: font.small, color: color.muted, marginLeft: 8, lineHeight: 1.3 },
    subtitle: { fontWeight: 400, color: color.muted },
    inlineMeta: { fontSize: font.small, fontWeight: 400, color: color.muted },
    meta: { fontSize: font.small, color: color.muted, marginTop: 1 },
    category: { fontSize: font.small, fontWeight: 600, color: color.accent },
    outcome: { fontWeight: 600, marginTop: 2 },
    para: { marginTop: 2 },
    bulletRow: { flexDirection: 'row', marginTop: space.line },
    bullet: { width: 10, color: color.muted },
    bulletText: { flex: 1 },
    chips: { fontSize: font.small, marginTop: 3, color: color.muted },
    strong: { fontWeight: 700, color: color.ink },
    metrics: { color: color.muted },
    groupLine: { marginBottom: 2 },
    principle: { flexDirection: 'row', marginBottom: 4 },
    number: { width: 20, fontWeight: 700, color: color.accent },
    // No fontFamily here: it would replace the page's fallback list (CJK inside `code` would lose its font).
    code: { color: color.ink },
    // For a <Text> with no style of its own: it still needs the page's writing direction (react-pdf does not inherit
    // it).
    run: {},
    footer: {
      position: 'absolute',
      bottom: space.page / 2,
      left: space.page,
      right: space.page,
      fontSize: font.small,
      color: color.muted,
      flexDirection: 'row',
      justifyContent: 'space-between',
    },
  });

type Styles = ReturnType<typeof createLtrStyles>;

/** Left and right swapped, for a right-to-left page. */
const MIRROR: Record<string, string> = {
  marginLeft: 'marginRight',
  marginRight: 'marginLeft',
  paddingLeft: 'paddingRight',
  paddingRight: 'paddingLeft',
  left: 'right',
  right: 'left',
  borderLeftWidth: 'borderRightWidth',
  borderRightWidth: 'borderLeftWidth',
  borderLeftColor: 'borderRightColor',
  borderRightColor: 'borderLeftColor',
};

/**
 * The same styles for a right-to-left language (Arabic, Hebrew): every text right-aligned with a right-to-left
 * base direction, so react-pdf's bidi pass (bidi-js) orders a Latin name inside Arabic text as a reader expects;
 * rows run right to left and left/right spacing is mirrored. Direction goes on every style because react-pdf
 * does not inherit it from the page.
 */
function mirror(ltr: Styles): Styles {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, style] of Object.entries(ltr)) {
    const m: Record<string, unknown> = { direction: 'rtl', textAlign: 'right' };
    for (const [k, v] of Object.entries(style as Record<string, unknown>)) {
      if (k === 'flexDirection' && v === 'row') m[k] = 'row-reverse';
      else m[MIRROR[k] ?? k] = v;
    }
    out[name] = m;
  }
  return out as unknown as Styles;
}

/** Every PDF style for these tokens and writing direction. */
export const createStyles = (t: DesignTokens, d: Design = DEFAULT_DESIGN, dir: 'ltr' | 'rtl' = 'ltr'): Styles =>
  dir === 'rtl' ? mirror(createLtrStyles(t, d)) : createLtrStyles(t, d);

/**
 * A section title in the design's style. `smallcaps` uses the font's real small
 * capitals (the smcp feature: the extracted text keeps its case) where the font
 * has them, else a smaller bold size; never letter-spacing or a case transform.
 */
function headingStyle(design: Design, color: DesignTokens['color'], font: DesignTokens['font']) {
  const base = {
    fontSize: font.heading,
    lineHeight: 1.25,
    fontWeight: 700,
    color: color.accent,
    marginBottom: 5,
  } as const;
  switch (design.headings) {
    case 'rule':
      return { ...base, paddingBottom: 2, borderBottomWidth: 0.75, borderBottomColor: color.rule };
    case 'bar':
      return { ...base, paddingLeft: 6, borderLeftWidth: 3, borderLeftColor: color.accent, color: color.ink };
    case 'plain':
      // With no rule or bar, size alone sets a section title apart from the entry titles under it.
      return { ...base, fontSize: font.heading + 1.5, color: color.ink, marginBottom: 4 };
    case 'smallcaps':
      return SMALL_CAPS_FONTS.has(design.font)
        ? {
            ...base,
            fontSize: font.heading + 1,
            fontWeight: 600,
            fontFeatureSettings: { calt: false, smcp: true },
            paddingBottom: 2,
            borderBottomWidth: 0.5,
            borderBottomColor: color.rule,
          }
        : {
            ...base,
            fontSize: font.body + 0.5,
            paddingBottom: 2,
            borderBottomWidth: 0.5,
            borderBottomColor: color.rule,
          };
  }
}

/** Families folio ships that have true small capitals (OpenType smcp). */
const SMALL_CAPS_FONTS = new Set<Design['font']>(['Source Serif 4']);

/**
 * The styles the components read. A live binding that renderPdf swaps for one
 * render when --fit tightens the design: passing styles through a React context
 * would touch every component.
 */
export let styles = createStyles(designTokens(DEFAULT_DESIGN));
/** The design of the document being rendered: components that lay out by it (dates, photo) read it here. */
export let design: Design = DEFAULT_DESIGN;

/** Render with these tokens, design and direction until the returned function restores the previous styles. */
export function setStyleTokens(t: DesignTokens, d: Design = DEFAULT_DESIGN, dir: 'ltr' | 'rtl' = 'ltr'): () => void {
  const previous = styles;
  const previousDesign = design;
  styles = createStyles(t, d, dir);
  design = d;
  return () => {
    styles = previous;
    design = previousDesign;
  };
}
