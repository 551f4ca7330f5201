// Themes and design settings: resolution, validation, and every theme's PDF read back by real extractors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { matchInOrder } from '../src/check/find-in-order.js';
import { pdfkitPageTexts } from '../src/check/pdfkit-text.js';
import { resolveDesign, THEME_NAMES, type ThemeName } from '../src/model/design.js';
import type { ResumeModel } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { buildPdf } from '../src/pipeline/pdf-build.js';
import { renderHtml } from '../src/render/html.js';
import { designCss } from '../src/render/html-design.js';
import { renderPngPages } from '../src/render/png.js';
import { UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { cataloguePattern, escapeRe, example, fixture, pdfText, squash } from './helpers.js';
import { describeDefault, FULL, itDefault, itFull, sweep } from './support/full.js';

const date = new Date('2026-01-01T00:00:00Z');

function loaded(path: string, text = readFileSync(path, 'utf8')) {
  const src = parseSource(text, path);
  const { resume } = validate(src, { today: new Date('2026-12-01') });
  return { src, resume };
}

/** The PDF as a build makes it (coverage, fallbacks, self-check) in a theme. */
async function themedPdf(path: string, theme: ThemeName) {
  const { src, resume } = loaded(path);
  const model = normalise(resume, { theme });
  const pdf = await buildPdf(src, resume, model, { paper: 'A4', maxPages: null, date, selfCheck: true });
  return { resume, model, ...pdf };
}

const pdfs = new Map<string, ReturnType<typeof themedPdf>>();
/** themedPdf, rendered once per file: several tests read the same theme's PDF. */
function themedPdfOnce(path: string, theme: ThemeName): ReturnType<typeof themedPdf> {
  const key = `${theme} ${path}`;
  const pdf = pdfs.get(key) ?? themedPdf(path, theme);
  pdfs.set(key, pdf);
  return pdf;
}

let again: ReturnType<typeof themedPdf> | undefined;
/**
 * The classic example rendered a second time, apart from themedPdfOnce's: the determinism test and the page
 * images' negative control both compare it with the first rendering, so it is made once.
 */
const classicAgain = (): ReturnType<typeof themedPdf> => (again ??= themedPdf(example, 'classic'));

/**
 * The text without the running footer of pages 2 onwards (the name, then "page 2 of 3"), as the self-check reads
 * it, and how many footers it took out.
 */
function withoutFooters(text: string, model: ResumeModel): { text: string; footers: number } {
  const page = cataloguePattern(model.words.page);
  const name = model.header.name ? `(?:${escapeRe(model.header.name)}\\s*)?` : '';
  const footer = new RegExp(`${name}${page}`, 'g');
  return { text: text.replace(footer, ' '), footers: (text.match(footer) ?? []).length };
}

function pdftotext(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'folio-theme-')), 'cv.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describeDefault('model: resolveDesign', () => {
  it('gives the default theme when nothing is set, and the theme named otherwise', () => {
    expect(resolveDesign(undefined)).toMatchObject({
      theme: 'default',
      font: 'Inter',
      fontSize: 9.5,
      margins: 42,
      paper: 'A4',
    });
    expect(resolveDesign({ design: { theme: 'classic' } })).toMatchObject({
      theme: 'classic',
      font: 'Source Serif 4',
      header: 'center',
      headings: 'smallcaps',
    });
  });

  it('puts the owner settings over the theme, and --theme over folio.design.theme', () => {
    const d = resolveDesign(
      { design: { theme: 'classic', font: 'Inter', colors: { accent: '#7c2d12' }, margins: '20mm' } },
      'compact',
    );
    expect(d.theme).toBe('compact');
    expect(d.font).toBe('Inter');
    expect(d.colors.accent).toBe('#7c2d12');
    expect(d.colors.text).toBe('#111827'); // the compact theme's own
    expect(d.margins).toBeCloseTo(56.69, 2);
  });

  it('reads margins in pt, mm, cm and in, and keeps folio.paper as the older spelling of design.paper', () => {
    expect(resolveDesign({ design: { margins: '0.5in' } }).margins).toBe(36);
    expect(resolveDesign({ design: { margins: '2cm' } }).margins).toBeCloseTo(56.69, 2);
    expect(resolveDesign({ design: { margins: 30 } }).margins).toBe(30);
    expect(resolveDesign({ paper: 'letter' }).paper).toBe('letter');
    expect(resolveDesign({ paper: 'letter', design: { paper: 'A5' } }).paper).toBe('A5');
  });

  it('every theme differs from every other in at least three settings (not colour alone)', () => {
    const layout = (t: ThemeName) => {
      const { colors: _c, theme: _t, ...rest } = resolveDesign(undefined, t);
      return rest as Record<string, unknown>;
    };
    for (const a of THEME_NAMES) {
      for (const b of THEME_NAMES) {
        if (a >= b) continue;
        const diff = Object.keys(layout(a)).filter((k) => layout(a)[k] !== layout(b)[k]);
        expect(diff.length, `${a} vs ${b}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describeDefault('render: --fit starts from the theme', () => {
  it("tightens from the theme's own size and line height, never loosening a theme already below a floor", async () => {
    const { fitLadder } = await import('../src/render/fit.js');
    const compact = resolveDesign(undefined, 'compact');
    const ladder = fitLadder(compact);
    expect(ladder[0]).toEqual({ spacing: 0.85, lineHeight: 1.25, body: 9 });
    expect(ladder.every((s) => s.body <= 9 && s.lineHeight <= 1.25)).toBe(true);
    expect(ladder.at(-1)?.body).toBe(8.5);
    const classic = fitLadder(resolveDesign(undefined, 'classic'));
    expect(classic[0]).toEqual({ spacing: 0.85, lineHeight: 1.35, body: 10.5 });
  });
});

describeDefault('validate: folio.design', () => {
  const bad = `basics: { name: A }
folio:
  design:
    theme: clasic
    font: Comic Sans
    fontSize: 40
    margins: 2mm
    colors: { accent: blue }
    headngs: bar
`;
  it('reports every bad value at its line and column, with what is expected', () => {
    const src = parseSource(bad, 'cv.yaml');
    let err: unknown;
    try {
      validate(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const list = (err as UserError).diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.path}: ${d.message}`);
    expect(list).toEqual([
      expect.stringMatching(
        /^4:12 error folio\.design\.theme: expected one of: default, classic, compact, modern, minimal/,
      ),
      expect.stringMatching(/^5:11 error folio\.design\.font: expected one of: Inter, Source Serif 4, IBM Plex Sans/),
      expect.stringMatching(/^6:15 error folio\.design\.fontSize: /),
      expect.stringMatching(
        /^7:14 error folio\.design\.margins: a margin of 2mm \(5\.67 pt\) is outside 5 mm to 50 mm/,
      ),
      expect.stringMatching(/^8:23 error folio\.design\.colors\.accent: expected a colour like #0f5e9c \(got "blue"\)/),
      expect.stringMatching(/^9:5 warning folio\.design\.headngs: unknown key "headngs" \(did you mean "headings"\?\)/),
    ]);
  });

  it('accepts a good design, and a variant may set its own (negative control for the test above)', () => {
    const ok = `basics: { name: A }
work: [{ name: Acme, position: Dev, startDate: 2020-01, tags: [x] }]
folio: { design: { theme: modern, margins: 18mm, colors: { accent: "#7c2d12" } } }
variants:
  short: { include: [x], folio: { design: { theme: compact } } }
`;
    expect(() => validate(parseSource(ok, 'cv.yaml'))).not.toThrow();
    const badVariant = ok.replace('theme: compact', 'margins: 80mm');
    expect(() => validate(parseSource(badVariant, 'cv.yaml'))).toThrow(UserError);
  });
});

// Every theme over every résumé fixture (test/fixtures/*.yaml and *.json: long entries, a bare minimum, JSON Resume,
// custom sections, a rirekisho, long URLs and words …). npm test reads two (a serif theme on the example, a sans one
// on Unicode text), npm run test:full the others.
const SOURCES = [
  example,
  fixture('unicode.yaml'),
  ...readdirSync(fixture('.'))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'unicode.yaml')
    .sort()
    .map((f) => fixture(f)),
];
// npm test reads back the first (another family than the default's, and every fallback font); test:full the rest.
const READ_BACK: [ThemeName, string][] = [
  ['modern', fixture('unicode.yaml')],
  ['classic', example],
  ...THEME_NAMES.flatMap((t) => SOURCES.map((p): [ThemeName, string] => [t, p])).filter(
    ([t, p]) => !(t === 'classic' && p === example) && !(t === 'modern' && p === fixture('unicode.yaml')),
  ),
];

describe('render: every theme reads back in order', () => {
  for (const [theme, path] of sweep(READ_BACK)) {
    const name = `${theme}: ${path.split('/').pop()}`;
    it(`${name}: the self-check, pdftotext and pdf-parse find every string in order`, async () => {
      const built = await themedPdfOnce(path, theme);
      // The build's own self-check: no string missing or out of order.
      expect(built.warnings.filter((w) => /missing|out of order/.test(w.message))).toEqual([]);
      const leaves = pdfLeaves(built.resume);
      // Not vacuous: the least résumé has a name and an email, long-url-bullet.yaml nine strings, the others more.
      expect(leaves.length).toBeGreaterThan(path.endsWith('minimal.yaml') ? 1 : 5);
      for (const text of [pdftotext(built.bytes), await pdfText(built.bytes)]) {
        // A long bullet may break across pages (pdf-breaks.test.ts): the running footer then reads inside it.
        const body = withoutFooters(text, built.model);
        // A control: the footer pattern matches, once a page after the first.
        expect(body.footers).toBe(built.pages - 1);
        const m = matchInOrder(leaves, [squash(body.text)], { ignoreSpaces: true });
        expect(m.missing.map((l) => l.text)).toEqual([]);
        expect(m.outOfOrder.map((l) => l.text)).toEqual([]);
      }
    });
  }

  // test:full only: its two PDFs are cases of the sweep above, which test:full renders anyway (themedPdfOnce).
  itFull('never draws a hyphen where a style changes inside a word, nor ends a URL line in one', async () => {
    // minimal's centred summary of tricky.yaml broke "**inside bold**," between the bold run and the comma
    // and drew "bold-"; compact broke a URL after "at-", which pdftotext reads back as "atall".
    const tricky = await themedPdfOnce(fixture('tricky.yaml'), 'minimal');
    const quick = squash((pdfkitPageTexts(tricky.bytes) ?? []).join(' '));
    expect(quick).toContain('inside bold , plus');
    expect(quick).not.toContain('bold-');
    const full = await themedPdfOnce(fixture('portfolio-full.yaml'), 'compact');
    const lines = pdftotext(full.bytes).split('\n');
    expect(lines.some((l) => l.includes('zoe.example.org/a-very-long-path'))).toBe(true);
    expect(lines.filter((l) => /\/[\w-]*-$/.test(l))).toEqual([]);
  });

  itDefault('embeds each face once: four faces of the theme font, never re-embedded per run', async () => {
    const { bytes } = await themedPdfOnce(example, 'classic');
    const faces = [...bytes.toString('latin1').matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([^\s/>]+)/g)].map((m) => m[2]);
    const unique = new Set(faces);
    expect([...unique].every((f) => f?.startsWith('SourceSerif4'))).toBe(true);
    // Type0 + CIDFont dictionaries name each face twice; a re-embedded face would appear more often.
    for (const f of unique) expect(faces.filter((x) => x === f).length).toBeLessThanOrEqual(2);
  });

  itDefault('is byte-identical for the same input', async () => {
    const a = await themedPdfOnce(example, 'classic');
    const b = await classicAgain();
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
  });

  // A record of why no theme sets `dates: right` (a PDF of its own and a pdfminer run): test:full.
  itFull(
    'dates: right reads title, dates, location in order in pdftotext, but not in pdfminer: no theme sets it',
    async () => {
      const { src, resume } = loaded(example);
      const model = normalise(resume);
      const bytes = (
        await buildPdf(
          src,
          resume,
          { ...model, design: { ...model.design, dates: 'right' } },
          { paper: 'A4', maxPages: null, date, selfCheck: true },
        )
      ).bytes;
      const text = pdftotext(bytes);
      const at = (s: string) => text.indexOf(s);
      expect(at('Senior Backend Engineer · Example Ad-Tech Co.')).toBeGreaterThan(0);
      expect(at('Jan 2021 – Present')).toBeGreaterThan(at('Senior Backend Engineer · Example Ad-Tech Co.'));
      expect(at('Bengaluru, India')).toBeGreaterThan(at('Jan 2021 – Present'));
      // The evidence behind every theme's `dates: inline` (issue 13: "dates right only if extraction keeps
      // them next to their entry"): pdfminer reads the right-hand date as a line of its own, after the
      // entry's location and its summary. Should a pdfminer release read it in place, this fails: then
      // reconsider `right` for compact.
      const file = join(mkdtempSync(join(tmpdir(), 'folio-theme-')), 'cv.pdf');
      writeFileSync(file, bytes);
      const miner = execFileSync('pdf2txt', [file], { encoding: 'utf8' });
      expect(miner.indexOf('Jan 2021 – Present')).toBeGreaterThan(miner.indexOf('Backend engineer on the ad-serving'));
      expect(miner.indexOf('Backend engineer on the ad-serving')).toBeGreaterThan(miner.indexOf('Bengaluru, India'));
      expect(THEME_NAMES.filter((t) => resolveDesign(undefined, t).dates === 'right')).toEqual([]);
    },
  );

  itDefault('a letter the theme font lacks is drawn by Inter, and the build names it', async () => {
    // U+0192 ƒ (Latin small f with hook) is in Inter; IBM Plex Sans lacks a handful of such letters: find one.
    const fontkit = await import('fontkit');
    const { createRequire } = await import('node:module');
    const req = createRequire(import.meta.url);
    const plex = fontkit.openSync(
      req.resolve('@expo-google-fonts/ibm-plex-sans/400Regular/IBMPlexSans_400Regular.ttf'),
    );
    const inter = fontkit.openSync(req.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'));
    let cp = 0x100;
    while (
      cp < 0x2000 &&
      (plex.hasGlyphForCodePoint(cp) || !inter.hasGlyphForCodePoint(cp) || !/\p{L}/u.test(String.fromCodePoint(cp)))
    )
      cp++;
    expect(cp).toBeLessThan(0x2000);
    const ch = String.fromCodePoint(cp);
    const text = `basics: { name: "Ana ${ch}x" }\nfolio: { design: { theme: modern } }\n`;
    const src = parseSource(text, 'cv.yaml');
    const { resume } = validate(src);
    const pdf = await buildPdf(src, resume, normalise(resume), { paper: 'A4', maxPages: null, date, selfCheck: true });
    const warning = pdf.warnings.find((w) => w.message.includes('is not in the font IBM Plex Sans'));
    expect(warning?.message).toContain(`"${ch}"`);
    expect(warning?.line).toBe(1);
    expect(squash(pdftotext(pdf.bytes))).toContain(`Ana ${ch}x`);
  });
});

describe('render: page images', () => {
  /** Page 1 of a PDF in grey at 30 dpi, as bytes of luminance. */
  async function grey(pdf: Uint8Array): Promise<{ w: number; h: number; px: Uint8Array }> {
    const [page] = await renderPngPages(pdf, 30, [1]);
    if (!page) throw new Error('no page image');
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const img = await loadImage(page.png);
    const c = createCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
    const px = new Uint8Array(img.width * img.height);
    for (let i = 0; i < px.length; i++)
      px[i] = Math.round(0.299 * (rgba[4 * i] ?? 0) + 0.587 * (rgba[4 * i + 1] ?? 0) + 0.114 * (rgba[4 * i + 2] ?? 0));
    return { w: img.width, h: img.height, px };
  }
  const meanDiff = (a: Uint8Array, b: Uint8Array) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    return sum / a.length;
  };

  // npm test compares two themes, npm run test:full every pair.
  const themes: ThemeName[] = FULL ? THEME_NAMES : ['classic', 'modern'];
  it('themes differ visibly from each other (layout and type, in grey), no page is blank', async () => {
    const pages = new Map<ThemeName, Uint8Array>();
    for (const theme of themes) {
      const { bytes } = await themedPdfOnce(example, theme);
      const g = await grey(bytes);
      expect(g.w).toBe(248); // A4 at 30 dpi: 595 pt × 30/72
      // Not blank: a good share of the page is ink.
      const dark = g.px.filter((v) => v < 200).length / g.px.length;
      expect(dark, theme).toBeGreaterThan(0.02);
      pages.set(theme, g.px);
    }
    for (const a of themes) {
      for (const b of themes) {
        if (a >= b) continue;
        expect(meanDiff(pages.get(a) as Uint8Array, pages.get(b) as Uint8Array), `${a} vs ${b}`).toBeGreaterThanOrEqual(
          4,
        );
      }
    }
    // Negative control: the same theme rendered twice does not differ at all.
    const twice = await grey((await classicAgain()).bytes);
    expect(meanDiff(twice.px, pages.get('classic') as Uint8Array)).toBe(0);
  });
});

describeDefault('render: the HTML page takes the design', () => {
  it('adds nothing for the default theme, and the accent, serif stack and small caps for classic', () => {
    const { resume } = loaded(example);
    expect(designCss(normalise(resume).design)).toBe('');
    const html = renderHtml(normalise(resume, { theme: 'classic' })).html;
    expect(html).toContain('--accent: #1f2a44;');
    expect(html).toMatch(/--font: "Iowan Old Style"[^;]*serif;/);
    expect(html).toContain('font-variant-caps: small-caps');
    expect(html).not.toMatch(/text-transform\s*:/);
  });
});

describeDefault('check: the quick PDF reader', () => {
  it('decodes a ligature ToUnicode entry written with spaces (<0066 0069>), and the glyphs after it', async () => {
    const { bytes } = await themedPdfOnce(example, 'modern');
    const text = (pdfkitPageTexts(bytes) ?? []).join('');
    expect(text).toContain('traffic');
    expect(text).toContain('flows without hurting');
  });
});
