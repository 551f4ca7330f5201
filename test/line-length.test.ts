import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTree, longLines, MAX_COLUMNS } from '../scripts/check-line-length.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Biome keeps code within 120 columns but never breaks a comment or a literal: scripts/check-line-length.mjs
// (run by `npm run lint`) catches those.
describe('line length', () => {
  it('is the lineWidth Biome formats to', () => {
    const biome = readFileSync(join(root, 'biome.jsonc'), 'utf8');
    expect(Number(/"lineWidth":\s*(\d+)/.exec(biome)?.[1])).toBe(MAX_COLUMNS);
    expect(MAX_COLUMNS).toBe(120);
  });

  it('flags a 121-column line with its file, line and the first column past the limit', () => {
    const text = `// fine\n${'x'.repeat(120)}\n${'y'.repeat(121)}\n`;
    expect(longLines('src/a.ts', text)).toEqual(['src/a.ts:3:121: error: line is 121 columns, over 120']);
  });

  it('passes a line of exactly 120 columns, and does not count a CRLF line end', () => {
    expect(longLines('src/a.ts', `${'x'.repeat(120)}\r\n${'x'.repeat(120)}`)).toEqual([]);
  });

  it('counts characters, not bytes or UTF-16 units: 120 CJK, accented and astral characters pass', () => {
    const line = '漢'.repeat(40) + 'é'.repeat(40) + '𝒳'.repeat(40);
    // The negative control: by bytes or by String#length this line would be over the limit.
    expect(Buffer.byteLength(line)).toBe(360);
    expect(line.length).toBe(160);
    expect(longLines('src/a.ts', line)).toEqual([]);
    expect(longLines('src/a.ts', `${line}é`)).toEqual(['src/a.ts:1:121: error: line is 121 columns, over 120']);
  });

  it('walks src/ for .ts and .tsx files, leaving out src/generated/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-lines-'));
    try {
      const long = `${'z'.repeat(130)}\n`;
      mkdirSync(join(dir, 'src/render/pdf'), { recursive: true });
      mkdirSync(join(dir, 'src/generated'), { recursive: true });
      writeFileSync(join(dir, 'src/render/pdf/Page.tsx'), `ok\n${long}`);
      writeFileSync(join(dir, 'src/index.ts'), long);
      writeFileSync(join(dir, 'src/notes.md'), long);
      writeFileSync(join(dir, 'src/generated/resume.ts'), long);
      expect(checkTree(dir)).toEqual([
        'src/index.ts:1:121: error: line is 130 columns, over 120',
        'src/render/pdf/Page.tsx:2:121: error: line is 130 columns, over 120',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no line over 120 columns in src/', () => {
    expect(checkTree(root)).toEqual([]);
  });
});
