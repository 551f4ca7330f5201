// Stage model: Resume → ResumeModel, every display string computed once (dates, links, inline spans, headings).

import { type CustomShape, customSections } from '../validate/custom-sections.js';
import { formatDate, isPresent, type PartialDate, parseDate } from '../validate/dates.js';
import { displayUrl, isSafeHref, telHref } from '../validate/links.js';
import {
  deref,
  isSectionId,
  loadSchema,
  type Resume,
  type SchemaNode,
  type SectionId,
  sectionIds,
} from '../validate/schema.js';
import { customSection, type SectionText } from './custom.js';
import { formatRange } from './dates.js';
import { resolveDesign, type ThemeName } from './design.js';
import { extraFields, extraLine, headerExtras } from './extras.js';
import { parseInline } from './inline.js';
import { fill, type Locale, resolveLocale, type Words } from './locale.js';
import type { Contact, Entry, Group, Header, Inline, Metric, ResumeModel, Section } from './model.js';

type Item = Record<string, unknown>;

/**
 * Every entry's heading (`title · subtitle`) and meta line (dates, location, details), computed once
 * from its slots after they are all filled (extras included), for every renderer and message.
 */
function withHeadings(section: Section): Section {
  if (section.kind !== 'entries') return section;
  for (const e of section.entries) {
    e.heading = [e.title, e.subtitle].filter(Boolean).join(' · ') || null;
    e.meta = [e.dates, e.location, ...e.details].filter((s): s is string => s !== null);
  }
  return section;
}

/** Validated résumé → display-ready model. Pure: no I/O, same input, same output. */
export function normalise(resume: Resume, opts: { theme?: ThemeName } = {}): ResumeModel {
  // folio.lang, else the language of the text; section titles, dates and labels come from its catalogue.
  const locale = resolveLocale(resume);
  const custom = new Map(customSectionsOf(resume).map((c) => [c.key, c.shape]));
  const sections: Section[] = [];
  for (const id of sectionOrder(resume)) {
    const shape = custom.get(id);
    const texts = resume.folio?.sections as Record<string, SectionText | undefined> | undefined;
    const section = shape
      ? customSection(id, shape, texts?.[id], locale)
      : isSectionId(id)
        ? buildSection(resume, id, locale)
        : null;
    if (section) sections.push(withHeadings(section));
  }
  return {
    lang: locale.lang,
    dir: locale.dir,
    words: locale.words,
    design: resolveDesign(resume.folio, opts.theme),
    header: buildHeader(resume, locale.words),
    sections,
    public: { phone: resume.folio?.public?.phone ?? false, address: resume.folio?.public?.address ?? false },
    markdown: { stack: resume.folio?.markdown?.stack ?? 'code' },
    keywords: (resume.skills ?? []).flatMap((s) => [s.name ?? '', ...(s.keywords ?? [])]).filter(Boolean),
  };
}

/** The custom sections of a résumé (top-level keys that are not folio's), in source order. */
export function customSectionsOf(resume: Resume): { key: string; shape: CustomShape }[] {
  return customSections(resume as Record<string, unknown>, Object.keys(loadSchema().properties ?? {}));
}

/**
 * folio.order first; then every other section, custom ones included, in the order
 * of its key in the source (the order the author wrote); sections absent from the
 * source last, in the default order (they show nothing, but tailoring may add them).
 */
export function sectionOrder(resume: Resume): string[] {
  const chosen: string[] = resume.folio?.order ?? [];
  const custom = new Set(customSectionsOf(resume).map((c) => c.key));
  const inSource = Object.keys(resume).filter((k) => isSectionId(k) || custom.has(k));
  const rest = sectionIds().filter((id) => !inSource.includes(id));
  return [...chosen, ...[...inSource, ...rest].filter((id) => !chosen.includes(id))];
}

function buildHeader(resume: Resume, words: Words): Header {
  const b = resume.basics ?? {};
  const loc = b.location ?? {};
  const contacts: Contact[] = [];
  if (b.email)
    contacts.push({
      kind: 'email',
      href: `mailto:${b.email}`,
      text: b.email,
      label: words.contact.email,
      private: false,
    });
  if (b.phone)
    contacts.push({ kind: 'phone', href: telHref(b.phone), text: b.phone, label: words.contact.phone, private: true });
  if (b.url)
    contacts.push({ kind: 'url', href: b.url, text: displayUrl(b.url), label: words.contact.website, private: false });
  for (const p of b.profiles ?? []) {
    const label = p.network ?? words.contact.profile;
    if (p.url)
      contacts.push({ kind: 'profile', href: p.url, text: profileText(p.url, p.username), label, private: false });
    else if (p.username)
      contacts.push({ kind: 'profile', href: null, text: `${label}: ${p.username}`, label, private: false });
  }
  return {
    name: b.name ?? null,
    label: b.label ?? null,
    tagline: inline(b.tagline),
    summary: inline(b.summary),
    location: [loc.city, loc.region, loc.countryCode].filter(Boolean).join(', ') || null,
    address: [...(loc.address ?? '').split('\n'), loc.postalCode ?? ''].map((s) => s.trim()).filter(Boolean),
    contacts,
    availability: resume.callToAction?.title ?? null,
    image: b.image ?? null,
    extras: headerExtras(b as Record<string, unknown>),
  };
}

/** A profile's link text: the short URL, plus the user name when the URL does not carry it ("twitter.com (ada)"). */
function profileText(url: string, username: string | undefined): string {
  const shown = displayUrl(url);
  return username && !shown.toLowerCase().includes(username.toLowerCase()) ? `${shown} (${username})` : shown;
}

function buildSection(resume: Resume, id: SectionId, locale: Locale): Section | null {
  const text = resume.folio?.sections?.[id];
  const base = {
    id,
    title: text?.title ?? locale.words.sections[id],
    intro: inline(text?.intro),
    summary: inline(text?.summary),
  };
  const list = (key: SectionId): Item[] => {
    const v = (resume as Record<string, unknown>)[key];
    return Array.isArray(v) ? (v as Item[]) : [];
  };
  switch (id) {
    case 'metrics': {
      const metrics = (resume.metrics ?? []).map(metric);
      return metrics.length ? { ...base, kind: 'metrics', metrics } : null;
    }
    case 'principles': {
      const principles = (resume.principles ?? []).map((p, i) => ({
        number: String(i + 1).padStart(2, '0'),
        title: p.title,
        summary: inline(p.summary),
      }));
      return principles.length ? { ...base, kind: 'principles', principles } : null;
    }
    case 'skills':
    case 'interests':
    case 'languages': {
      const groups = list(id).map((item, i) => group(id, item, i, categories(resume, id)));
      return groups.length ? { ...base, kind: 'groups', groups } : null;
    }
    case 'callToAction': {
      const cta = resume.callToAction;
      return cta ? { ...base, title: cta.title, kind: 'cta', text: inline(cta.text) } : null;
    }
    default: {
      const entries = list(id).map((item, i) => withExtras(entry(id, item, i, locale), item, id));
      return entries.length ? { ...base, kind: 'entries', entries } : null;
    }
  }
}

function group(id: SectionId, item: Item, i: number, showTags: boolean): Group {
  const isLang = id === 'languages';
  // Fields with no slot in a group (an interest's summary, a language's certificates) follow its keywords.
  const extras = extraFields(item, knownKeys(id)).map((e) => e.text);
  return {
    path: `${id}[${i}]`,
    name: str(isLang ? item.language : item.name),
    level: str(isLang ? item.fluency : item.level),
    keywords: [...strings(item.keywords), ...(showTags ? tags(item.tags) : []), ...extras],
  };
}

/**
 * Skills' tags are content (the skill's categories) in a file without variants:
 * JSON Resume files use them so. With variants they choose what each variant shows.
 */
function categories(resume: Resume, id: SectionId): boolean {
  return id === 'skills' && resume.variants === undefined;
}

/** An entry with its extra lines: text fields the section has no slot for, after its bullets. */
function withExtras(e: Entry, item: Item, id: SectionId): Entry {
  const extras = extraFields(item, knownKeys(id));
  return extras.length ? { ...e, highlights: [...e.highlights, ...extras.map(extraLine)] } : e;
}

/** Fields entry() reads for an item of any section, whatever the section (see the slots of Entry). */
const SHARED_SLOTS = ['category', 'location', 'url', 'outcome', 'summary', 'highlights', 'keywords', 'metrics', 'tags'];
/** Shared slots a section fills from another field, so that its own value of the key has no slot left. */
const TAKEN_SLOTS: Partial<Record<SectionId, string[]>> = {
  references: ['summary'],
  projects: ['summary'],
  education: ['keywords'],
};
const GROUP_SECTIONS = new Set(['skills', 'languages', 'interests']);

const known = new Map<string, ReadonlySet<string>>();
/** The keys an item of a section shows in a slot of its own: the schema's, and the shared entry slots. */
export function knownKeys(id: SectionId): ReadonlySet<string> {
  let keys = known.get(id);
  if (!keys) {
    const schema = loadSchema();
    const node = schema.properties?.[id];
    const items: SchemaNode | undefined = node ? deref(node, schema).items : undefined;
    const own = Object.keys((items ? deref(items, schema) : undefined)?.properties ?? {});
    const shared = GROUP_SECTIONS.has(id) ? ['tags'] : SHARED_SLOTS.filter((k) => !TAKEN_SLOTS[id]?.includes(k));
    keys = new Set([...own.filter((k) => !TAKEN_SLOTS[id]?.includes(k)), ...shared]);
    known.set(id, keys);
  }
  return keys;
}

/** Map each JSON Resume section's own field names onto the common entry slots. */
function entry(id: SectionId, item: Item, i: number, locale: Locale): Entry {
  const e: Entry = {
    path: `${id}[${i}]`,
    title: null,
    subtitle: null,
    category: str(item.category),
    dates: null,
    location: str(item.location),
    url: link(item.url),
    heading: null,
    details: [],
    meta: [],
    outcome: inline(item.outcome),
    summary: inline(item.summary),
    highlights: highlights(item.highlights),
    keywords: strings(item.keywords),
    metrics: Array.isArray(item.metrics) ? (item.metrics as Metric[]).map(metric) : [],
    tags: tags(item.tags),
  };
  const range = () => dateRange(item.startDate, item.endDate, locale);
  const single = (v: unknown) => {
    const d = dateOf(v);
    return d ? formatDate(d, locale.date) : null;
  };
  switch (id) {
    case 'work':
      e.title = str(item.position) ?? str(item.name);
      e.subtitle = item.position ? str(item.name) : null;
      e.details = strings([item.description]);
      e.dates = range();
      break;
    case 'volunteer':
      e.title = str(item.position) ?? str(item.organization);
      e.subtitle = item.position ? str(item.organization) : null;
      e.dates = range();
      break;
    case 'education':
      e.title = degreeTitle(str(item.studyType), str(item.area), locale.words) ?? str(item.institution);
      e.subtitle = item.studyType || item.area ? str(item.institution) : null;
      e.details = strings([item.score]);
      e.keywords = strings(item.courses);
      e.dates = range();
      break;
    case 'awards':
      e.title = str(item.title);
      e.subtitle = str(item.awarder);
      e.dates = single(item.date);
      break;
    case 'certificates':
      e.title = str(item.name);
      e.subtitle = str(item.issuer);
      e.dates = single(item.date);
      break;
    case 'publications':
      e.title = str(item.name);
      e.subtitle = str(item.publisher);
      e.dates = single(item.releaseDate);
      break;
    case 'references':
      e.title = str(item.name);
      e.summary = inline(item.reference);
      break;
    case 'projects':
      e.title = str(item.name);
      e.subtitle = str(item.entity);
      e.summary = inline(item.description);
      e.details = strings([...(Array.isArray(item.roles) ? item.roles : []), item.type]);
      e.dates = range();
      break;
    case 'activities':
      e.title = str(item.title);
      e.dates = single(item.date);
      break;
    default:
      e.title = str(item.name) ?? str(item.title);
  }
  return e;
}

function dateOf(v: unknown): PartialDate | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = parseDate(v);
  return 'invalid' in d ? null : d;
}

function dateRange(start: unknown, end: unknown, locale: Locale): string | null {
  const s = dateOf(start);
  return formatRange(s, dateOf(end), s !== null && isPresent(end), locale);
}

/** "MSc in Computer Science", "学士（情報工学）": the locale's phrase when both are given, else the one that is. */
export function degreeTitle(degree: string | null, area: string | null, words: Pick<Words, 'degree'>): string | null {
  if (degree && area) return fill(words.degree, { degree, area });
  return degree ?? area;
}

function metric(m: Metric): Metric {
  return { label: m.label, value: m.value };
}

function highlights(v: unknown): Inline[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((h) => inline(typeof h === 'string' ? h : h && typeof h === 'object' ? (h as Item).text : null))
    .filter((x): x is Inline => x !== null);
}

function tags(v: unknown): string[] {
  return typeof v === 'string' ? [v] : strings(v);
}

function link(v: unknown): { href: string; text: string } | null {
  return typeof v === 'string' && isSafeHref(v) ? { href: v, text: displayUrl(v) } : null;
}

function inline(v: unknown): Inline | null {
  if (typeof v !== 'string') return null;
  const text = v.trim();
  return text ? parseInline(text) : null;
}

function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : [];
}
