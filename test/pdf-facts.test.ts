// Class: no regex rescans an untrusted PDF: objectFacts is one linear pass, whatever a crafted file repeats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectFacts } from '../src/check/extract.js';
import { build } from '../src/pipeline/build.js';
import { example, tempDir } from './helpers.js';

describe('PDF facts from a hostile PDF', () => {
  it('a folio PDF with 1 MB of repeated tokens appended reads in linear time and says the same', async () => {
    const dir = tempDir();
    const result = await build({ source: example, outDir: dir, formats: ['pdf'] });
    const pdf = readFileSync(result.files[0]?.path ?? join(dir, 'resume.pdf'));
    const plain = objectFacts(pdf);
    expect(plain.fonts.map((f) => f.embedded)).toEqual([true, true, true, true]);
    expect(plain.language).toBe('en');
    for (const junk of [
      '/Type /Font ',
      '/FontName /X ',
      '/Lang (',
      '/URI (',
      '/Type /ObjStm stream\n',
      'stream\n',
      '/Type/Font/BaseFont/',
    ]) {
      const crafted = Buffer.concat([
        pdf,
        Buffer.from(`\n%${junk.repeat(Math.ceil(1_000_000 / junk.length))}\n`, 'latin1'),
      ]);
      const t0 = performance.now();
      const facts = objectFacts(crafted);
      expect(performance.now() - t0, junk).toBeLessThan(1000);
      expect(
        facts.fonts.filter((f) => f.embedded).map((f) => f.name),
        junk,
      ).toEqual(plain.fonts.map((f) => f.name));
      expect(facts.language).toBe('en');
    }
  }, 60_000);
});
