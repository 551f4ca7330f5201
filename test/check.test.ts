import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { matchInOrder } from '../src/check/find-in-order.js';
import { pdfkitPageTexts } from '../src/check/pdfkit-text.js';
import { renderPdf } from '../src/render/pdf.js';
import { example, fixture, loadResume, pdfText } from './helpers.js';

const leaf = (text: string, name = text) => ({ path: [name], text });

describe('order-aware matching', () => {
  it('finds leaves in order, tells missing from out of order, and knows the page', () => {
    const m = matchInOrder(
      [leaf('alpha'), leaf('gamma'), leaf('beta'), leaf('delta'), leaf('omega')],
      ['alpha beta', 'gamma  delta'],
    );
    expect(m.found.map((f) => `${f.leaf.text}@${f.page}`)).toEqual(['alpha@1', 'gamma@2', 'delta@2']);
    expect(m.outOfOrder.map((l) => l.text)).toEqual(['beta']);
    expect(m.missing.map((l) => l.text)).toEqual(['omega']);
  });

  it('tolerates line breaks, NFC differences and bidi marks, but not broken words unless asked', () => {
    expect(matchInOrder([leaf('Zoë Łukasiewicz')], ['Zoe\u0308\n\u200eŁukasiewicz']).missing).toEqual([]);
    expect(matchInOrder([leaf('internationalization')], ['internation-\nalization']).missing).toHaveLength(1);
    expect(matchInOrder([leaf('E X P')], ['EXP']).missing).toHaveLength(1);
    expect(matchInOrder([leaf('Rust')], ['Ru\nst'], { ignoreSpaces: true }).missing).toEqual([]);
  });
});

describe('designed strings in display order', () => {
  it('follows the layout: header fields, then sections in folio.order, entry fields as drawn', () => {
    const { resume } = loadResume(fixture('jsonresume-full.json'));
    const paths = pdfLeaves(resume).map((l) => l.path.join('.'));
    const pos = (p: string) => {
      const i = paths.indexOf(p);
      expect(i, p).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(pos('basics.name')).toBe(0);
    expect(pos('basics.profiles.0.url')).toBeLessThan(pos('basics.location.city'));
    expect(pos('basics.location.postalCode')).toBeLessThan(pos('basics.summary'));
    // Work: position, then employer, then dates, location and description, then the text below.
    expect(pos('work.0.position')).toBeLessThan(pos('work.0.name'));
    expect(pos('work.0.name')).toBeLessThan(pos('work.0.startDate'));
    expect(pos('work.0.startDate')).toBeLessThan(pos('work.0.location'));
    expect(pos('work.0.description')).toBeLessThan(pos('work.0.summary'));
    expect(pos('work.0.highlights.1')).toBeLessThan(pos('work.0.url'));
    expect(pos('work.0.url')).toBeLessThan(pos('work.1.position'));
    expect(pos('education.0.studyType')).toBeLessThan(pos('education.0.institution'));
    // The call-to-action sentence and section intros are not in the PDF.
    expect(paths.some((p) => p === 'callToAction.text' || /\.intro$/.test(p))).toBe(false);
  });
});

describe("the build's quick reader of folio's PDFs", { timeout: 60_000 }, () => {
  it('reads the same strings, page by page, as pdf-parse', async () => {
    const { resume, model } = loadResume(example);
    const { bytes } = await renderPdf(model, { date: new Date(0) });
    const pages = pdfkitPageTexts(bytes);
    expect(pages).toHaveLength(2);
    const quick = matchInOrder(pdfLeaves(resume), pages ?? [], { ignoreSpaces: true });
    expect(quick.missing).toEqual([]);
    expect(quick.outOfOrder).toEqual([]);
    expect(quick.found.at(-1)?.page).toBe(2);
    expect((pages ?? []).join('').replace(/\s+/g, '')).toBe((await pdfText(bytes)).replace(/\s+/g, ''));
  });

  it('returns null for a file it does not understand', () => {
    expect(pdfkitPageTexts(Buffer.from('%PDF-1.7\nnot really'))).toBeNull();
  });
});
