import { CUSTOM_ENTRY_KEYS, type CustomShape, readableKey } from '../validate/custom-sections.js';
import { formatDate, isPresent, type PartialDate, parseDate } from '../validate/dates.js';
import { displayUrl, isSafeHref } from '../validate/links.js';
import { formatRange } from './dates.js';
import { extraFields, extraLine } from './extras.js';
import { parseInline } from './inline.js';
import type { Locale } from './locale.js';
import type { Entry, Inline, Section } from './model.js';

/** Heading text the owner may set for any section in `folio.sections.<key>`. */
export interface SectionText {
  title?: string;
  intro?: string;
  summary?: string;
}

/**
 * A custom section as the renderers draw existing kinds: entries (a paragraph or a
 * list of paragraphs is entries with only a summary) or label/text rows (groups,
 * like the skills: "Label: text"). Titled from folio.sections.<key>.title, or the
 * key made readable.
 */
export function customSection(
  key: string,
  shape: CustomShape,
  text: SectionText | undefined,
  locale: Locale,
): Section | null {
  const base = {
    id: key,
    title: text?.title ?? readableKey(key),
    intro: inline(text?.intro),
    summary: inline(text?.summary),
  };
  switch (shape.kind) {
    case 'paragraph':
      return { ...base, kind: 'entries', entries: [paragraph(`${key}`, String(shape.text))] };
    case 'list':
      // A blank item is left out; the others keep their index, which the self-check reads back as the source path.
      return {
        ...base,
        kind: 'entries',
        entries: shape.items.flatMap((t, i) => (str(t) === null ? [] : [paragraph(`${key}[${i}]`, String(t))])),
      };
    case 'rows':
      return {
        ...base,
        kind: 'groups',
        groups: shape.rows
          .filter(([, t]) => str(t) !== null)
          .map(([label, t]) => ({
            path: `${key}.${label}`,
            name: label,
            level: null,
            keywords: [String(t).trim()],
            sources: {},
          })),
      };
    case 'entries':
      return {
        ...base,
        kind: 'entries',
        entries: shape.items.map((item, i) => customEntry(`${key}[${i}]`, item, locale)),
      };
  }
}

const KNOWN = new Set(CUSTOM_ENTRY_KEYS);

function customEntry(path: string, item: Record<string, unknown>, locale: Locale): Entry {
  const title = str(item.title) ?? str(item.name);
  const single = dateOf(item.date);
  const start = dateOf(item.startDate);
  const extras = extraFields(item, KNOWN);
  return {
    ...blank(path),
    title,
    subtitle: item.title !== undefined ? str(item.name) : null,
    dates: single
      ? formatDate(single, locale.date)
      : formatRange(start, dateOf(item.endDate), start !== null && isPresent(item.endDate), locale),
    location: str(item.location),
    url:
      typeof item.url === 'string' && isSafeHref(item.url)
        ? { href: item.url, text: displayUrl(item.url), label: displayUrl(item.url) }
        : null,
    summary: inline(item.summary),
    highlights: [
      ...(Array.isArray(item.highlights)
        ? item.highlights.map((h) => inline(h)).filter((x): x is Inline => x !== null)
        : []),
      ...extras.map(extraLine),
    ],
    // Where the self-check expects each field: "title · name", whatever the order of the keys.
    sources: {
      title: [item.title !== undefined ? 'title' : 'name'],
      subtitle: item.title !== undefined ? ['name'] : [],
      dates: single ? ['date'] : ['startDate', 'endDate'],
      location: ['location'],
      url: ['url'],
      summary: ['summary'],
      highlights: ['highlights', ...extras.map((e) => e.key)],
    },
  };
}

function paragraph(path: string, text: string): Entry {
  return { ...blank(path), summary: inline(text) };
}

function blank(path: string): Entry {
  return {
    path,
    title: null,
    subtitle: null,
    heading: null,
    headingRest: null,
    category: null,
    dates: null,
    location: null,
    url: null,
    details: [],
    meta: [],
    outcome: null,
    summary: null,
    highlights: [],
    keywords: [],
    metrics: [],
    tags: [],
    sources: {},
  };
}

function dateOf(v: unknown): PartialDate | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = parseDate(v);
  return 'invalid' in d ? null : d;
}

function inline(v: unknown): Inline | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const t = String(v).trim();
  return t ? parseInline(t) : null;
}

function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}
