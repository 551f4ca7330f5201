import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { extractPages } from '../src/check/extract.js';
import { matchInOrder } from '../src/check/find-in-order.js';
import { pdfkitPageTexts } from '../src/check/pdfkit-text.js';
import { checkSource } from '../src/check/source-check.js';
import { summaryLine } from '../src/check/summary.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { renderPdf } from '../src/render/pdf.js';
import { example, fixture, loadResume } from './helpers.js';
import { itDefault, sweep } from './support/full.js';

// npm test: the two where the readers differ most (CJK text and its fallback font; inline styles, long URLs and
// odd spacing); npm run test:full: the others.
const FIXTURES = sweep(
  [
    fixture('unicode.yaml'),
    fixture('tricky.yaml'),
    example,
    fixture('custom-sections.yaml'),
    fixture('jsonresume-full.json'),
    fixture('skills-grid.yaml'),
    fixture('long-words.yaml'),
  ],
  2,
);

async function render(path: string) {
  const { resume, model } = loadResume(path);
  const { fallbacks } = checkCoverage(pdfLeaves(resume));
  const { bytes } = await renderPdf(model, { date: new Date('2026-01-01T00:00:00Z'), fallbacks });
  return { resume, bytes };
}

const paths = (c: ReturnType<typeof checkSource>) => ({
  found: c.match.found.map((f) => f.leaf.path.join('.')),
  missing: c.match.missing.map((l) => l.path.join('.')),
  outOfOrder: c.match.outOfOrder.map((l) => l.path.join('.')),
  byDesign: c.byDesign.map((l) => l.path.join('.')),
  dropped: c.dropped.map((l) => l.path.join('.')),
});

describe('one check: the build (pdfkit text) and folio check (PDF.js text) agree', { timeout: 120_000 }, () => {
  it.each(FIXTURES)('%s', async (path) => {
    const { resume, bytes } = await render(path);
    const quick = pdfkitPageTexts(bytes);
    expect(quick).not.toBeNull();
    const build = checkSource(resume, quick ?? []);
    const cli = checkSource(resume, await extractPages(bytes));
    expect(paths(cli)).toEqual(paths(build));
    expect(summaryLine(cli, 'f.yaml')).toBe(summaryLine(build, 'f.yaml'));
    // Every fixture is fully shown: nothing missing, nothing out of order.
    expect(paths(build).missing).toEqual([]);
    expect(paths(build).outOfOrder).toEqual([]);
  });

  itDefault('a CJK string broken across lines counts as found, whatever the reader puts at the break', () => {
    const resume = { basics: { name: 'データベース設計' } };
    // PDF.js puts a line break (or a space) where a line wraps inside a word; pdfkit's text has nothing there.
    for (const page of ['データベー\nス設計', 'データベー ス設計', 'データベース設計']) {
      expect(checkSource(resume, [page]).match.found).toHaveLength(1);
    }
    // Negative control: compared with the break kept, as folio check once did, the string is missing.
    expect(
      matchInOrder([{ path: ['basics', 'name'], text: 'データベース設計' }], ['データベー ス設計']).missing,
    ).toHaveLength(1);
  });
});

describe('the denominator is every string of the source', () => {
  itDefault('counts strings folio shows nowhere as missing, and says which are left out by design', () => {
    const { resume } = loadResume(fixture('custom-sections.yaml'));
    const withExtras = {
      ...resume,
      basics: {
        ...resume.basics,
        image: 'me.png',
        profiles: [{ network: 'GitHub', username: 'aiko', url: 'https://github.com/aiko' }],
      },
      odd: { nested: { deep: 'kept but never shown' } },
    };
    const c = checkSource(withExtras, ['']);
    expect(c.dropped.map((d) => [d.path.join('.'), d.text])).toEqual([['odd.nested.deep', 'kept but never shown']]);
    expect(c.byDesign.map((d) => d.path.join('.')).sort()).toEqual([
      'basics.image',
      'basics.profiles.0.network',
      'basics.profiles.0.username',
    ]);
    expect(c.total).toBe(pdfLeaves(withExtras).length + 3 + 1);
    expect(summaryLine(c, 'cv.yaml')).toBe(
      `0 of ${c.total} strings from cv.yaml found in order; 3 not shown by design`,
    );
  });
});
