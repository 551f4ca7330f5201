import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES, faceFile } from '../src/render/pdf/font-files.js';
import { root } from './helpers.js';

const require = createRequire(import.meta.url);
// fontkit ships no types; only the character map and the layout features are read here.
const fontkit = require('fontkit') as {
  openSync(path: string): {
    characterSet: number[];
    hasGlyphForCodePoint(cp: number): boolean;
    availableFeatures: string[];
  };
};

const isPrivateUse = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;

describe('PDF faces subset at build time (dist/fonts/)', () => {
  it('draws Inter and Source Serif 4 from the subsets, IBM Plex Sans from its package', () => {
    for (const family of ['Inter', 'Source Serif 4'] as const)
      for (const file of Object.values(FAMILIES[family])) {
        expect(faceFile(file)).toBe(join(root, 'dist/fonts', file.replace('@expo-google-fonts/', '')));
        expect(existsSync(faceFile(file))).toBe(true);
      }
    expect(faceFile(FAMILIES['IBM Plex Sans'].regular)).toBe(require.resolve(FAMILIES['IBM Plex Sans'].regular));
    expect(existsSync(join(root, 'dist/fonts/inter/LICENSE_FONT'))).toBe(true);
  });

  it('keeps every character of each face outside the Private Use Area, and only the features folio uses', () => {
    for (const family of ['Inter', 'Source Serif 4'] as const)
      for (const file of Object.values(FAMILIES[family])) {
        const full = fontkit.openSync(require.resolve(file));
        const subset = fontkit.openSync(faceFile(file));
        const kept = full.characterSet.filter((cp) => !isPrivateUse(cp));
        expect(kept.filter((cp) => !subset.hasGlyphForCodePoint(cp))).toEqual([]);
        expect(subset.availableFeatures).toContain('kern');
        expect(subset.availableFeatures).not.toContain('calt');
        expect(subset.availableFeatures).not.toContain('ss01');
        // Small capitals (the classic theme's headings) wherever the face has them: Source Serif 4 but its italic.
        expect(subset.availableFeatures.includes('smcp')).toBe(full.availableFeatures.includes('smcp'));
      }
    // Negative control: the full Inter has private-use characters and stylistic sets the subset left out, so the
    // checks above compare two different fonts.
    const full = fontkit.openSync(require.resolve(FAMILIES.Inter.regular));
    const subset = fontkit.openSync(faceFile(FAMILIES.Inter.regular));
    const privateUse = full.characterSet.filter(isPrivateUse);
    expect(privateUse.length).toBeGreaterThan(0);
    expect(privateUse.some((cp) => subset.hasGlyphForCodePoint(cp))).toBe(false);
    expect(full.availableFeatures).toEqual(expect.arrayContaining(['calt', 'ss01']));
    expect(fontkit.openSync(faceFile(FAMILIES['Source Serif 4'].semibold)).availableFeatures).toContain('smcp');
  });
});
