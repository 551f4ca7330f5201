import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../src/check/expected.js';
import { missingLeaves, sourceLeaves } from '../src/check/leaves.js';
import { sectionOrder } from '../src/model/normalise.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { checkCoverage } from '../src/render/pdf/coverage.js';
import { renderPdf } from '../src/render/pdf.js';
import { renderText } from '../src/render/text.js';
import { fixture, loadResume, pdfText, squash } from './helpers.js';

const { resume, model } = loadResume(fixture('custom-sections.yaml'));
const titles = model.sections.map((s) => s.title);

/** Section titles in the order a text shows them. */
const order = (text: string) =>
  titles
    .map((t) => [t, text.indexOf(t)] as const)
    .filter(([, i]) => i >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([t]) => t);
const htmlText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');

describe('model: source order, custom sections, extra lines', () => {
  it('keeps the order of the keys in the source, custom sections included', () => {
    expect(model.sections.map((s) => s.id)).toEqual([
      'education',
      'work',
      'projects',
      'selfPR',
      'strengths',
      'talks',
      'preferences',
      'skills',
      'interests',
    ]);
    expect(titles).toEqual([
      'Education',
      'Experience',
      'Projects',
      'Self PR',
      'Strengths',
      'Talks',
      'Preferences',
      'Skills',
      'Interests',
    ]);
  });

  it('folio.order still comes first', () => {
    expect(sectionOrder({ ...resume, folio: { order: ['skills'] } }).slice(0, 3)).toEqual([
      'skills',
      'education',
      'work',
    ]);
  });

  it('reads JSON Resume 0.x keys as their 1.0 names: the employer and the links are shown', () => {
    const work = model.sections.find((s) => s.id === 'work');
    expect(work?.kind === 'entries' && work.entries[0]?.subtitle).toBe('Lantern Labs');
    expect(model.header.contacts.map((c) => c.text)).toContain('aiko.example');
    const projects = model.sections.find((s) => s.id === 'projects');
    expect(projects?.kind === 'entries' && projects.entries[0]?.url?.href).toBe('https://beacon.example');
  });

  it('skills tags are categories when there are no variants', () => {
    const skills = model.sections.find((s) => s.id === 'skills');
    expect(skills?.kind === 'groups' && skills.groups[0]?.keywords).toEqual(['Go', 'infrastructure']);
  });
});

describe('every format shows every string of the source, in the source order', { timeout: 60_000 }, () => {
  const want = [
    'Calm under pressure',
    'Explains hard things simply',
    'Lighthouses at scale',
    'KansaiConf',
    'May 2023',
    '東京都内',
    'バックエンド',
    'Kubernetes, Go',
    'A lighthouse simulator.',
    'Races a dinghy.',
    'Lantern Labs',
    '3.9',
    'Kyoto',
  ];

  it('HTML', () => {
    const text = squash(htmlText(renderHtml(model).html));
    for (const w of want) expect(text).toContain(w);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    expect(order(text)).toEqual(titles);
  });

  it('Markdown', () => {
    const text = squash(renderMarkdown(model).markdown.replace(/\\/g, ''));
    for (const w of want) expect(text).toContain(w);
    expect(order(text)).toEqual(titles);
    expect(text).not.toMatch(/^### *$/m);
  });

  it('plain text', () => {
    const text = squash(renderText(model));
    for (const w of want) expect(text).toContain(w);
    expect(order(text)).toEqual(titles);
  });

  it('PDF, through PDF.js', async () => {
    // With the Noto fallbacks the text needs, as the build passes them (the Japanese rows).
    const { fallbacks } = checkCoverage(pdfLeaves(resume));
    const text = squash(
      await pdfText((await renderPdf(model, { date: new Date('2026-01-01T00:00:00Z'), fallbacks })).bytes),
    );
    for (const w of want) expect(text).toContain(w);
    expect(missingLeaves(pdfLeaves(resume), text).map((l) => l.text)).toEqual([]);
    expect(order(text)).toEqual(titles);
  });

  it('negative control: the leaves include the custom and extra strings, so a renderer dropping them fails', () => {
    const leaves = sourceLeaves(resume, { audience: 'private' }).map((l) => l.text);
    for (const w of [
      'Calm under pressure and careful with data.',
      'Explains hard things simply',
      'KansaiConf',
      '東京都内',
      'Kubernetes, Go',
      'infrastructure',
      'Races a dinghy.',
    ]) {
      expect(leaves).toContain(w);
    }
    expect(missingLeaves(sourceLeaves(resume, { audience: 'private' }), 'nothing here')).not.toEqual([]);
  });
});
