import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { renderPdf } from '../src/render/pdf.js';
import { fixture, loadResume, pdfText } from './helpers.js';

/** The PDF as a file, for the command-line extractors. */
function toFile(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'folio-order-')), 'cv.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** Three independent readers: poppler, pdfminer (Debian's python3-pdfminer) and PDF.js (through pdf-parse). */
async function extractors(pdf: Uint8Array): Promise<Record<string, string>> {
  const file = toFile(pdf);
  return {
    pdftotext: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    pdfminer: execFileSync('pdf2txt', [file], { encoding: 'utf8' }),
    pdfjs: await pdfText(pdf),
  };
}

/**
 * The groups in reading order: each group's name, then each of its keywords, then
 * the next group's name. Returns the first string found out of place, or null.
 */
function groupOrderProblem(text: string, groups: { name: string; items: string[] }[], after: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  let at = 0;
  for (const g of [...groups.flatMap((x) => [x.name, ...x.items]), after]) {
    const i = flat.indexOf(g.replace(/\s+/g, ' '), at);
    if (i < 0) return `"${g}" not found after position ${at}`;
    at = i + g.length;
  }
  return null;
}

describe('PDF reading order of the skills, languages and interests groups', { timeout: 60_000 }, () => {
  it('reads each group name, then its keywords, before the next group, in pdftotext, pdfminer and PDF.js', async () => {
    const { resume, model } = loadResume(fixture('skills-grid.yaml'));
    const { fallbacks } = checkCoverage(pdfLeaves(resume));
    const { bytes } = await renderPdf(model, { date: new Date('2026-01-01T00:00:00Z'), fallbacks });
    const groups = [
      ...(resume.skills ?? []).map((s) => ({ name: s.name ?? '', items: s.keywords ?? [] })),
      ...(resume.languages ?? []).map((l) => ({ name: l.language ?? '', items: [l.fluency ?? ''] })),
      ...(resume.interests ?? []).map((s) => ({ name: s.name ?? '', items: s.keywords ?? [] })),
    ];
    const texts = await extractors(bytes);
    for (const [reader, text] of Object.entries(texts)) {
      expect(groupOrderProblem(text, groups, 'After the grid'), reader).toBeNull();
    }
  });

  it('negative control: a keyword list read after the next group is reported', () => {
    const groups = [
      { name: 'Backend', items: ['Java, Python'] },
      { name: 'Data', items: ['Kafka'] },
    ];
    expect(groupOrderProblem('Backend Data Java, Python Kafka Education', groups, 'Education')).toMatch(/Data/);
    expect(groupOrderProblem('Backend Java, Python Data Kafka Education', groups, 'Education')).toBeNull();
  });
});
