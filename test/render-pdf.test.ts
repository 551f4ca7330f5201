import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { objectFacts } from '../src/check/extract.js';
import { matchInOrder } from '../src/check/find-in-order.js';
import type { ResumeModel } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { buildPdf } from '../src/pipeline/pdf-build.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { layoutCacheCounts, setLayoutCache } from '../src/render/pdf/layout-cache.js';
import { renderPdf } from '../src/render/pdf.js';
import { parseSource } from '../src/source/load.js';
import type { Resume } from '../src/validate/schema.js';
import { validate } from '../src/validate/validate.js';
import { example, fixture, loadResume, pdfText, root } from './helpers.js';
import { describeDefault, itDefault, itFull } from './support/full.js';

const date = new Date('2026-01-01T00:00:00Z');

/** Render as the build does: with the Noto fallbacks the text needs. */
async function render(resume: Resume, model: ResumeModel, paper: 'A4' | 'LETTER' = 'A4') {
  const { fallbacks } = checkCoverage(pdfLeaves(resume));
  return renderPdf(model, { date, fallbacks, paper });
}

const cache = new Map<string, Promise<{ resume: Resume; model: ResumeModel; bytes: Buffer; pages: number }>>();
/** Each fixture is rendered once per file (A4); tests that need another rendering make their own. */
function built(path: string) {
  if (!cache.has(path)) {
    cache.set(
      path,
      (async () => {
        const { resume, model } = loadResume(path);
        return { resume, model, ...(await render(resume, model)) };
      })(),
    );
  }
  return cache.get(path)!;
}

/** Text of each page as poppler's pdftotext reads it (reading order, no layout). */
function pdftotextPages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'folio-pdf-'));
  const file = join(dir, 'cv.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p, i, all) => i < all.length - 1 || p.trim());
}

function pdffonts(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'folio-pdf-'));
  const file = join(dir, 'cv.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
}

/** Every designed string, in display order, through both extractors; returns what failed. */
async function roundTrip(pdf: Uint8Array, resume: Resume) {
  const leaves = pdfLeaves(resume);
  const byPdfParse = matchInOrder(leaves, [await pdfText(pdf)]);
  const byPoppler = matchInOrder(leaves, pdftotextPages(pdf));
  const show = (m: typeof byPdfParse) => [
    ...m.missing.map((l) => `missing ${l.path.join('.')}: ${l.text}`),
    ...m.outOfOrder.map((l) => `order ${l.path.join('.')}: ${l.text}`),
  ];
  return { leaves, pdfParse: show(byPdfParse), poppler: show(byPoppler) };
}

describeDefault('PDF renderer: every designed string extracts exactly, in display order', { timeout: 60_000 }, () => {
  it('the example, through pdf-parse and pdftotext', async () => {
    const { resume, bytes, pages } = await built(example);
    expect(pages).toBe(2);
    const r = await roundTrip(bytes, resume);
    expect(r.leaves.length).toBeGreaterThan(100);
    expect(r.pdfParse).toEqual([]);
    expect(r.poppler).toEqual([]);
    const text = await pdfText(bytes);
    for (const s of [
      'Backend engineer for high-throughput systems',
      'Experiment impact 25% to 2% low traffic',
      'Prefer boring reliability',
      'OxygenOS 15 and 16',
    ]) {
      expect(text).toContain(s);
    }
    // No markup, no private-use or ligature code points, no letter-spaced or upper-cased headings.
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/[\ue000-\uf8ff\ufb00-\ufb06]/u);
    expect(text).toContain('How I think');
    expect(text).not.toMatch(/E X P|HOW I THINK/);
  });

  it('a Unicode-heavy résumé: Latin Extended, Greek, Cyrillic, CJK, typographic symbols', async () => {
    const { resume, bytes } = await built(fixture('unicode.yaml'));
    const r = await roundTrip(bytes, resume);
    expect(r.pdfParse).toEqual([]);
    expect(r.poppler).toEqual([]);
    const text = (await pdfText(bytes)).normalize('NFC');
    for (const s of [
      'Zoë Łukasiewicz-Núñez',
      'Ελένη Παπαδοπούλου',
      'Дмитрий Иванов',
      'Kraków',
      '→',
      '–',
      '“Systems that fail gracefully…”',
      '€1.2M',
      '李明 (Lǐ Míng)',
      '株式会社東京データ',
    ]) {
      expect(text).toContain(s);
    }
    // The emoji is left out cleanly (no gap before the full stop, no replacement character).
    expect(text).toContain('without losing a byte.');
    expect(text).not.toMatch(/[\ufffc\ufffd]/u);
  });

  it('a long résumé (5+ pages): nothing lost across page breaks, footers on pages after the first', async () => {
    const { resume, bytes, pages } = await built(fixture('long.yaml'));
    expect(pages).toBeGreaterThanOrEqual(5);
    const r = await roundTrip(bytes, resume);
    expect(r.pdfParse).toEqual([]);
    expect(r.poppler).toEqual([]);
    const perPage = pdftotextPages(bytes);
    expect(perPage).toHaveLength(pages);
    expect(perPage[0]).not.toContain('page 1 of');
    for (let p = 2; p <= pages; p++) expect(perPage[p - 1]).toContain(`page ${p} of ${pages}`);
    // No page ends with a section heading or an entry's header (title or date line) cut from its first line.
    const { model } = await built(fixture('long.yaml'));
    const entries = model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries : []));
    const heads = new Set([
      ...model.sections.map((s) => s.title),
      ...entries.map((e) => [e.title, e.subtitle].filter(Boolean).join(' · ')),
      ...entries.map((e) => [e.dates, e.location, ...e.details].filter(Boolean).join(' · ')),
    ]);
    for (const [i, page] of perPage.slice(0, -1).entries()) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && l !== model.header.name && !/^page \d+ of \d+$/.test(l));
      expect(heads.has(lines.at(-1) ?? ''), `page ${i + 1} ends with "${lines.at(-1)}"`).toBe(false);
    }
  });

  it('symbols a font could swap contextually read back as typed: 2x5, 10x, ->, =>, !=, 1/2', async () => {
    // Inter's contextual alternates (calt) draw "2x5" as "2×5" and "->" as an arrow glyph; the PDF turns them
    // off, so every reader, the build's own self-check included, gets the characters that were typed.
    const typed = 'Made it 10x faster on a 2x5 grid at 1920x1080 -> => != --- 1/2';
    const src = parseSource(`basics:\n  name: Test Person\n  summary: "${typed}"\n`, 'cv.yaml');
    const { resume } = validate(src);
    const pdf = await buildPdf(src, resume, normalise(resume), { paper: 'A4', maxPages: null, date, selfCheck: true });
    expect(pdf.warnings.map((w) => w.message)).toEqual([]);
    expect(await pdfText(pdf.bytes)).toContain(typed);
    expect(pdftotextPages(pdf.bytes).join('')).toContain(typed);
  });

  it('negative control: the order-aware check reports dropped and reordered content', async () => {
    const { resume, model } = loadResume(example);
    const reordered = { ...model, sections: [...model.sections].reverse().filter((s) => s.id !== 'principles') };
    const text = await pdfText((await render(resume, reordered)).bytes);
    const m = matchInOrder(pdfLeaves(resume), [text]);
    expect(m.missing.map((l) => l.path.join('.'))).toEqual(
      expect.arrayContaining(['principles.0.title', 'principles.2.summary']),
    );
    expect(m.outOfOrder.length).toBeGreaterThan(0);
  });

  it('shows every section of a JSON Resume document, phone and address included', async () => {
    const { resume, bytes } = await built(fixture('jsonresume-full.json'));
    const r = await roundTrip(bytes, resume);
    expect(r.pdfParse).toEqual([]);
    expect(r.poppler).toEqual([]);
    const text = await pdfText(bytes);
    expect(text).toContain('+46 70 123 45 67');
    expect(text).toContain('Storgatan 12');
  });
});

describe('PDF renderer: fonts, links, metadata, paper, determinism', { timeout: 60_000 }, () => {
  itDefault(
    'draws the photo the model carries, and none when it carries none: the renderer reads no file',
    async () => {
      const { model } = loadResume(fixture('minimal.yaml'));
      const photo = { data: new Uint8Array(readFileSync(fixture('photo.png'))), format: 'png' as const };
      const images = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length;
      expect(images((await renderPdf({ ...model, photo }, { date })).bytes)).toBe(1);
      // Negative control: the same model without the bytes has no image at all.
      expect(images((await renderPdf(model, { date })).bytes)).toBe(0);
    },
  );

  itDefault('embeds each font once: four Inter faces, plus Noto Sans SC only when CJK is present', async () => {
    const exFonts = pdffonts((await built(example)).bytes);
    expect(exFonts.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'Inter-Bold',
      'Inter-Italic',
      'Inter-Regular',
      'Inter-SemiBold',
    ]);
    for (const l of exFonts) expect(l).toMatch(/ yes yes yes /);
    const uniFonts = pdffonts((await built(fixture('unicode.yaml'))).bytes);
    expect(uniFonts).toHaveLength(6);
    expect(uniFonts.filter((l) => l.includes('NotoSansSC'))).toHaveLength(2);
    expect(pdffonts((await built(fixture('long.yaml'))).bytes).length).toBeLessThanOrEqual(4);
  });

  itDefault('makes contacts, profiles and project URLs clickable with readable text', async () => {
    const { model, bytes } = await built(fixture('jsonresume-full.json'));
    const { links } = objectFacts(bytes);
    const contacts = model.header.contacts.filter((c) => c.href).map((c) => c.href);
    const entryUrls = model.sections
      .flatMap((s) => (s.kind === 'entries' ? s.entries : []))
      .flatMap((e) => (e.url ? [e.url.href] : []));
    expect(contacts.some((h) => h?.startsWith('mailto:'))).toBe(true);
    expect(contacts.some((h) => h?.startsWith('tel:'))).toBe(true);
    expect(entryUrls.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set([...contacts, ...entryUrls]));
    // The visible text is the short form, never the raw URL.
    const text = await pdfText(bytes);
    for (const c of model.header.contacts.filter((c) => c.kind !== 'email' && c.kind !== 'phone')) {
      expect(text).toContain(c.text);
      expect(c.text).not.toMatch(/^https?:/);
    }
  });

  itDefault('writes title "NAME — HEADLINE", author, subject, keywords, creator and language', async () => {
    const { bytes } = await built(fixture('unicode.yaml'));
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const info = (await parser.getInfo()).info as Record<string, string>;
    await parser.destroy();
    expect(info.Title).toBe('Zoë Łukasiewicz-Núñez — Staff engineer → platform reliability');
    expect(info.Author).toBe('Zoë Łukasiewicz-Núñez');
    expect(info.Subject).toContain('Staff engineer → platform reliability');
    expect(info.Keywords).toBe('Languages, Go, Rust, Java, Kotlin, C++, Data, PostgreSQL, Kafka, ClickHouse, Redis');
    expect(info.Creator).toBe('folio');
    expect(objectFacts(bytes).language).toBe('pl');
  });

  itDefault('A4 by default, US Letter on request', async () => {
    const { resume, model, bytes } = await built(example);
    const a4 = bytes.toString('latin1');
    const letter = (await render(resume, model, 'LETTER')).bytes.toString('latin1');
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.28\d* 841\.89\d*\]/);
    expect(letter).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });

  itDefault('renders document after document in one process (watch mode) without font state leaking', async () => {
    // Without emptying fontkit's glyph cache between documents, the JSON Resume and the example
    // rendered after the others lost characters from their extracted text.
    for (const path of [fixture('jsonresume-full.json'), example, fixture('unicode.yaml')]) {
      const { resume, model } = loadResume(path);
      const { bytes } = await render(resume, model);
      expect(matchInOrder(pdfLeaves(resume), [await pdfText(bytes)]).missing, path).toEqual([]);
    }
  });

  // npm test: two fixtures (the example; every script and fallback font); test:full: right to left, JSON Resume,
  // the longest and the trickiest.
  itDefault('the shaping cache changes no byte: the example and unicode.yaml, cache off and on, one process', () =>
    sameBytesWithShapingCache([example, fixture('unicode.yaml')]),
  );
  itFull('the shaping cache changes no byte: more fixtures', () =>
    sameBytesWithShapingCache(
      ['locales/ar.yaml', 'jsonresume-full.json', 'long.yaml', 'tricky.yaml', 'portfolio-full.yaml'].map(fixture),
    ),
  );

  itDefault('is byte-identical for the same input and date, and the date is the one given', async () => {
    const { resume, model, bytes: a } = await built(fixture('unicode.yaml'));
    const b = (await render(resume, model)).bytes;
    expect(Buffer.compare(a, b)).toBe(0);
    // Dates are indirect objects; react-pdf's misnamed /ModificationDate key is repaired to /ModDate.
    const text = a.toString('latin1');
    expect(text.match(/\(D:20260101000000Z\)/g)).toHaveLength(2);
    expect(text).toMatch(/\/ModDate +\d+ 0 R/);
    expect(text).not.toContain('/ModificationDate');
  });
});

describeDefault('PDF page breaks: a block that cannot break moves to the next page whole', { timeout: 60_000 }, () => {
  it('the starter résumé: the section that meets the foot of page 1 is not squeezed and drawn over itself', async () => {
    // `folio init`'s starter puts Volunteering at the foot of page 1; react-pdf used to keep that block there,
    // its lines drawn on top of one another ("Mentor\n· Code Clubsessions for children…").
    const { resume, model } = loadResume(join(root, 'templates/init/resume.yaml'));
    const { bytes } = await render(resume, model);
    const pages = pdftotextPages(bytes);
    const page = pages.findIndex((p) => p.includes('Volunteering'));
    expect(page).toBeGreaterThanOrEqual(0);
    for (const line of ['Mentor · Code Club', 'Weekly programming sessions for children aged 9 to 13.']) {
      expect(pages[page]).toContain(line);
    }
    const { poppler } = await roundTrip(bytes, resume);
    expect(poppler).toEqual([]);
  });
});

/** Render each file with the shaping cache on (filling it), off (the reference), on again (from it): one bytes. */
async function sameBytesWithShapingCache(paths: string[]) {
  const renderAll = async () => {
    const out: Buffer[] = [];
    for (const path of paths) {
      const { resume, model } = loadResume(path);
      out.push((await render(resume, model)).bytes);
    }
    return out;
  };
  await renderAll();
  let off: Buffer[];
  try {
    setLayoutCache(false);
    off = await renderAll();
  } finally {
    setLayoutCache(true);
  }
  const before = layoutCacheCounts();
  const on = await renderAll();
  // Not vacuous: this pass took its runs from the cache.
  expect(layoutCacheCounts().reused - before.reused).toBeGreaterThan(100 * paths.length);
  for (const [i, path] of paths.entries()) expect(Buffer.compare(on[i] as Buffer, off[i] as Buffer), path).toBe(0);
}
