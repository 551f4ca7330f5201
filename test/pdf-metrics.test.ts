// Issue 19 point 7: the PDF's metrics strip. Each "label value" unit stays on one line and reads in order.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { THEME_NAMES, type ThemeName } from '../src/model/design.js';
import type { Metric } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { renderPdf } from '../src/render/pdf.js';
import { escapeRe, fixture, loadResume, pdfText } from './helpers.js';
import { itDefault, sweep } from './support/full.js';

/** The default theme in npm test, every other one in npm run test:full. */
const THEMES: readonly ThemeName[] = sweep(['default', ...THEME_NAMES.filter((t) => t !== 'default')]);

/** poppler, pdfminer (Debian's python3-pdfminer) and PDF.js (through pdf-parse), each keeping its line breaks. */
async function extractors(pdf: Uint8Array): Promise<Record<string, string>> {
  const file = join(mkdtempSync(join(tmpdir(), 'folio-metrics-')), 'cv.pdf');
  writeFileSync(file, pdf);
  return {
    pdftotext: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    pdfminer: execFileSync('pdf2txt', [file], { encoding: 'utf8' }),
    pdfjs: await pdfText(pdf),
  };
}

/**
 * What is wrong with the metrics in an extracted text: a unit not read as "label value" after the
 * previous one, or read across a line break. Spaces of any kind (a no-break space included) count as
 * one space; a line break counts as a space for finding the unit, then as a fault.
 */
function metricProblems(text: string, metrics: readonly Metric[]): string[] {
  const lines = text.replace(/[^\S\n]+/g, ' ').replace(/ ?\n[\s]*/g, '\n');
  const problems: string[] = [];
  let at = 0;
  for (const m of metrics) {
    const words = `${m.label} ${m.value}`.split(/\s+/).map(escapeRe);
    const unit = new RegExp(words.join('[ \\n]'), 'g');
    unit.lastIndex = at;
    const found = unit.exec(lines);
    if (!found) {
      problems.push(`"${m.label} ${m.value}" not read in order`);
      continue;
    }
    if (found[0].includes('\n')) problems.push(`"${m.label} ${m.value}" broken across lines`);
    at = found.index + found[0].length;
  }
  return problems;
}

describe('PDF metrics strip: each unit whole on one line, read as "label value" in order', { timeout: 120_000 }, () => {
  const { resume, model } = loadResume(fixture('metrics-strip.yaml'));
  const { fallbacks } = checkCoverage(pdfLeaves(resume));
  const strip = model.sections.flatMap((s) => (s.kind === 'metrics' ? s.metrics : []));
  const story = model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries.flatMap((e) => e.metrics) : []));

  itDefault('the fixture wraps: the strip and the story metrics are too long for one line', () => {
    expect(strip.length).toBeGreaterThanOrEqual(12);
    expect(story.length).toBeGreaterThanOrEqual(6);
  });

  for (const theme of THEMES) {
    it(`${theme}: pdftotext, pdfminer and PDF.js read every unit in order, none across a line`, async () => {
      const themed = normalise(resume, { theme });
      const { bytes } = await renderPdf(themed, { date: new Date('2026-01-01T00:00:00Z'), fallbacks });
      for (const [reader, text] of Object.entries(await extractors(bytes))) {
        // The strip wraps (so the test is not passing on one long line) …
        const stripLines = text.split('\n').filter((l) => /REST|Kafka|Ranking|Throughput|Experiment|Teams/.test(l));
        expect(stripLines.length, reader).toBeGreaterThanOrEqual(2);
        // … and still no unit is split.
        expect(metricProblems(text, [...strip, ...story]), reader).toEqual([]);
      }
    });
  }

  itDefault('negative control: a unit wrapped inside, or read out of order, is reported', () => {
    const ms = [
      { label: 'Kafka flows', value: 'serving path' },
      { label: 'Ranking', value: 'recommendations' },
    ];
    expect(metricProblems('Kafka flows serving path · Ranking recommendations', ms)).toEqual([]);
    expect(metricProblems('Kafka flows\u00a0 serving path ·\nRanking recommendations', ms)).toEqual([]);
    expect(metricProblems('Kafka flows serving\npath · Ranking recommendations', ms)).toEqual([
      '"Kafka flows serving path" broken across lines',
    ]);
    expect(metricProblems('Ranking recommendations · Kafka flows serving path', ms)).toEqual([
      '"Ranking recommendations" not read in order',
    ]);
  });
});
