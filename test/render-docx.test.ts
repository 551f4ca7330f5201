import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { matchInOrder } from '../src/check/find-in-order.js';
import { plainText } from '../src/model/inline.js';
import type { ResumeModel } from '../src/model/model.js';
import { renderDocx } from '../src/render/docx.js';
import { example, fixture, loadResume } from './helpers.js';
import { describeDefault, itDefault, sweep } from './support/full.js';

const date = new Date('2024-05-06T07:08:09Z');
/** Mammoth knows Heading 1–6 by name; Title is mapped so the name's paragraph is visible as such. */
const styleMap = ["p[style-name='Title'] => h1.title:fresh"];

const html = async (bytes: Uint8Array) =>
  (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap })).value;
const rawText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const all = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => decode(m[1] ?? ''));
const raw = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1] ?? '');
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
const entries = (model: ResumeModel) => model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries : []));

describe('Word renderer read back by mammoth', { timeout: 60_000 }, () => {
  // npm test: the example, every script, and JSON Resume's shape; npm run test:full: the other fixtures.
  for (const name of sweep(
    [
      'resume.yaml',
      'unicode.yaml',
      'jsonresume-full.json',
      'portfolio-full.yaml',
      'tricky.yaml',
      'minimal.yaml',
      'folio-extensions.yaml',
    ],
    3,
  )) {
    it(`${name}: every string the PDF shows, in the PDF's order`, async () => {
      const { resume, model } = loadResume(name === 'resume.yaml' ? example : fixture(name));
      const text = await rawText(await renderDocx(model, { paper: 'A4', date }));
      const leaves = pdfLeaves(resume);
      const match = matchInOrder(leaves, [text]);
      expect(match.missing).toEqual([]);
      expect(match.outOfOrder).toEqual([]);
      expect(match.found.length).toBe(leaves.length);
      expect(leaves.length).toBeGreaterThan(1);
      // Inline markup is parsed, never typed; bullets are list items, not typed characters.
      expect(text).not.toMatch(/\*\*|•/);
    });
  }

  itDefault('negative control: the same check fails for a document built from another résumé', async () => {
    const other = loadResume(fixture('unicode.yaml'));
    const text = await rawText(await renderDocx(loadResume(example).model, { paper: 'A4', date }));
    const match = matchInOrder(pdfLeaves(other.resume), [text]);
    expect(match.missing.map((l) => l.text)).toContain('Zoë Łukasiewicz-Núñez');
  });

  itDefault(
    'has Word structure: the name as Title, sections as Heading 1, entries as Heading 2, highlights and principles as lists',
    async () => {
      const { model } = loadResume(example);
      const out = await html(await renderDocx(model, { paper: 'A4', date }));
      expect(all(out, /<h1 class="title">(.*?)<\/h1>/g)).toEqual([model.header.name]);
      const sections = model.sections.filter((s) => s.kind !== 'cta').map((s) => s.title);
      expect(all(out, /<h1>(.*?)<\/h1>/g)).toEqual(sections);
      expect(all(out, /<h2>(.*?)<\/h2>/g)).toEqual(
        entries(model).map((e) => [e.title, e.subtitle].filter(Boolean).join(' · ')),
      );
      // Bullets: one <li> per highlight, inside <ul>; principles: an ordered list.
      const bullets = raw(out, /<ul>(.*?)<\/ul>/gs).flatMap((ul) => all(ul, /<li>(.*?)<\/li>/g));
      expect(bullets).toEqual(entries(model).flatMap((e) => e.highlights.map(plainText)));
      const principles = model.sections.find((s) => s.kind === 'principles');
      expect(principles?.kind).toBe('principles');
      const numbered = raw(out, /<ol>(.*?)<\/ol>/gs).flatMap((ol) => all(ol, /<li>(.*?)<\/li>/g));
      expect(numbered.map((t) => t.split(' — ')[0])).toEqual(
        principles?.kind === 'principles' ? principles.principles.map((p) => p.title) : [],
      );
      // Dates and place on the line after their entry's heading.
      const job = entries(model).find((e) => e.dates);
      expect(out).toContain(`<h2>${job?.title}`);
      expect(out.slice(out.indexOf(`<h2>${job?.title}`)).match(/<\/h2><p>(.*?)<\/p>/)?.[1]).toContain(job?.dates);
    },
  );

  itDefault(
    'links are real hyperlinks with readable text; contacts (phone included) are in the header paragraph',
    async () => {
      const { model } = loadResume(example);
      const out = await html(await renderDocx(model, { paper: 'A4', date }));
      const links = [...out.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
      const contacts = model.header.contacts.filter((c) => c.href).map((c) => [c.href, c.text]);
      expect(contacts.length).toBeGreaterThanOrEqual(4);
      expect(links.slice(0, contacts.length)).toEqual(contacts);
      expect(links.map((l) => l[0])).toContain('tel:+15550100000');
      // All contacts in one paragraph, right under the headline block.
      const contactParagraph = out.match(/<p>(<a href="mailto:[\s\S]*?)<\/p>/)?.[1] ?? '';
      for (const c of model.header.contacts) expect(contactParagraph).toContain(c.text);
    },
  );

  itDefault('a project or entry URL and an inline [link](url) become hyperlinks too', async () => {
    const { model } = loadResume(fixture('jsonresume-full.json'));
    const out = await html(await renderDocx(model, { paper: 'A4', date }));
    const hrefs = [...out.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    for (const e of entries(model)) if (e.url) expect(hrefs).toContain(e.url.href);
    expect(hrefs.length).toBeGreaterThan(model.header.contacts.length);
  });

  itDefault('leaves emoji out as the PDF does', async () => {
    const { model } = loadResume(fixture('unicode.yaml'));
    const text = await rawText(await renderDocx(model, { paper: 'A4', date }));
    expect(JSON.stringify(model)).toMatch(/🚀/u);
    expect(text).not.toMatch(/\p{Extended_Pictographic}(?<![©®™↔])/u);
    expect(text).toContain('€84K to €31K');
  });
});

describeDefault('Word package', { timeout: 60_000 }, () => {
  it('is a well-formed OPC zip: content types, relationships, every XML part parses', async () => {
    const files = unzipSync(await renderDocx(loadResume(example).model, { paper: 'A4', date }));
    const names = Object.keys(files);
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    for (const part of [
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
    ]) {
      expect(names).toContain(part);
    }
    const errors: string[] = [];
    const parser = new DOMParser({
      errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
    });
    for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      const doc = parser.parseFromString(strFromU8(files[name] as Uint8Array), 'text/xml');
      expect(doc.documentElement, name).toBeTruthy();
    }
    expect(errors).toEqual([]);
    const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
    expect(types).toContain(
      '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" PartName="/word/document.xml"/>',
    );
    // Every relationship the document uses is declared.
    const doc = strFromU8(files['word/document.xml'] as Uint8Array);
    const rels = strFromU8(files['word/_rels/document.xml.rels'] as Uint8Array);
    for (const m of doc.matchAll(/r:id="([^"]+)"/g)) expect(rels).toContain(`Id="${m[1]}"`);
    // ATS-clean: no tables, text boxes, drawings, headers or footers.
    expect(doc).not.toMatch(/<w:tbl>|<w:txbxContent|<w:drawing|<w:headerReference|<w:footerReference/);
    expect(names.some((n) => /word\/(header|footer)\d*\.xml/.test(n))).toBe(false);
    // A real numbering definition behind the lists.
    const numbering = strFromU8(files['word/numbering.xml'] as Uint8Array);
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="decimalZero"\/>/);
  });

  it('takes the design tokens and the paper setting: accent colour, font with a fallback, sizes, A4 or letter', async () => {
    const { model } = loadResume(example);
    const a4 = unzipSync(await renderDocx(model, { paper: 'A4', date }));
    const letter = unzipSync(await renderDocx(model, { paper: 'letter', date }));
    expect(strFromU8(a4['word/document.xml'] as Uint8Array)).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(strFromU8(letter['word/document.xml'] as Uint8Array)).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    const styles = strFromU8(a4['word/styles.xml'] as Uint8Array);
    const heading1 = styles.match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/)?.[0] ?? '';
    expect(heading1).toMatch(/<w:color w:val="0F5E9C"\/>/);
    expect(heading1).toMatch(/<w:sz w:val="23"\/>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Inter"[\s\S]*<w:sz w:val="19"\/>/);
    expect(strFromU8(a4['word/fontTable.xml'] as Uint8Array)).toMatch(
      /<w:font w:name="Inter"><w:altName w:val="Arial"\/>[\s\S]*<w:family w:val="swiss"\/>/,
    );
  });

  it("follows the theme (folio.design): a serif's Word fallback, small-caps or barred section titles, a centred header, A5", async () => {
    const { model } = loadResume(example);
    const classic = {
      ...model,
      design: {
        ...model.design,
        font: 'Source Serif 4' as const,
        headings: 'smallcaps' as const,
        header: 'center' as const,
      },
    };
    const files = unzipSync(await renderDocx(classic, { paper: 'A5', date }));
    const styles = strFromU8(files['word/styles.xml'] as Uint8Array);
    expect(styles).toMatch(/<w:rFonts w:ascii="Source Serif 4" w:hAnsi="Source Serif 4"\/>/);
    expect(styles.match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/)?.[0]).toMatch(/<w:smallCaps\/>/);
    expect(styles.match(/<w:style [^>]*w:styleId="Title"[\s\S]*?<\/w:style>/)?.[0]).toMatch(/<w:jc w:val="center"\/>/);
    expect(strFromU8(files['word/fontTable.xml'] as Uint8Array)).toMatch(
      /<w:font w:name="Source Serif 4"><w:altName w:val="Cambria"\/>[\s\S]*<w:family w:val="roman"\/>/,
    );
    expect(strFromU8(files['word/document.xml'] as Uint8Array)).toMatch(/<w:pgSz w:w="8391" w:h="11906"/);
    const modern = { ...model, design: { ...model.design, headings: 'bar' as const } };
    const barred = strFromU8(
      unzipSync(await renderDocx(modern, { paper: 'A4', date }))['word/styles.xml'] as Uint8Array,
    );
    expect(barred.match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/)?.[0]).toMatch(
      /<w:left w:val="single"[^>]*w:sz="24"/,
    );
  });

  it('sets the document properties: title, author, subject, keywords, language, the given date', async () => {
    const { model } = loadResume(example);
    const files = unzipSync(await renderDocx(model, { paper: 'A4', date }));
    const core = strFromU8(files['docProps/core.xml'] as Uint8Array);
    expect(strFromU8(files['docProps/app.xml'] as Uint8Array)).toContain(
      '<Application>folio</Application></Properties>',
    );
    expect(core).toContain('<dc:title>Your Name — Backend engineer for high-throughput systems</dc:title>');
    expect(core).toContain('<dc:creator>Your Name</dc:creator>');
    expect(core).toContain(
      '<dc:subject>Résumé of Your Name: Backend engineer for high-throughput systems</dc:subject>',
    );
    expect(core).toMatch(/<cp:keywords>Backend, Java, [^<]*<\/cp:keywords>/);
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core.match(/<dcterms:(created|modified)[^>]*>([^<]*)</g)).toEqual([
      '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-06T07:08:09Z<',
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-06T07:08:09Z<',
    ]);
  });

  it('is byte-identical for the same model and date, in any time zone; another date changes it', async () => {
    const { model } = loadResume(example);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const a = await renderDocx(model, { paper: 'A4', date });
      process.env.TZ = 'Pacific/Chatham';
      const b = await renderDocx(model, { paper: 'A4', date });
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      const c = await renderDocx(model, { paper: 'A4', date: new Date('2025-01-01T00:00:00Z') });
      expect(Buffer.from(c).equals(Buffer.from(a))).toBe(false);
      // The zip entries carry the date (DOS time: 2-second steps, UTC fields): 2024-05-06 07:08:08.
      const dos = Buffer.from(a).readUInt32LE(10);
      expect([
        (dos >>> 25) + 1980,
        (dos >>> 21) & 15,
        (dos >>> 16) & 31,
        (dos >>> 11) & 31,
        (dos >>> 5) & 63,
        (dos & 31) * 2,
      ]).toEqual([2024, 5, 6, 7, 8, 8]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
