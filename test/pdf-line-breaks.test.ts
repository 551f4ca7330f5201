// A line break inside a text (a YAML block scalar: `summary: |`) must not bring in a font the PDF does not embed.
// react-pdf ended every font stack with Helvetica and gave it the newline, which no font has; the bundle and the
// tests patch that (scripts/textkit-patch.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchTextkit } from '../scripts/textkit-patch.mjs';
import { pdfLeaves } from '../src/check/expected.js';
import { objectFacts } from '../src/check/extract.js';
import { matchInOrder } from '../src/check/find-in-order.js';
import { normalise } from '../src/model/normalise.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { renderPdf } from '../src/render/pdf.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { pdfText, squash } from './helpers.js';

const SOURCE = `basics:
  name: Ada Example
  summary: |
    First line of the summary.
    Second line, after a newline.

    A paragraph after a blank line.
work:
  - name: Acme
    position: Engineer
    highlights:
      - "Tab\\tseparated and\\nbroken"
      - "Line\\u2028separator"
`;

describe('PDF: line breaks in the text', () => {
  it('embed every font the PDF uses (no Helvetica), and every line reads back in order', async () => {
    const src = parseSource(SOURCE, 'cv.yaml');
    const { resume } = validate(src, { today: new Date('2026-12-01') });
    const { fallbacks } = checkCoverage(pdfLeaves(resume));
    const { bytes } = await renderPdf(normalise(resume), { date: new Date('2026-01-01T00:00:00Z'), fallbacks });
    const { fonts } = objectFacts(bytes);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
      expect.arrayContaining(['Inter-Regular']),
    );
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    const text = squash(await pdfText(bytes));
    const m = matchInOrder(pdfLeaves(resume), [text], { ignoreSpaces: true });
    expect(m.missing.map((l) => l.text)).toEqual([]);
    expect(m.outOfOrder.map((l) => l.text)).toEqual([]);
    // Nothing drawn for a break, a tab reads as a space: no missing-glyph box (U+0000 in the text) anywhere.
    expect(text).toMatch(/summary\. ?Second line/);
    expect(text).toContain('Tab separated and');
    expect(text).not.toContain('\u0000');
  });

  it('the patch applies to the installed textkit, and refuses one whose code changed (a control)', () => {
    const file = createRequire(import.meta.url).resolve('@react-pdf/textkit');
    const original = readFileSync(file, 'utf8');
    expect(patchTextkit(original)).not.toBe(original);
    expect(() => patchTextkit(original.replace('IGNORED_CODE_POINTS.includes(codePoint))', 'x'))).toThrow(/changed/);
  });
});
