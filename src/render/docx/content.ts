import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  type ParagraphChild,
  TabStopType,
  TextRun,
} from 'docx';
import type { Entry, Header, Inline, Metric, ResumeModel, Section } from '../../model/model.js';
import { isSafeHref } from '../../validate/links.js';
import { LIST, STYLE } from './styles.js';

const SEPARATOR = '  ·  ';
/** Where a skill group's keywords start: the PDF's name column (110 pt), as a hanging indent, not a table. */
const GROUP_COLUMN = 2200;

type Child = ParagraphChild;

/** Colours set directly on runs, as Word hex (no #); the rest come from the styles (styles.ts). */
export interface RunColors {
  accent: string;
  muted: string;
  ink: string;
}

/**
 * The CV as Word paragraphs, in the PDF's order: the header (name as Title,
 * headline, tagline, contacts, facts, summary), then each section with its
 * title as Heading 1 and each entry's title as Heading 2. Highlights and
 * principles are real Word lists; links are real hyperlinks. No tables, text
 * boxes, headers or footers: ATS parsers read those poorly or not at all.
 */
export function docxParagraphs(model: ResumeModel, c: RunColors, center: boolean): Paragraph[] {
  return [...header(model.header, c, center), ...model.sections.flatMap((s) => section(s, c))];
}

function header(h: Header, c: RunColors, center: boolean): Paragraph[] {
  // A centred header (the classic theme) centres the lines under the name too.
  const alignment = center ? AlignmentType.CENTER : undefined;
  const out: Paragraph[] = [];
  if (h.name) out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(h.name)] }));
  if (h.label) out.push(new Paragraph({ style: STYLE.subtitle, children: [new TextRun(h.label)] }));
  if (h.tagline)
    out.push(
      new Paragraph({
        alignment,
        spacing: { before: 80 },
        children: inline(h.tagline, { italics: true, color: c.muted }),
      }),
    );
  // Contacts (phone included: the Word file goes to employers, like the PDF) in one flowing paragraph.
  if (h.contacts.length) {
    const runs: Child[] = [];
    h.contacts.forEach((k, i) => {
      if (i) runs.push(new TextRun(SEPARATOR));
      runs.push(k.href ? link(k.href, k.text) : new TextRun(k.text));
    });
    out.push(new Paragraph({ style: STYLE.small, alignment, spacing: { before: 120 }, children: runs }));
  }
  const facts = [h.location, ...h.address, h.availability].filter((s): s is string => Boolean(s));
  if (facts.length)
    out.push(new Paragraph({ style: STYLE.small, alignment, children: [new TextRun(facts.join(SEPARATOR))] }));
  // Fields of basics folio has no slot for, one paragraph each (the Word file goes to employers, like the PDF).
  for (const e of h.extras) out.push(new Paragraph({ style: STYLE.small, alignment, children: inline(e.line) }));
  if (h.summary) out.push(new Paragraph({ spacing: { before: 160 }, children: inline(h.summary) }));
  return out;
}

function section(s: Section, c: RunColors): Paragraph[] {
  // The call to action closes the HTML page; the PDF (and so the Word file) leaves it out.
  if (s.kind === 'cta') return [];
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.title)] });
  switch (s.kind) {
    case 'metrics':
      return [heading, new Paragraph({ children: metricRuns(s.metrics, '   ·   ', c, c.muted) })];
    case 'entries':
      return [heading, ...s.entries.flatMap((e) => entry(e, c))];
    case 'groups':
      if (s.groups.every((g) => g.keywords.length === 0)) {
        const runs: Child[] = [];
        s.groups.forEach((g, i) => {
          if (i) runs.push(new TextRun('   ·   '));
          runs.push(new TextRun({ text: g.name ?? '', bold: true }));
          if (g.level) runs.push(new TextRun(` (${g.level})`));
        });
        return [heading, new Paragraph({ children: runs })];
      }
      return [
        heading,
        ...s.groups.map(
          (g) =>
            new Paragraph({
              keepLines: true,
              spacing: { after: 40 },
              indent: { left: GROUP_COLUMN, hanging: GROUP_COLUMN },
              tabStops: [{ type: TabStopType.LEFT, position: GROUP_COLUMN }],
              children: [
                new TextRun({ text: [g.name, g.level].filter(Boolean).join(' · '), bold: true }),
                new TextRun(`\t${g.keywords.join(', ')}`),
              ],
            }),
        ),
      ];
    case 'principles':
      return [
        heading,
        ...s.principles.map(
          (p) =>
            new Paragraph({
              style: STYLE.listNumber,
              numbering: { reference: LIST.numbers, level: 0 },
              children: [
                new TextRun({ text: p.title, bold: true }),
                ...(p.summary ? [new TextRun(' — '), ...inline(p.summary)] : []),
              ],
            }),
        ),
      ];
  }
}

/** A job, degree or story: title line (Heading 2), its dates and place on the next line, then the body. */
function entry(e: Entry, c: RunColors): Paragraph[] {
  const out: Paragraph[] = [];
  if (e.category)
    out.push(
      new Paragraph({
        style: STYLE.small,
        keepNext: true,
        spacing: { before: 140 },
        children: [new TextRun({ text: e.category, bold: true, color: c.accent })],
      }),
    );
  // An entry without a title is headed by its subtitle; one with neither gets no empty heading in Word's navigation
  // pane.
  const title: Child[] = [];
  if (e.title) title.push(new TextRun(e.title));
  if (e.headingRest) title.push(new TextRun({ text: e.headingRest, bold: false, color: c.muted }));
  if (title.length)
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: e.category ? { before: 0 } : undefined,
        children: title,
      }),
    );
  const meta = e.meta;
  const body: Paragraph[] = [];
  if (e.outcome) body.push(new Paragraph({ spacing: { before: 40 }, children: inline(e.outcome, { bold: true }) }));
  if (e.summary) body.push(new Paragraph({ spacing: { before: 40 }, children: inline(e.summary) }));
  for (const h of e.highlights) {
    body.push(
      new Paragraph({ style: STYLE.listBullet, numbering: { reference: LIST.bullets, level: 0 }, children: inline(h) }),
    );
  }
  if (e.metrics.length)
    body.push(
      new Paragraph({ style: STYLE.small, spacing: { before: 60 }, children: metricRuns(e.metrics, '  ·  ', c) }),
    );
  if (e.keywords.length)
    body.push(
      new Paragraph({ style: STYLE.small, spacing: { before: 60 }, children: [new TextRun(e.keywords.join(', '))] }),
    );
  if (e.url)
    body.push(new Paragraph({ style: STYLE.small, spacing: { before: 60 }, children: [link(e.url.href, e.url.text)] }));
  // The dates and place stay with their entry: on the line under its title, kept with what follows.
  if (meta.length)
    out.push(
      new Paragraph({ style: STYLE.small, keepNext: body.length > 0, children: [new TextRun(meta.join(' · '))] }),
    );
  return [...out, ...body];
}

/** "label value" pairs in one flowing line, the value bold (as the PDF's MetricLine). */
function metricRuns(metrics: readonly Metric[], gap: string, c: RunColors, color?: string): Child[] {
  return metrics.flatMap((m, i) => [
    ...(i ? [new TextRun({ text: gap, color })] : []),
    new TextRun({ text: `${m.label} `, color }),
    new TextRun({ text: m.value, bold: true, color: c.ink }),
  ]);
}

interface RunLook {
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

/**
 * Spans as runs: bold and italic kept, code as plain text (as in the PDF), vetted links as hyperlinks; never literal
 * `**`.
 */
function inline(spans: Inline, look: RunLook = {}): Child[] {
  return spans.map((s) => {
    const run = {
      text: s.text,
      bold: s.bold || look.bold || undefined,
      italics: s.italic || look.italics || undefined,
      color: look.color,
    };
    if (s.href && isSafeHref(s.href)) return link(s.href, s.text, run);
    return new TextRun(run);
  });
}

function link(href: string, text: string, look: RunLook = {}): ExternalHyperlink {
  return new ExternalHyperlink({
    link: href,
    children: [new TextRun({ text, bold: look.bold, italics: look.italics, style: STYLE.hyperlink })],
  });
}
