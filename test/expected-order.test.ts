import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Leaf } from '../src/check/leaves.js';
import { ENTRY_BODY } from '../src/render/pdf/order.js';
import { fixture, loadResume } from './helpers.js';

// check/expected.ts takes the order of the strings a reader finds in the PDF from the model and from the lists the
// PDF components draw from (render/pdf/order.ts). Reordering a list must move the PDF and the expectation together.

const ORDER = '../src/render/pdf/order.js';
/** The body of an entry drawn bottom up: the link first, the outcome last. */
const REVERSED = [...ENTRY_BODY].reverse();

/** check/expected.ts and the PDF renderer as loaded with `body` as the entry's draw order (the real one when null). */
async function loadWith(body: readonly string[] | null) {
  vi.resetModules();
  if (body)
    vi.doMock(ORDER, async (original) => ({
      ...(await original<typeof import('../src/render/pdf/order.js')>()),
      ENTRY_BODY: body,
    }));
  else vi.doUnmock(ORDER);
  const { pdfLeaves } = await import('../src/check/expected.js');
  const { renderPdf } = await import('../src/render/pdf.js');
  const { pdfkitPageTexts } = await import('../src/check/pdfkit-text.js');
  const { matchInOrder } = await import('../src/check/find-in-order.js');
  return { pdfLeaves, renderPdf, pdfkitPageTexts, matchInOrder };
}

const at = (leaves: Leaf[], path: string) => leaves.findIndex((l) => l.path.join('.') === path);

describe('the expected reading order follows the PDF draw order (check/expected.ts ← render/pdf/order.ts)', () => {
  afterEach(() => {
    vi.doUnmock(ORDER);
    vi.resetModules();
  });

  it('moves a field when the draw order moves it: the link before the outcome, and back', async () => {
    const { resume } = loadResume(fixture('portfolio-full.yaml'));
    const normal = (await loadWith(null)).pdfLeaves(resume);
    const reversed = (await loadWith(REVERSED)).pdfLeaves(resume);
    // projects[0] has an outcome, bullets, figures and a link.
    expect(at(normal, 'projects.0.outcome')).toBeLessThan(at(normal, 'projects.0.url'));
    expect(at(reversed, 'projects.0.url')).toBeLessThan(at(reversed, 'projects.0.outcome'));
    expect(at(reversed, 'projects.0.url')).toBeLessThan(at(reversed, 'projects.0.metrics.0.label'));
    // The same strings, only their order differs; the header and the sections stay where they were.
    expect(reversed.map((l) => l.text).sort()).toEqual(normal.map((l) => l.text).sort());
    expect(reversed.slice(0, 5)).toEqual(normal.slice(0, 5));
  });

  it('a PDF drawn in another order reads back in the order expected from it; the old expectation fails it', async () => {
    const { resume } = loadResume(fixture('portfolio-full.yaml'));
    const normal = (await loadWith(null)).pdfLeaves(resume);
    const { pdfLeaves, renderPdf, pdfkitPageTexts, matchInOrder } = await loadWith(REVERSED);
    const { model } = loadResume(fixture('portfolio-full.yaml'));
    const { bytes } = await renderPdf(model, { date: new Date('2026-01-01T00:00:00Z') });
    const pages = pdfkitPageTexts(bytes) ?? [];
    expect(pages.length).toBeGreaterThan(0);
    const followed = matchInOrder(pdfLeaves(resume), pages, { ignoreSpaces: true });
    expect(followed.missing).toEqual([]);
    expect(followed.outOfOrder).toEqual([]);
    // Negative control: the expectation of the usual layout finds the reordered PDF out of order.
    const stale = matchInOrder(normal, pages, { ignoreSpaces: true });
    expect(stale.missing).toEqual([]);
    expect(stale.outOfOrder.length).toBeGreaterThan(0);
  });
});
