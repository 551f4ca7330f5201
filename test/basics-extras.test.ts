import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, readDocx } from '../src/check/docx-read.js';
import { pdfLeaves } from '../src/check/expected.js';
import { comparable } from '../src/check/find-in-order.js';
import { pdfkitPageTexts } from '../src/check/pdfkit-text.js';
import { checkSource, missingCount, notShown } from '../src/check/source-check.js';
import { plainText } from '../src/model/inline.js';
import type { ResumeModel } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { renderDocx } from '../src/render/docx.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { renderPdf } from '../src/render/pdf.js';
import { renderText } from '../src/render/text.js';
import { applyVariant } from '../src/tailor/variants.js';
import type { Resume } from '../src/validate/schema.js';
import { fixture, loadResume, pdfText, runCli, squash, tempDir } from './helpers.js';

const FILE = fixture('rirekisho-extras.yaml');
const { resume, model } = loadResume(FILE);
const date = new Date('2026-01-01T00:00:00Z');

const htmlText = (html: string) =>
  squash(
    html
      .replace(/<style>[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&'),
  );
/** The PDF's page texts as the build's self-check reads them (pdfkit's own text; null only for a foreign PDF). */
const pagesOf = (bytes: Buffer): string[] => {
  const pages = pdfkitPageTexts(bytes);
  if (!pages) throw new Error('not a PDF folio made');
  return pages;
};
const pdfOf = async (r: Resume, m: ResumeModel) =>
  (await renderPdf(m, { date, fallbacks: checkCoverage(pdfLeaves(r)).fallbacks })).bytes;
/** The model without the header's extra lines and the entries' extra bullets: what folio drew before. */
const withoutExtras = (m: ResumeModel): ResumeModel => ({
  ...m,
  header: { ...m.header, extras: [] },
  sections: m.sections.map((s) =>
    s.kind === 'entries'
      ? { ...s, entries: s.entries.map((e) => ({ ...e, highlights: e.highlights.filter((h) => !h[0]?.bold) })) }
      : s,
  ),
});

const ENV = 'Env: Os: Windows 7, Windows XP; Languages: JavaScript; Platforms: Excel, Internet Explorer 8';
const PUBLIC_EXTRAS = ['Name Furigana: Tanaka Hanako (reading)', 'Gender: female', 'Birth Date: 1990-05-15'];
const PRIVATE_EXTRAS = [
  'Furigana: Shibuya-ku Jingumae reading',
  'Alternate Contact: Address: 2-2-2 Nishi-Shinjuku; Phone: +81 3 9876 5432; City: Shinjuku',
];

describe('extra text on basics and mappings of lists on entries', () => {
  it('the model has them as extra lines, in source order, each marked with what it reveals', () => {
    expect(model.header.extras.map((e) => plainText(e.line))).toEqual([
      PUBLIC_EXTRAS[0],
      PRIVATE_EXTRAS[0],
      PUBLIC_EXTRAS[1],
      PUBLIC_EXTRAS[2],
      PRIVATE_EXTRAS[1],
    ]);
    expect(model.header.extras.map((e) => e.private)).toEqual([[], ['address'], [], [], ['address', 'phone']]);
    const project = model.sections.find((s) => s.id === 'projects');
    expect(project?.kind === 'entries' && project.entries[0]?.highlights.map(plainText)).toEqual([ENV]);
  });

  it('validate calls none of them unknown; true/false (shown nowhere) stays an unknown key', async () => {
    const dir = tempDir();
    copyFileSync(FILE, join(dir, 'cv.yaml'));
    const r = await runCli(['validate', 'cv.yaml'], dir);
    expect(r.status).toBe(0);
    for (const key of ['nameFurigana', 'furigana', 'gender', 'birthDate', 'alternateContact', 'env'])
      expect(r.stderr).not.toContain(`"${key}"`);
    expect(r.stderr).toMatch(/cv\.yaml:21:3: warning: basics\.featured: unknown key "featured"/);
    expect(r.stderr).toMatch(/cv\.yaml:36:5: warning: projects\[0\]\.featured: unknown key "featured"/);
  });

  it('the PDF shows every one, read back; the source check finds all in order and fails without them', async () => {
    const bytes = await pdfOf(resume, model);
    const text = squash(await pdfText(bytes));
    for (const line of [...PUBLIC_EXTRAS, ...PRIVATE_EXTRAS, ENV]) expect(text).toContain(line);
    const c = checkSource(resume, pagesOf(bytes));
    expect(missingCount(c)).toBe(0);
    expect(c.match.found.map((f) => f.leaf.path.join('.'))).toEqual(
      expect.arrayContaining(['basics.nameFurigana', 'basics.alternateContact.phone', 'projects.0.env.os']),
    );
    // Negative control: the PDF folio drew before (no extra lines) fails the same check, naming the fields.
    const before = checkSource(resume, pagesOf(await pdfOf(resume, withoutExtras(model))));
    expect(before.match.missing.map((l) => l.path.join('.'))).toEqual(
      expect.arrayContaining(['basics.nameFurigana', 'basics.location.furigana', 'projects.0.env.platforms']),
    );
  });

  it('the HTML page and the Markdown show the public ones, and the private ones only when published', () => {
    const published = normalise({ ...resume, folio: { ...resume.folio, public: { phone: true, address: true } } });
    for (const [m, want, not] of [
      [model, [...PUBLIC_EXTRAS, ENV], PRIVATE_EXTRAS],
      [published, [...PUBLIC_EXTRAS, ...PRIVATE_EXTRAS, ENV], []],
    ] as const) {
      const html = htmlText(renderHtml(m).html);
      const md = squash(renderMarkdown(m).markdown.replace(/\*\*/g, ''));
      for (const line of want) {
        expect(html).toContain(line);
        expect(md).toContain(line);
      }
      for (const line of not) {
        expect(html).not.toContain(line);
        expect(md).not.toContain(line);
      }
    }
    expect(htmlText(renderHtml(model).html)).not.toContain('9876');
  });

  it('the Word file and the text show every one; folio check on the .docx uses the source check', async () => {
    const text = docxText(readDocx(await renderDocx(model, { paper: 'A4', date })));
    for (const line of [...PUBLIC_EXTRAS, ...PRIVATE_EXTRAS, ENV]) expect(squash(text)).toContain(line);
    expect(missingCount(checkSource(resume, [text]))).toBe(0);
    const plain = squash(renderText(model));
    for (const line of [...PUBLIC_EXTRAS, ...PRIVATE_EXTRAS]) expect(plain).toContain(line);
    expect(plain).toContain('Os: Windows 7, Windows XP');
    // Negative control: the Word file without the extra lines misses them.
    const bare = docxText(readDocx(await renderDocx(withoutExtras(model), { paper: 'A4', date })));
    expect(checkSource(resume, [bare]).match.missing.map((l) => l.path.join('.'))).toContain('basics.gender');
  });

  it('validate --verbose lists each string not shown, with its line, outputs and reason', async () => {
    const dir = tempDir();
    copyFileSync(FILE, join(dir, 'cv.yaml'));
    const r = await runCli(['validate', 'cv.yaml', '--verbose'], dir);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['cv.yaml: valid (2 warnings)', 'not shown: 6 strings']);
    expect(lines).toContain(
      '  cv.yaml:4  meta.version  "v1.2.0"  every output: data about the file (its version, its tool), not about you',
    );
    expect(lines).toContain(
      '  cv.yaml:10  basics.phone  "+81 90 1234 5678"  HTML, Markdown: private on the public page (folio.public.phone: true shows it)',
    );
    expect(lines).toContain(
      '  cv.yaml:19  basics.alternateContact.phone  "+81 3 9876 5432"  HTML, Markdown: private on the public page (folio.public.address: true and folio.public.phone: true show it)',
    );
    // Shown everywhere: never listed.
    expect(r.stdout).not.toMatch(/nameFurigana|env\.|birthDate/);
    // The same definition as the check: what --verbose lists for the PDF is what checkSource counts as not shown.
    const pdfRows = notShown(resume).filter((n) => n.reasons.some((x) => x.outputs !== 'HTML, Markdown'));
    const check = checkSource(resume, pagesOf(await pdfOf(resume, model)));
    expect(pdfRows.filter((n) => n.path[0] !== 'meta').map((n) => n.path.join('.'))).toEqual(
      [...check.byDesign, ...check.dropped].map((u) => u.path.join('.')),
    );
  });

  it('a key folio shows nowhere is listed as missing by --verbose (negative control)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), 'basics:\n  name: Ada\nwork:\n  - name: Acme\n    team: [{lead: Grace}]\n');
    const r = await runCli(['validate', 'cv.yaml', '--verbose'], dir);
    expect(r.stdout).toContain(
      '  cv.yaml:5  work[0].team[0].lead  "Grace"  every output: MISSING: folio shows this key nowhere',
    );
  });

  it('the wave dash and the fullwidth tilde compare equal (one JIS character; CJK fonts give both one glyph)', () => {
    expect(comparable('1〜3 まで')).toBe(comparable('1～3 まで'));
    expect(comparable('1~3')).not.toBe(comparable('1～3'));
  });
});

describe('custom sections in folio.order and in variants', () => {
  it('folio.order places custom sections among folio’s own', () => {
    expect(model.sections.map((s) => s.id)).toEqual(['selfPR', 'work', 'projects', 'strengths']);
  });

  it("a variant's sections pick custom sections and leave out the others; each format shows that", async () => {
    const short = normalise(applyVariant(resume, 'short'));
    expect(short.sections.map((s) => s.title)).toEqual(['Strengths', 'Projects']);
    const plain = normalise(applyVariant(resume, 'plain'));
    expect(plain.sections.map((s) => s.id)).toEqual(['work', 'projects']);
    const md = renderMarkdown(short).markdown;
    expect(md).toMatch(/## Strengths\n\nReads the whole stack trace[\s\S]*## Projects/);
    expect(md).not.toContain('I keep systems calm');
    expect(htmlText(renderHtml(short).html)).toContain('Writes the runbook first');
    expect(htmlText(renderHtml(plain).html)).not.toContain('Writes the runbook first');
    const docx = docxText(readDocx(await renderDocx(short, { paper: 'A4', date })));
    expect(docx).toContain('Reads the whole stack trace');
    expect(docx).not.toContain('Backend Engineer');
  });

  it('an unknown id in folio.order or a variant is a located error with a suggestion', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'cv.yaml'),
      [
        'basics:',
        '  name: Ada',
        'strengths:',
        '  - Calm',
        'folio:',
        '  order: [strenghts]',
        'variants:',
        '  short:',
        '    sections: [wrok, strengths]',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', 'cv.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'cv.yaml:6:11: error: folio.order[0]: unknown section "strenghts" (did you mean "strengths"?); the sections of this résumé are strengths',
    );
    expect(r.stderr).toContain(
      'cv.yaml:9:16: error: variants.short.sections[0]: unknown section "wrok" (did you mean "work"?)',
    );
    expect(r.stderr).not.toMatch(/has no content/);
    expect(r.stdout).toBe('');
  });
});

describe('folio import reads a RenderCV nested bullet as YAML does', () => {
  const rendercv = [
    'cv:',
    '  name: Ada Lovelace',
    '  sections:',
    '    experience:',
    '      - company: Analytical Engines',
    '        position: Engineer',
    '        start_date: 2020-01',
    '        highlights:',
    '          - Published research',
    '            - ICML 2022 paper',
    'design:',
    '  theme: classic',
    '',
  ].join('\n');

  it('as more text of the bullet above, and the result builds; a folio file keeps the slip error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), rendercv);
    const r = await runCli(['import', 'cv.yaml', '-o', 'resume.yaml'], dir);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const v = await runCli(['validate', 'resume.yaml'], dir);
    expect(v.status).toBe(0);
    const { resume: imported } = loadResume(join(dir, 'resume.yaml'));
    expect(imported.work?.[0]?.highlights).toEqual(['Published research - ICML 2022 paper']);
    // Negative control: the same indentation in a folio file is still refused as a slip.
    writeFileSync(
      join(dir, 'slip.yaml'),
      'basics:\n  name: Ada\nwork:\n  - name: Acme\n    highlights:\n      - One\n        - Two\n',
    );
    const slip = await runCli(['validate', 'slip.yaml'], dir);
    expect(slip.status).toBe(1);
    expect(slip.stderr).toMatch(
      /slip\.yaml:7:9: error: indentation: .*as written, YAML reads it as more text of the item above/,
    );
  });
});
