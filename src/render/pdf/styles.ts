import { StyleSheet } from '@react-pdf/renderer';
import { type DesignTokens, tokens } from '../tokens.js';

/** Every PDF style, from the design tokens (tightened by --fit). No letter-spacing or text-transform: both corrupt extracted text. */
export const createStyles = ({ color, font, space }: DesignTokens) => StyleSheet.create({
  // fontFamily is set per document: Inter plus the Noto fallbacks the text needs.
  // calt off: Inter's contextual alternates turn "2x5" into "2×5" and "->" into "→" glyphs that read back differently.
  page: { fontFeatureSettings: { calt: false }, fontSize: font.body, color: color.ink, paddingTop: space.page, paddingBottom: space.page + 6, paddingHorizontal: space.page },
  // fontSize here too: a unitless lineHeight resolves against the node's own size (18 pt when unset).
  body: { fontSize: font.body, lineHeight: font.lineHeight },
  header: { flexDirection: 'row' },
  headerText: { flex: 1 },
  photo: { width: 72, height: 72, marginLeft: 14, borderRadius: 36, objectFit: 'cover' },
  name: { fontSize: font.name, fontWeight: 700, lineHeight: 1.15 },
  label: { fontSize: font.entryTitle + 1, fontWeight: 600, color: color.accent, marginTop: 3, lineHeight: 1.25 },
  tagline: { fontSize: font.body + 0.5, marginTop: 4, fontStyle: 'italic', color: color.muted },
  contacts: { marginTop: 6, fontSize: font.small, color: color.muted },
  facts: { marginTop: 1, fontSize: font.small, color: color.muted },
  link: { color: color.accent, textDecoration: 'none' },
  summary: { marginTop: 8 },
  section: { marginTop: space.section },
  heading: { fontSize: font.heading, lineHeight: 1.25, fontWeight: 700, color: color.accent, paddingBottom: 2, borderBottomWidth: 0.75, borderBottomColor: color.rule, marginBottom: 5 },
  entry: { marginBottom: space.entry },
  entryTitle: { fontSize: font.entryTitle, lineHeight: 1.3, fontWeight: 700 },
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
  groupRow: { flexDirection: 'row', marginBottom: 2 },
  groupName: { width: 110, fontWeight: 600, paddingRight: 6 },
  groupItems: { flex: 1 },
  principle: { flexDirection: 'row', marginBottom: 4 },
  number: { width: 20, fontWeight: 700, color: color.accent },
  // No fontFamily here: it would replace the page's fallback list (CJK inside `code` would lose its font).
  code: { color: color.ink },
  footer: { position: 'absolute', bottom: space.page / 2, left: space.page, right: space.page, fontSize: font.small, color: color.muted, flexDirection: 'row', justifyContent: 'space-between' },
});

/**
 * The styles the components read. A live binding that renderPdf swaps for one
 * render when --fit tightens the design: passing styles through a React context
 * would touch every component.
 */
export let styles = createStyles(tokens);

/** Render with these tokens until the returned function restores the previous styles. */
export function setStyleTokens(t: DesignTokens): () => void {
  const previous = styles;
  styles = createStyles(t);
  return () => {
    styles = previous;
  };
}
