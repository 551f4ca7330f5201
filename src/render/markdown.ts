import type { Contact, Entry, Inline, Metric, ResumeModel, Section } from '../model.js';
import { escapeMarkdown, inlineMarkdown, markdownHref } from './markdown-escape.js';
import { loadTemplates } from './templates.js';
import { entryMeta, publicHeader, splitSections } from './view.js';

export interface MarkdownOptions {
  templatesDir?: string;
  /** Only these section ids, in the model's order (for a short profile README). */
  sections?: readonly string[];
}

export interface MarkdownResult {
  markdown: string;
  overridden: string[];
}

/**
 * The GitHub profile README. The template receives text already escaped for
 * Markdown (spans already turned into markup), so no template can print raw user text.
 */
export function renderMarkdown(model: ResumeModel, opts: MarkdownOptions = {}): MarkdownResult {
  // noEscape: Handlebars' HTML escaping would corrupt Markdown; escaping is done here, in code.
  const t = loadTemplates('markdown', {}, { strict: true, noEscape: true }, opts.templatesDir);
  const { body, cta } = splitSections(model);
  const wanted = opts.sections;
  const keep = (s: Section) => !wanted || wanted.includes(s.id);
  const pub = publicHeader(model);
  const h = model.header;
  const text = t.page({
    header: {
      name: md(h.name),
      label: md(h.label),
      tagline: inl(h.tagline),
      summary: inl(h.summary),
      contacts: [...pub.contacts.map(contact), ...(h.location ? [escapeMarkdown(h.location)] : []), ...pub.address.map(escapeMarkdown)].join(' · '),
    },
    sections: body.filter(keep).map(section),
    cta: cta && keep(cta) ? { title: md(cta.title), text: inl(cta.text) } : null,
  });
  // Templates are written for readability; collapse the blank lines their tags leave behind.
  const markdown = `${text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  return { markdown, overridden: t.overridden };
}

const md = (s: string | null) => (s === null ? null : escapeMarkdown(s));
const inl = (s: Inline | null) => (s === null ? null : inlineMarkdown(s));

function contact(c: Contact): string {
  return c.href ? `[${escapeMarkdown(c.text)}](${markdownHref(c.href)})` : escapeMarkdown(c.text);
}

function section(s: Section): Record<string, unknown> {
  const base = { id: s.id, title: md(s.title), intro: inl(s.intro), summary: inl(s.summary) };
  switch (s.kind) {
    case 'metrics':
      return { ...base, rows: metricRows(s.metrics) };
    case 'principles':
      return { ...base, principles: s.principles.map((p) => ({ number: p.number, title: md(p.title), summary: inl(p.summary) })) };
    case 'groups':
      return {
        ...base,
        groups: s.groups.map((g) => ({
          name: md(g.name), level: md(g.level),
          keywords: g.keywords.length ? g.keywords.map(escapeMarkdown).join(' · ') : null,
        })),
      };
    case 'entries':
      return { ...base, entries: s.entries.map(entry) };
    case 'cta':
      return { ...base, text: inl(s.text) };
  }
}

function entry(e: Entry): Record<string, unknown> {
  const meta = entryMeta(e).map(escapeMarkdown);
  return {
    title: md(e.title),
    subtitle: md(e.subtitle),
    category: md(e.category),
    meta: meta.length ? meta.join(' · ') : null,
    outcome: inl(e.outcome),
    summary: inl(e.summary),
    highlights: e.highlights.map(inlineMarkdown),
    metrics: e.metrics.length ? e.metrics.map((m) => `${escapeMarkdown(m.label)}: **${escapeMarkdown(m.value)}**`).join(' · ') : null,
    keywords: e.keywords.length ? e.keywords.map(escapeMarkdown).join(' · ') : null,
    url: e.url ? `[${escapeMarkdown(e.url.text)}](${markdownHref(e.url.href)})` : null,
  };
}

/** Metrics as a three-column grid table: each cell the bold figure over its label, like the page's cards. */
function metricRows(metrics: Metric[]): { cells: string[] }[] {
  const cols = Math.min(3, metrics.length);
  const rows: { cells: string[] }[] = [];
  for (let i = 0; i < metrics.length; i += cols) {
    const cells = metrics.slice(i, i + cols).map((m) => `**${escapeMarkdown(m.value)}**<br>${escapeMarkdown(m.label)}`);
    while (cells.length < cols) cells.push(' ');
    rows.push({ cells });
  }
  return rows;
}
