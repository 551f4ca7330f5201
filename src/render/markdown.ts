import type { Span } from '../model/inline.js';
import type { Contact, Entry, Group, Inline, Metric, ResumeModel, Section, StackStyle } from '../model/model.js';
import { codeSpan, escapeMarkdown, inlineMarkdown, markdownHref } from './markdown-escape.js';
import { loadTemplates } from './templates.js';
import { tokens } from './tokens.js';
import { HEADER_ID, partialOf, publicHeader, splitSections } from './view.js';

export interface MarkdownOptions {
  templatesDir?: string;
  /** The folder a relative templatesDir is taken from. */
  cwd?: string;
  /**
   * Only these ids, in the model's order (for a short profile README): section ids,
   * plus `basics` for the header (name, headline, tagline, summary, contacts).
   */
  sections?: readonly string[];
  /**
   * Level of the block's top heading (the name), 1–5; sections one level below, entries two
   * (at most 6). 1 for a file of its own; a README's block sits under the page's own headings.
   */
  headingLevel?: number;
}

/**
 * The heading marks for a block whose top heading is at `level`: `#` for the name, `##` for sections, `###` for
 * entries.
 */
export function headingMarks(level = 1): { name: string; section: string; entry: string } {
  const mark = (n: number) => '#'.repeat(Math.min(6, Math.max(1, n)));
  return { name: mark(level), section: mark(level + 1), entry: mark(level + 2) };
}

export interface MarkdownResult {
  markdown: string;
  overridden: string[];
}

/**
 * What templates/markdown/page.hbs receives. Every string is Markdown already: user text escaped, inline markup
 * turned into Markdown, so a template prints fields as they are and no template can print raw user text.
 */
export interface MarkdownPage {
  /** Heading marks: `#` for the name, `##` for sections, `###` for entries (deeper under readme --heading-level). */
  headings: { name: string; section: string; entry: string };
  /** The header; null when readme --sections leaves it out. */
  header: MarkdownHeader | null;
  /** The sections in order, the call to action left out. */
  sections: MarkdownSection[];
  /** The call to action that closes the page, or null. */
  cta: MarkdownCta | null;
}

export interface MarkdownHeader {
  name: string | null;
  /** The headline, in bold. */
  label: string | null;
  tagline: string | null;
  summary: string | null;
  /**
   * The contacts the page may show, as links, then the location and (with folio.public) the address, joined by ` · `.
   */
  contacts: string | null;
  /**
   * Fields of basics folio has no slot for ("**Name Furigana:** …"), joined by ` · `; private ones only with
   * folio.public.
   */
  extras: string | null;
}

export interface MarkdownCta {
  title: string | null;
  text: string | null;
  /** The contact line, here when the header is left out (so it appears once). */
  contacts: string | null;
}

interface MarkdownSectionBase {
  /** A folio section id (`work`), or the YAML key of a custom section. */
  id: string;
  /** The partial that draws it: the section id, or the kind (`entries`, `groups`) for a custom section. */
  partial: string;
  title: string | null;
  /** The section's intro (folio.sections.<id>.intro), in bold. */
  intro: string | null;
  summary: string | null;
}

/** A section, by kind: only the fields of its kind are present. */
export type MarkdownSection = MarkdownSectionBase &
  (
    | {
        /** One list item per figure: `label: **value**` (a metrics section). */
        metrics: string[];
      }
    | {
        /** A principles section's principles. */
        principles: MarkdownPrinciple[];
      }
    | {
        /** A skills, languages or interests section's lines (or a custom section's rows). */
        groups: MarkdownGroup[];
      }
    | {
        /** An entries section's entries. */
        entries: MarkdownEntry[];
      }
    | {
        /** The call to action's text. */
        text: string | null;
      }
  );

export interface MarkdownPrinciple {
  /** Number and title, in bold: `**01 · Design APIs around workflows**`. */
  heading: string;
  summary: string | null;
}

export interface MarkdownGroup {
  /** The whole line: `**Backend**: \`Java\` · \`Python\`` (the stack as folio.markdown.stack says). */
  line: string;
}

export interface MarkdownEntry {
  title: string | null;
  subtitle: string | null;
  /** `title · subtitle` (or whichever is present), as the entry's heading. */
  heading: string | null;
  /** Category, dates, location and details, joined by ` · `, in italics. */
  meta: string | null;
  /** The outcome, in bold. */
  outcome: string | null;
  summary: string | null;
  /** One Markdown line per bullet. */
  highlights: string[];
  /** The entry's figures, `label: **value**`, joined by ` · `. */
  metrics: string | null;
  keywords: string | null;
  /** The entry's link as a Markdown link: its short address as text. */
  url: string | null;
}

/**
 * The GitHub profile README. The template receives text already escaped for
 * Markdown (spans already turned into markup), so no template can print raw user text.
 */
export function renderMarkdown(model: ResumeModel, opts: MarkdownOptions = {}): MarkdownResult {
  // noEscape: Handlebars' HTML escaping would corrupt Markdown; escaping is done here, in code.
  const t = loadTemplates('markdown', {}, opts.templatesDir, opts.cwd);
  const text = t.page(markdownContext(model, opts));
  // Templates are written for readability; collapse the blank lines their tags leave behind.
  const doc = text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Right-to-left text: GitHub keeps the dir attribute of an HTML block; the blank lines let Markdown inside it be
  // Markdown.
  const markdown = model.dir === 'rtl' ? `<div dir="rtl">\n\n${doc}\n\n</div>\n` : `${doc}\n`;
  return { markdown, overridden: t.overridden };
}

/** What the page template receives (folio build --dump-model prints it). */
export function markdownContext(
  model: ResumeModel,
  opts: Pick<MarkdownOptions, 'sections' | 'headingLevel'> = {},
): MarkdownPage {
  const { body, cta } = splitSections(model);
  const wanted = opts.sections;
  const keep = (id: string) => !wanted || wanted.includes(id);
  const pub = publicHeader(model);
  const h = model.header;
  const contacts = [
    ...pub.contacts.map(contact),
    ...(h.location ? [escapeMarkdown(h.location)] : []),
    ...pub.address.map(escapeMarkdown),
  ].join(' · ');
  const showHeader = keep(HEADER_ID);
  return {
    headings: headingMarks(opts.headingLevel),
    header: showHeader
      ? {
          name: md(h.name),
          label: h.label ? styled(plain(h.label), 'bold') : null,
          tagline: inl(h.tagline),
          summary: inl(h.summary),
          contacts: contacts || null,
          // Fields of basics folio has no slot for ("Name Furigana: …"), one paragraph, after the contacts.
          extras: join(pub.extras.map((e) => inlineMarkdown(e.line))),
        }
      : null,
    sections: body.filter((s) => keep(s.id)).map((s) => section(s, model.markdown.stack)),
    // The contacts once: under the name, or after the call to action when the header is left out.
    cta:
      cta && keep(cta.id)
        ? { title: md(cta.title), text: inl(cta.text), contacts: showHeader ? null : contacts || null }
        : null,
  };
}

const md = (s: string | null) => (s === null ? null : escapeMarkdown(s));
const inl = (s: Inline | null) => (s === null ? null : inlineMarkdown(s));
const plain = (text: string): Span[] => [{ text, bold: false, italic: false, code: false, href: null }];
const join = (parts: string[]) => (parts.length ? parts.join(' · ') : null);

/** The whole text in bold or italic, the owner's own markup kept inside it. */
function styled(spans: Inline, style: 'bold' | 'italic'): string {
  return inlineMarkdown(spans.map((s) => ({ ...s, [style]: true })));
}

function contact(c: Contact): string {
  return c.href ? `[${escapeMarkdown(c.text)}](${markdownHref(c.href)})` : escapeMarkdown(c.text);
}

function section(s: Section, stack: StackStyle): MarkdownSection {
  const base = {
    id: s.id,
    partial: partialOf(s),
    title: md(s.title),
    intro: s.intro ? styled(s.intro, 'bold') : null,
    summary: inl(s.summary),
  };
  switch (s.kind) {
    case 'metrics':
      return { ...base, metrics: s.metrics.map(metricItem) };
    case 'principles':
      return {
        ...base,
        principles: s.principles.map((p) => ({
          heading: styled(plain(`${p.number} · ${p.title}`), 'bold'),
          summary: inl(p.summary),
        })),
      };
    case 'groups':
      // Only the stack (skills) takes the owner's code/plain/badges choice; interests and languages are words.
      return { ...base, groups: s.groups.map((g) => group(g, s.id === 'skills' ? stack : 'plain')) };
    case 'entries':
      return { ...base, entries: s.entries.map(entry) };
    case 'cta':
      return { ...base, text: inl(s.text) };
  }
}

/** One line per group: `**Backend**: `Java` · `Python``. */
function group(g: Group, style: StackStyle): MarkdownGroup {
  const name = g.name ?? g.level;
  const head = name ? `${styled(plain(name), 'bold')}${g.name && g.level ? ` (${escapeMarkdown(g.level)})` : ''}` : '';
  const items =
    style === 'badges'
      ? g.keywords.map(badge).join(' ')
      : join(g.keywords.map(style === 'code' ? codeSpan : escapeMarkdown));
  return { line: [head, items].filter(Boolean).join(': ') };
}

/**
 * A shields.io static badge for one technology. The name stays the image's alt text,
 * so it is read aloud, found by search and shown when images are off.
 */
export function badge(name: string): string {
  // shields.io: `-` separates label, message and colour, so a literal `-` or `_` is doubled.
  const content = encodeURIComponent(name.replace(/-/g, '--').replace(/_/g, '__'));
  const url = `https://img.shields.io/badge/${content}-${tokens.color.accent.slice(1)}?style=flat-square`;
  return `![${escapeMarkdown(name)}](${markdownHref(url)})`;
}

function entry(e: Entry): MarkdownEntry {
  const meta = [e.category, ...e.meta].filter((s): s is string => s !== null);
  return {
    title: md(e.title),
    subtitle: md(e.subtitle),
    heading: md(e.heading),
    meta: meta.length ? styled(plain(meta.join(' · ')), 'italic') : null,
    outcome: e.outcome ? styled(e.outcome, 'bold') : null,
    summary: inl(e.summary),
    highlights: e.highlights.map(inlineMarkdown),
    metrics: join(e.metrics.map((m) => `${escapeMarkdown(m.label)}: ${styled(plain(m.value), 'bold')}`)),
    keywords: join(e.keywords.map(escapeMarkdown)),
    url: e.url ? `[${escapeMarkdown(e.url.text)}](${markdownHref(e.url.href)})` : null,
  };
}

/**
 * One headline figure as a list item, label then value (`REST APIs: **~1K QPS**`): it reads in
 * order on GitHub, in a screen reader and as plain text, with no table header to invent.
 */
function metricItem(m: Metric): string {
  return `${escapeMarkdown(m.label)}: ${styled(plain(m.value), 'bold')}`;
}
