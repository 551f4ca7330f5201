import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
import { buildPdf } from '../src/pipeline/pdf-build.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { example } from './helpers.js';

const opts = { paper: 'A4' as const, maxPages: null, date: new Date(0), selfCheck: true };

describe("the PDF build's self-check", { timeout: 60_000 }, () => {
  it('is silent when every string reads back, and warns with file:line when one does not', async () => {
    const src = parseSource(readFileSync(example, 'utf8'), 'resume.yaml');
    const { resume } = validate(src);
    const model = normalise(resume);
    const good = await buildPdf(src, resume, model, opts);
    expect(good.warnings).toEqual([]);
    expect(good.checkMs).toBeGreaterThan(0);
    // Negative control: a renderer that drops a section must not pass unnoticed.
    const dropped = { ...model, sections: model.sections.filter((s) => s.id !== 'skills') };
    const bad = await buildPdf(src, resume, dropped, opts);
    const lines = bad.warnings.map((w) => `${w.file}:${w.line} ${w.path}: ${w.message}`);
    // Jenkins appears only in the stack, so dropping the stack must lose it.
    expect(lines).toContain(
      `resume.yaml:${src.locate(['skills', 3, 'keywords', 2]).line} skills[3].keywords[2]: "Jenkins" is missing from the PDF's extracted text (what an ATS reads)`,
    );
    expect(lines).toContain(
      `resume.yaml:${src.locate(['folio', 'sections', 'skills', 'title']).line} folio.sections.skills.title: "Stack" is missing from the PDF's extracted text (what an ATS reads)`,
    );
    expect(bad.warnings.every((w) => w.severity === 'warning')).toBe(true);
  });
});
