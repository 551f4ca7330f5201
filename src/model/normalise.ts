// Stage model: Resume → ResumeModel, every display string computed once (dates, links, inline spans, headings).

import type {
  Activity,
  Award,
  Certificate,
  Education,
  Interest,
  Language,
  Project,
  Publication,
  Reference,
  Skill,
  Volunteer,
  Work,
} from '../generated/resume.js';
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
import type {
  Contact,
  Entry,
  EntryLink,
  EntrySlot,
  Group,
  Header,
  Inline,
  Metric,
  ResumeModel,
  Section,
} from './model.js';

/** What separates an entry's title from its subtitle in its heading. */
const HEADING_SEPARATOR = ' · ';

/** The slots of an entry's meta line, in the order it shows them. */
export const META_SLOTS = ['dates', 'location', 'details'] as const satisfies readonly EntrySlot[];

/**
 * Every entry's heading (`title · subtitle`), meta line (dates, location, details) and link label, computed
 * once from its slots after they are all filled (extras included), for every renderer and message.
 */
function withHeadings(section: Section): Section {
  if (section.kind !== 'entries') return section;
  for (const e of section.entries) {
    e.headingRest = e.subtitle ? `${e.title ? HEADING_SEPARATOR : ''}${e.subtitle}` : null;
    e.heading = `${e.title ?? ''}${e.headingRest ?? ''}` || null;
    e.meta = META_SLOTS.flatMap((slot) => e[slot] ?? []);
    if (e.url) e.url = { ...e.url, label: linkLabel(e, e.url.text) };
  }
  return section;
}

/**
 * Text for an entry's own link that makes sense read alone (screen readers list links out of context):
 * `Ledger rewrite: example.org/ledger`, without doubling the title's closing full stop.
 */
function linkLabel(e: Entry, text: string): string {
  // A job's, a volunteer role's or a degree's url is the organisation's site: name the organisation, not the role.
  const organisation = /^(work|volunteer|education)\[/.test(e.path) ? e.subtitle : null;
  const title = (organisation ?? e.title)?.replace(/[.:;,!?…]+$/u, '');
  return title ? `${title}: ${text}` : text;
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
    keywords: (resume.skills ?? []).flatMap((s) => strings([s.name, ...(s.keywords ?? [])])),
    photo: null,
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
      path: 'basics.email',
      href: `mailto:${b.email}`,
      text: b.email,
      label: words.contact.email,
      private: false,
    });
  if (b.phone)
    contacts.push({
      kind: 'phone',
      path: 'basics.phone',
      href: telHref(b.phone),
      text: b.phone,
      label: words.contact.phone,
      private: true,
    });
  if (b.url)
    contacts.push({
      kind: 'url',
      path: 'basics.url',
      href: b.url,
      text: displayUrl(b.url),
      label: words.contact.website,
      private: false,
    });
  for (const [i, p] of (b.profiles ?? []).entries()) {
    const label = str(p.network) ?? words.contact.profile;
    const username = str(p.username) ?? undefined;
    const path = `basics.profiles[${i}]`;
    if (p.url)
      contacts.push({
        kind: 'profile',
        path,
        href: p.url,
        text: profileText(p.url, username),
        label,
        private: false,
      });
    else if (username)
      contacts.push({ kind: 'profile', path, href: null, text: `${label}: ${username}`, label, private: false });
  }
  return {
    // Trimmed like every other text: a name of only spaces is no name (not an empty heading).
    name: str(b.name),
    label: str(b.label),
    tagline: inline(b.tagline),
    summary: inline(b.summary),
    location: strings([loc.city, loc.region, loc.countryCode]).join(', ') || null,
    address: [...(loc.address ?? '').split('\n'), loc.postalCode ?? ''].map((s) => s.trim()).filter(Boolean),
    contacts,
    availability: str(resume.callToAction?.title),
    image: b.image ?? null,
    extras: headerExtras(b as Record<string, unknown>),
  };
}

/** A profile's link text: the short URL, plus the user name when the URL does not carry it ("twitter.com (ada)"). */
function profileText(url: string, username: string | undefined): string {
  const shown = displayUrl(url);
  return username && !shown.toLowerCase().includes(username.toLowerCase()) ? `${shown} (${username})` : shown;
}

/** The sections whose items are list entries, and the schema type of their items. */
interface EntryItems {
  work: Work;
  volunteer: Volunteer;
  education: Education;
  awards: Award;
  certificates: Certificate;
  publications: Publication;
  references: Reference;
  projects: Project;
  activities: Activity;
}
/** The sections whose items are groups (a name, a level, keywords), and the schema type of their items. */
interface GroupItems {
  skills: Skill;
  interests: Interest;
  languages: Language;
}
type EntrySection = keyof EntryItems;
type GroupSection = keyof GroupItems;

/**
 * The shared slots any item may fill (see SHARED_SLOTS), whatever its section: a job with `outcome` shows
 * it as a project does. Where the section's schema does not define the key it was not validated, so `unknown`.
 */
interface SharedSlots {
  category?: unknown;
  location?: unknown;
  url?: unknown;
  outcome?: unknown;
  summary?: unknown;
  highlights?: unknown;
  keywords?: unknown;
  metrics?: unknown;
  tags?: unknown;
}

function buildSection(resume: Resume, id: SectionId, locale: Locale): Section | null {
  const text = resume.folio?.sections?.[id];
  const base = {
    id,
    title: text?.title ?? locale.words.sections[id],
    intro: inline(text?.intro),
    summary: inline(text?.summary),
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
      const groups = groupsOf(resume, id);
      return groups.length ? { ...base, kind: 'groups', groups } : null;
    }
    case 'callToAction': {
      const cta = resume.callToAction;
      return cta ? { ...base, title: cta.title, kind: 'cta', text: inline(cta.text) } : null;
    }
    default: {
      const entries = entriesOf(resume, id, locale);
      return entries.length ? { ...base, kind: 'entries', entries } : null;
    }
  }
}

/**
 * A section's items as its schema types them (the correlation of key and item type, which TypeScript cannot follow
 * through `resume[id]`).
 */
function itemsOf<K extends EntrySection | GroupSection>(resume: Resume, id: K): (EntryItems & GroupItems)[K][] {
  return (resume[id] ?? []) as (EntryItems & GroupItems)[K][];
}

function entriesOf<K extends EntrySection>(resume: Resume, id: K, locale: Locale): Entry[] {
  const fill: EntryFill<EntryItems[K]> = ENTRY_FILLS[id];
  return itemsOf(resume, id).map((item, i) => {
    const e = sharedSlots(id, item, i);
    fill(item, e, locale);
    return withExtras(e, item, id);
  });
}

function groupsOf<K extends GroupSection>(resume: Resume, id: K): Group[] {
  const own: GroupFill<GroupItems[K]> = GROUP_FILLS[id];
  const showTags = categories(resume, id);
  return itemsOf(resume, id).map((item, i) => {
    // Fields with no slot in a group (an interest's summary, a language's certificates) follow its keywords.
    const extras = extraFields(fields(item), knownKeys(id));
    const g = own(item);
    const tagged = showTags ? tags(item.tags) : [];
    return {
      path: `${id}[${i}]`,
      name: g.name,
      level: g.level,
      keywords: [...g.keywords, ...tagged, ...extras.map((e) => e.text)],
      sources: {
        name: g.sources.name,
        level: g.sources.level,
        keywords: [...g.sources.keywords, ...(showTags ? ['tags'] : []), ...extras.map((e) => e.key)],
      },
    };
  });
}

type GroupFill<T> = (item: T) => {
  name: string | null;
  level: string | null;
  keywords: string[];
  sources: { name: string[]; level: string[]; keywords: string[] };
};

/** Each group section's own field names, mapped onto the group's slots. */
const GROUP_FILLS: { [K in GroupSection]: GroupFill<GroupItems[K]> } = {
  skills: (item) => ({
    name: str(item.name),
    level: str(item.level),
    keywords: strings(item.keywords),
    sources: { name: ['name'], level: ['level'], keywords: ['keywords'] },
  }),
  interests: (item) => ({
    name: str(item.name),
    level: null,
    keywords: strings(item.keywords),
    sources: { name: ['name'], level: [], keywords: ['keywords'] },
  }),
  languages: (item) => ({
    name: str(item.language),
    level: str(item.fluency),
    keywords: [],
    sources: { name: ['language'], level: ['fluency'], keywords: [] },
  }),
};

/**
 * Skills' tags are content (the skill's categories) in a file without variants:
 * JSON Resume files use them so. With variants they choose what each variant shows.
 */
function categories(resume: Resume, id: SectionId): boolean {
  return id === 'skills' && resume.variants === undefined;
}

/** An entry with its extra lines: text fields the section has no slot for, after its bullets. */
function withExtras(e: Entry, item: object, id: SectionId): Entry {
  const extras = extraFields(fields(item), knownKeys(id));
  if (!extras.length) return e;
  return {
    ...e,
    highlights: [...e.highlights, ...extras.map(extraLine)],
    sources: { ...e.sources, highlights: [...(e.sources.highlights ?? []), ...extras.map((x) => x.key)] },
  };
}

/** An item's fields by name, for what reads every key (the extra lines): list items are closed types. */
function fields(item: object): Record<string, unknown> {
  return item as Record<string, unknown>;
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

/** The slots every section's item fills from the same keys (SHARED_SLOTS); the section's own mapping does the rest. */
function sharedSlots(id: SectionId, item: SharedSlots, i: number): Entry {
  const highlightList = highlights(item.highlights);
  const sources: Entry['sources'] = {};
  const from = (slot: EntrySlot, present: boolean) => {
    if (present) sources[slot] = [slot];
  };
  const e: Entry = {
    path: `${id}[${i}]`,
    title: null,
    subtitle: null,
    category: str(item.category),
    dates: null,
    location: str(item.location),
    url: link(item.url),
    heading: null,
    headingRest: null,
    details: [],
    meta: [],
    outcome: inline(item.outcome),
    summary: inline(item.summary),
    highlights: highlightList,
    keywords: strings(item.keywords),
    metrics: Array.isArray(item.metrics) ? (item.metrics as Metric[]).map(metric) : [],
    tags: tags(item.tags),
    sources,
  };
  for (const slot of [
    'category',
    'location',
    'url',
    'outcome',
    'summary',
    'highlights',
    'keywords',
    'metrics',
  ] as const)
    from(slot, item[slot] !== undefined);
  return e;
}

/**
 * Fills an entry's title, subtitle, dates and details (and any shared slot it takes from another key) from one item.
 */
type EntryFill<T> = (item: T, e: Entry, locale: Locale) => void;

const range = (item: { startDate?: unknown; endDate?: unknown }, e: Entry, locale: Locale) => {
  e.dates = dateRange(item.startDate, item.endDate, locale);
  e.sources.dates = ['startDate', 'endDate'];
};
const single = (e: Entry, key: string, v: unknown, locale: Locale) => {
  const d = dateOf(v);
  e.dates = d ? formatDate(d, locale.date) : null;
  e.sources.dates = [key];
};
/** The title from the first key that has a value, the subtitle from the second when the first is the title. */
const titled = (e: Entry, title: [string, unknown], subtitle: [string, unknown] | null) => {
  // A blank title (" ") is no title: the subtitle's key moves up, as when the title is left out.
  const own = str(title[1]);
  e.title = own ?? (subtitle ? str(subtitle[1]) : null);
  e.subtitle = subtitle && own ? str(subtitle[1]) : null;
  e.sources.title = [own || !subtitle ? title[0] : subtitle[0]];
  if (e.subtitle !== null && subtitle) e.sources.subtitle = [subtitle[0]];
};
const titleSubtitle = (e: Entry, title: [string, unknown], subtitle: [string, unknown] | null) => {
  e.title = str(title[1]);
  e.sources.title = [title[0]];
  if (subtitle) {
    e.subtitle = str(subtitle[1]);
    e.sources.subtitle = [subtitle[0]];
  }
};

/**
 * Each entry section's own field names, mapped onto the common entry slots; typed per section, so a misspelt field does
 * not compile.
 */
const ENTRY_FILLS: { [K in EntrySection]: EntryFill<EntryItems[K]> } = {
  work: (item, e, locale) => {
    titled(e, ['position', item.position], ['name', item.name]);
    e.details = strings([item.description]);
    e.sources.details = ['description'];
    range(item, e, locale);
  },
  volunteer: (item, e, locale) => {
    titled(e, ['position', item.position], ['organization', item.organization]);
    range(item, e, locale);
  },
  education: (item, e, locale) => {
    const degree = degreeTitle(str(item.studyType), str(item.area), locale.words);
    e.title = degree ?? str(item.institution);
    e.subtitle = str(item.studyType) || str(item.area) ? str(item.institution) : null;
    // The locale's degree phrase may put the field first ("{area}, {degree}" in Turkish).
    const areaFirst = locale.words.degree.indexOf('{area}') < locale.words.degree.indexOf('{degree}');
    e.sources.title = degree ? (areaFirst ? ['area', 'studyType'] : ['studyType', 'area']) : ['institution'];
    if (degree) e.sources.subtitle = ['institution'];
    e.details = strings([item.score]);
    e.sources.details = ['score'];
    e.keywords = strings(item.courses);
    e.sources.keywords = ['courses'];
    range(item, e, locale);
  },
  awards: (item, e, locale) => {
    titleSubtitle(e, ['title', item.title], ['awarder', item.awarder]);
    single(e, 'date', item.date, locale);
  },
  certificates: (item, e, locale) => {
    titleSubtitle(e, ['name', item.name], ['issuer', item.issuer]);
    single(e, 'date', item.date, locale);
  },
  publications: (item, e, locale) => {
    titleSubtitle(e, ['name', item.name], ['publisher', item.publisher]);
    single(e, 'releaseDate', item.releaseDate, locale);
  },
  references: (item, e) => {
    titleSubtitle(e, ['name', item.name], null);
    e.summary = inline(item.reference);
    e.sources.summary = ['reference'];
  },
  projects: (item, e, locale) => {
    titleSubtitle(e, ['name', item.name], ['entity', item.entity]);
    e.summary = inline(item.description);
    e.sources.summary = ['description'];
    e.details = strings([...(item.roles ?? []), item.type]);
    e.sources.details = ['roles', 'type'];
    range(item, e, locale);
  },
  activities: (item, e, locale) => {
    titleSubtitle(e, ['title', item.title], null);
    single(e, 'date', item.date, locale);
  },
};

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
    .map((h: unknown) => inline(typeof h === 'string' ? h : h && typeof h === 'object' && 'text' in h ? h.text : null))
    .filter((x): x is Inline => x !== null);
}

function tags(v: unknown): string[] {
  return typeof v === 'string' ? [v] : strings(v);
}

/** A vetted link; its label is completed by withHeadings, once the entry's title and subtitle are known. */
function link(v: unknown): EntryLink | null {
  return typeof v === 'string' && isSafeHref(v) ? { href: v, text: displayUrl(v), label: displayUrl(v) } : null;
}

function inline(v: unknown): Inline | null {
  if (typeof v !== 'string') return null;
  const text = lineEnds(v.trim());
  return text ? parseInline(text) : null;
}

function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? lineEnds(v.trim()) : null;
}

/**
 * A Windows or old-Mac line end (`\r\n`, `\r`, as JSON from other tools may hold) is one line break: the PDF
 * drew a lone `\r` as a second, blank line and its self-check took such text for missing.
 */
function lineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : [];
}
