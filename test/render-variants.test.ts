import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { type Leaf, missingLeaves, pdfOmits, sourceLeaves, squash } from '../src/check/leaves.js';
import { normalise } from '../src/model/normalise.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderPdf } from '../src/render/pdf.js';
import { tailor } from '../src/tailor/variants.js';
import type { Resume } from '../src/validate/schema.js';
import { fixture, loadResume, pdfText } from './helpers.js';

const date = new Date('2026-01-01T00:00:00Z');
const { resume } = loadResume(fixture('variants.yaml'));

/** Visible text of an HTML page: no head, no tags, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=');
}

/** What a reader of the Markdown sees, through a GFM parser. */
function markdownText(md: string): string {
  return marked
    .parse(md, { gfm: true, async: false })
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The base résumé's leaves that the variant does not show: their text must be absent from its outputs. */
function cutLeaves(
  tailored: Resume,
  audience: 'private' | 'public',
  omit?: (p: readonly (string | number)[]) => boolean,
): Leaf[] {
  const kept = sourceLeaves(tailored, { audience, omit }).map((l) => squash(l.text));
  // A cut skill keyword ("Java") may still be written inside a kept bullet: only text no kept leaf contains counts.
  return sourceLeaves(resume, { audience, omit }).filter((l) => !kept.some((k) => k.includes(squash(l.text))));
}

const present = (leaves: Leaf[], text: string) =>
  leaves.filter((l) => squash(text).includes(squash(l.text))).map((l) => l.text);

/** Section headings in the order an output shows them. */
function headingOrder(text: string, titles: string[]): string[] {
  return titles
    .map((t) => [t, text.indexOf(t)] as const)
    .filter(([, i]) => i >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([t]) => t);
}

const TITLES: Record<string, string> = {
  work: 'Experience',
  skills: 'Skills',
  projects: 'Projects',
  education: 'Education',
  awards: 'Awards',
  references: 'References',
};

// The items each variant must show, and must not, named by their marker words.
const EXPECT: Record<string, { shows: string[]; hides: string[]; label: string; order: string[] }> = {
  backend: {
    shows: ['Zephyr checkout latency', 'Zephyr ledger migration', 'Numbat', 'Heron', 'Osprey'],
    hides: [
      'Zephyr fraud model',
      'Quokka',
      'Wombat',
      'Kestrel',
      'Ibis',
      'Pelican',
      'Albatross',
      'Cormorant',
      'PyTorch',
      'Flink',
    ],
    label: 'Backend engineer for payment systems',
    order: ['work', 'skills', 'projects'],
  },
  data: {
    shows: [
      'Quokka ingestion',
      'Quokka metrics through a gRPC',
      'Quokka churn forecaster',
      'Kestrel',
      'Ibis',
      'Osprey',
      'Pelican',
      'Numbat',
      'PyTorch',
    ],
    hides: ['Zephyr', 'Wombat', 'Heron', 'Albatross', 'Cormorant', 'PostgreSQL'],
    label: 'Data engineer for streaming analytics',
    order: ['projects', 'education', 'work', 'skills'],
  },
  lead: {
    shows: [
      'Zephyr fraud model',
      'Zephyr ledger',
      'Quokka churn',
      'Heron',
      'Kestrel',
      'Pelican',
      'Albatross',
      'Cormorant',
      'Numbat',
    ],
    hides: ['Wombat'],
    label: 'Engineering lead',
    // No sections of its own: the source's order (work before projects in variants.yaml).
    order: ['work', 'projects', 'education', 'skills', 'awards', 'references'],
  },
};

describe.each(Object.keys(EXPECT))('variant %s, in every format', (name) => {
  const t = tailor(resume, name);
  const model = normalise(t.resume);
  const want = EXPECT[name] as (typeof EXPECT)[string];
  const orderTitles = want.order.map((id) => TITLES[id] as string);

  it('PDF: every item it keeps, none it cuts, sections in its order, its overrides', async () => {
    const text = await pdfText((await renderPdf(model, { date })).bytes);
    expect(
      missingLeaves(sourceLeaves(t.resume, { audience: 'private', omit: pdfOmits }), text).map((l) => l.text),
    ).toEqual([]);
    expect(present(cutLeaves(t.resume, 'private', pdfOmits), text)).toEqual([]);
    for (const s of want.shows) expect(text).toContain(s);
    for (const s of want.hides) expect(text).not.toContain(s);
    expect(headingOrder(text, Object.values(TITLES))).toEqual(orderTitles);
    expect(text).toContain(want.label);
    if (name !== 'lead') expect(text).not.toContain('Software engineer');
  });

  it('HTML: every item it keeps, none it cuts, sections in its order, its overrides', () => {
    const text = htmlText(renderHtml(model).html);
    expect(missingLeaves(sourceLeaves(t.resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    expect(present(cutLeaves(t.resume, 'public'), text)).toEqual([]);
    for (const s of want.shows) expect(text).toContain(s);
    for (const s of want.hides) expect(text).not.toContain(s);
    expect(headingOrder(text, Object.values(TITLES))).toEqual(orderTitles);
    expect(text).toContain(want.label);
  });

  it('Markdown: every item it keeps, none it cuts, sections in its order, its overrides', () => {
    const text = markdownText(renderMarkdown(model).markdown);
    expect(missingLeaves(sourceLeaves(t.resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    expect(present(cutLeaves(t.resume, 'public'), text)).toEqual([]);
    for (const s of want.shows) expect(text).toContain(s);
    for (const s of want.hides) expect(text).not.toContain(s);
    expect(headingOrder(text, Object.values(TITLES))).toEqual(orderTitles);
    expect(text).toContain(want.label);
  });
});

describe('negative control', () => {
  it('the absence check fails when a cut item is shown after all', () => {
    const t = tailor(resume, 'backend');
    const leaky = normalise({ ...t.resume, work: [...(t.resume.work ?? []), ...(resume.work ?? []).slice(1, 2)] });
    const text = htmlText(renderHtml(leaky).html);
    expect(present(cutLeaves(t.resume, 'public'), text)).toContain(
      'Built the Quokka ingestion pipeline on Kafka and Flink for 2B events a day.',
    );
  });
});
