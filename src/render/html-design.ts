import type { Design } from '../model/design.js';
import { DEFAULT_DESIGN } from './tokens.js';

/** System font stacks: zero bytes to download, of the same kind as the PDF's font. */
const SERIF =
  '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Source Serif 4", "Noto Serif", serif';
const PLEX =
  '"IBM Plex Sans", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", ' +
  'Arial, sans-serif';

/**
 * CSS that gives the HTML page the PDF's look: its accent colour, a font of the
 * same kind and its section-title style. Empty for the default design, whose
 * look style.css already is. Appended after style.css, so it wins.
 */
export function designCss(design: Design): string {
  const rules: string[] = [];
  const d = DEFAULT_DESIGN;
  const root: string[] = [];
  if (design.colors.accent !== d.colors.accent) root.push(`--accent: ${design.colors.accent};`);
  if (design.colors.text !== d.colors.text) root.push(`--ink: ${design.colors.text};`);
  if (design.colors.muted !== d.colors.muted) root.push(`--muted: ${design.colors.muted};`);
  if (design.font === 'Source Serif 4') root.push(`--font: ${SERIF};`);
  else if (design.font === 'IBM Plex Sans') root.push(`--font: ${PLEX};`);
  if (root.length) rules.push(`:root { ${root.join(' ')} }`);
  // The dark scheme keeps its own ink and surfaces; a custom accent is lightened so it stays readable there.
  if (design.colors.accent !== d.colors.accent) {
    rules.push(
      `@media (prefers-color-scheme: dark) { :root { --accent: ${mix(design.colors.accent, '#ffffff', 0.55)}; } }`,
    );
  }
  if (design.headings !== d.headings) {
    const h2 = '.section-head h2, .panel-title';
    if (design.headings === 'bar') rules.push(`${h2} { border-left: 4px solid var(--accent); padding-left: 0.5em; }`);
    if (design.headings === 'smallcaps')
      rules.push(
        `${h2} { font-variant-caps: small-caps; border-bottom: 1px solid var(--rule); padding-bottom: 0.15em; }`,
      );
    if (design.headings === 'plain') rules.push(`${h2} { font-weight: 600; }`);
  }
  // header: center is the PDF's: the page's hero is a grid beside the metrics panel, left-aligned by design.
  return rules.join('\n');
}

/** `a` moved `t` of the way towards `b` (both #rrggbb). */
export function mix(a: string, b: string, t: number): string {
  const ch = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) =>
    Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t)
      .toString(16)
      .padStart(2, '0'),
  );
  return `#${out.join('')}`;
}
