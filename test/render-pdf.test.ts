import { describe, expect, it } from 'vitest';
import { missingLeaves, pdfOmits, sourceLeaves } from '../src/leaves.js';
import { renderPdf } from '../src/render/pdf.js';
import { example, fixture, loadResume, pdfText } from './helpers.js';

const date = new Date('2026-01-01T00:00:00Z');

describe('PDF renderer, read back by pdf-parse', () => {
  it('shows every text leaf of the example résumé', async () => {
    const { resume, model } = loadResume(example);
    const { bytes, pages } = await renderPdf(model, { date });
    expect(pages).toBeGreaterThanOrEqual(1);
    const text = await pdfText(bytes);
    const leaves = sourceLeaves(resume, { audience: 'private', omit: pdfOmits });
    expect(leaves.length).toBeGreaterThan(80);
    expect(missingLeaves(leaves, text).map((l) => l.text)).toEqual([]);
    // The statements the portfolio is built on, spelled out.
    for (const s of ['Backend engineer for high-throughput systems', 'Experiment impact', '25% to 2% low traffic', 'Prefer boring reliability', 'OxygenOS 15 and 16']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('**');
  });

  it('negative control: the check fails when a section is dropped', async () => {
    const { resume, model } = loadResume(example);
    const without = { ...model, sections: model.sections.filter((s) => s.id !== 'principles') };
    const text = await pdfText((await renderPdf(without, { date })).bytes);
    const missing = missingLeaves(sourceLeaves(resume, { audience: 'private', omit: pdfOmits }), text).map((l) => l.path.join('.'));
    expect(missing).toContain('principles.0.title');
    expect(missing).toContain('principles.2.summary');
  });

  it('shows every section of a JSON Resume document', async () => {
    const { resume, model } = loadResume(fixture('jsonresume-full.json'));
    const text = await pdfText((await renderPdf(model, { date })).bytes);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'private', omit: pdfOmits }), text).map((l) => l.text)).toEqual([]);
    // The PDF goes to employers: phone and street address are on it.
    expect(text).toContain('+46 70 123 45 67');
    expect(text).toContain('Storgatan 12');
  });
});
