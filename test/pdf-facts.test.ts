// Class: no regex rescans an untrusted PDF: objectFacts is one linear pass, whatever a crafted file repeats.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { objectFacts } from '../src/check/extract.js';
import { build } from '../src/pipeline/build.js';
import { example, runCli, tempDir } from './helpers.js';

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
      '<<',
      '>>',
      '(',
      '<< /FontFile2 ',
    ]) {
      const crafted = Buffer.concat([
        pdf,
        Buffer.from(`\n%${junk.repeat(Math.ceil(1_000_000 / junk.length))}\n`, 'latin1'),
      ]);
      // CPU time, not wall time: other suites on a busy machine must not fail it; quadratic would take minutes.
      const t0 = process.cpuUsage();
      const facts = objectFacts(crafted);
      const cpu = process.cpuUsage(t0);
      expect((cpu.user + cpu.system) / 1000, junk).toBeLessThan(1000);
      expect(
        facts.fonts.filter((f) => f.embedded).map((f) => f.name),
        junk,
      ).toEqual(plain.fonts.map((f) => f.name));
      expect(facts.language).toBe('en');
    }
  }, 60_000);
});

describe('PDF facts from object streams, keys in any order (issue 16, class 11)', () => {
  /** A PDF whose only objects sit in one deflated object stream, as qpdf and most tools other than folio write them. */
  const objStm = (objects: string) => {
    const data = deflateSync(Buffer.from(objects, 'latin1'));
    return Buffer.concat([
      Buffer.from(`%PDF-1.5\n1 0 obj\n<< /Filter /FlateDecode /Length ${data.length} /N 4 /Type /ObjStm >>\nstream\n`),
      data,
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);
  };

  it('reads fonts whose keys are sorted (/FontFile2 before /FontName, /BaseFont before /Type), with a control', () => {
    const facts = objectFacts(
      objStm(
        '<< /BaseFont /AAAAAA+Inter /FontDescriptor 3 0 R /Subtype /TrueType /Type /Font >> ' +
          // A ">>" inside a string closes nothing.
          '<< /Flags 4 /FontFile2 9 0 R /FontName /AAAAAA+Inter /Note (a >> b) /Type /FontDescriptor >> ' +
          // The control: a font whose descriptor has no font file is not embedded.
          '<< /BaseFont /Helvetica /FontDescriptor 5 0 R /Type /Font >> ' +
          '<< /Flags 32 /FontName /Helvetica /Type /FontDescriptor >>',
      ),
    );
    expect(facts.fonts).toEqual([
      { name: 'AAAAAA+Inter', embedded: true },
      { name: 'Helvetica', embedded: false },
    ]);
  });

  it('a folio PDF rewritten by qpdf into object streams: 4 fonts, all embedded, as before the rewrite', async () => {
    const dir = tempDir();
    await build({ source: example, outDir: dir, formats: ['pdf'] });
    const original = join(dir, 'resume.pdf');
    const rewritten = join(dir, 'qpdf.pdf');
    const q = spawnSync('qpdf', ['--object-streams=generate', original, rewritten], { encoding: 'utf8' });
    expect(
      q.error?.message ?? q.stderr,
      'qpdf is needed for this test (apt-get install qpdf; .ci/run installs it)',
    ).toBe('');
    const bytes = readFileSync(rewritten);
    // Not vacuous: the font dictionaries are inside compressed object streams now, with their keys sorted.
    expect(bytes.toString('latin1')).toMatch(/\/Type\s*\/ObjStm/);
    expect(bytes.toString('latin1')).not.toMatch(/\/FontFile2|\/FontName/);
    const before = objectFacts(readFileSync(original));
    const after = objectFacts(bytes);
    expect(after.fonts.length).toBe(4);
    expect(after.fonts.every((f) => f.embedded)).toBe(true);
    expect(new Set(after.fonts.map((f) => f.name))).toEqual(new Set(before.fonts.map((f) => f.name)));
    expect(after.links).toEqual(before.links);
    const r = await runCli(['check', 'qpdf.pdf'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n {2}fonts {5}4, all embedded \(Inter-/);
  }, 60_000);
});
