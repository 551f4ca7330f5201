import { describe, expect, it } from 'vitest';
import { checkCoverage, withoutEmoji } from '../src/render/pdf/coverage.js';

const field = (text: string, path: (string | number)[] = ['basics', 'name']) => ({ path, text });

describe('PDF font coverage', () => {
  it('Inter alone covers Latin Extended, Greek, Cyrillic and typographic symbols', () => {
    const c = checkCoverage([
      field('Zoë Łukasiewicz-Núñez, Ελένη Παπαδοπούλου, Дмитрий Иванов, Kraków → – “…” € ½ № ✓'),
    ]);
    expect(c).toEqual({ fallbacks: [], emoji: [], uncovered: [], notInFamily: [], interFallback: false });
  });

  it('asks for Noto fonts only for the scripts present', () => {
    expect(checkCoverage([field('李明'), field('さくら')]).fallbacks.map((f) => f.id)).toEqual(['cjk']);
    expect(checkCoverage([field('김민준')]).fallbacks.map((f) => f.id)).toEqual(['hangul']);
    expect(checkCoverage([field('अनुराग शर्मा'), field('محمد')]).fallbacks.map((f) => f.id)).toEqual([
      'devanagari',
      'arabic',
    ]);
  });

  it('finds a font for punctuation outside a script range: the katakana middle dot in a Japanese name', () => {
    // U+30FB "・" sits in the Katakana block but Inter lacks it; Noto Sans SC has it.
    const c = checkCoverage([field('クロネ・キト')]);
    expect(c.uncovered).toEqual([]);
    expect(c.fallbacks.map((f) => f.id)).toEqual(['cjk']);
    expect(checkCoverage([field('Kurone・Kito')]).fallbacks.map((f) => f.id)).toEqual(['cjk']);
  });

  it('reports emoji with their field, and uncovered characters with field, offset and code point', () => {
    const c = checkCoverage([
      field('Shipped 🚀 and 👩🏽‍💻', ['work', 0, 'highlights', 1]),
      field('Engineer สมชาย ✦', ['basics', 'label']),
    ]);
    expect(c.emoji).toEqual([{ path: ['work', 0, 'highlights', 1], emoji: ['🚀', '👩🏽‍💻'] }]);
    expect(c.uncovered.map((u) => `${u.path.join('.')}@${u.index} ${u.codePoint}`)).toEqual([
      'basics.label@9 U+0E2A',
      'basics.label@10 U+0E21',
      'basics.label@11 U+0E0A',
      'basics.label@12 U+0E32',
      'basics.label@13 U+0E22',
      'basics.label@15 U+2726',
    ]);
  });

  it('leaves emoji out cleanly and keeps symbols Inter draws', () => {
    expect(withoutEmoji('Cut the bill 🚀.')).toBe('Cut the bill.');
    expect(withoutEmoji('🎉 Launched v2 🇵🇱 in Poland')).toBe('Launched v2 in Poland');
    expect(withoutEmoji('Team of 👩🏽‍💻 five')).toBe('Team of five');
    expect(withoutEmoji('© 2024 ACME™ ↔ ❤️')).toBe('© 2024 ACME™ ↔ ❤');
    expect(withoutEmoji('plain text')).toBe('plain text');
  });
});
