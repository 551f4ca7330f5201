import { describe, expect, it } from 'vitest';
import { tokens } from '../src/render/tokens.js';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// axe cannot judge text over the hero's and closing box's gradients (it reports them as
// "incomplete"), so the colour pairs the page uses are checked here, at the token level:
// the gradients run between accent-soft and surface/surface-alt, so every stop is covered.
describe('design tokens', () => {
  for (const [scheme, c] of [
    ['light', tokens.color],
    ['dark', tokens.dark],
  ] as const) {
    it(`text colours reach WCAG AA (4.5:1) on every surface, ${scheme} scheme`, () => {
      const low: string[] = [];
      for (const fg of ['ink', 'muted', 'accent'] as const) {
        for (const bg of ['surface', 'surfaceAlt', 'accentSoft'] as const) {
          const ratio = contrast(c[fg], c[bg]);
          if (ratio < 4.5) low.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
        }
      }
      // The primary contact button: surface-coloured text on the accent.
      if (contrast(c.surface, c.accent) < 4.5)
        low.push(`surface on accent: ${contrast(c.surface, c.accent).toFixed(2)}`);
      expect(low).toEqual([]);
    });
  }

  it('the contrast measure rejects a faint pair (negative control)', () => {
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
