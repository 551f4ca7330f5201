// Stage model: Resume → ResumeModel, every display string computed once (dates, links, inline spans, headings).
import { formatDate, formatRange, isPresent, parseDate, type PartialDate } from '../validate/dates.js';
import { parseInline } from './inline.js';
import { displayUrl, isSafeHref, telHref } from '../validate/links.js';
import type { Contact, Entry, Group, Header, Inline, Metric, ResumeModel, Section } from './model.js';
import { type Resume, type SectionId, sectionIds } from '../validate/schema.js';

/** Titles for sections the owner did not name (folio.sections.<id>.title overrides). */
const DEFAULT_TITLES: Record<SectionId, string> = {
  metrics: 'Highlights', projects: 'Projects', work: 'Experience', principles: 'Principles', skills: 'Skills',
  activities: 'Activities', volunteer: 'Volunteering', education: 'Education', awards: 'Awards',
  certificates: 'Certificates', publications: 'Publications', languages: 'Languages', interests: 'Interests',
  references: 'References', callToAction: 'Contact',
};

type Item = Record<string, unknown>;

/** Validated résumé → display-ready model. Pure: no I/O, same input, same output. */
export function normalise(resume: Resume): ResumeModel {
  const lang = resume.folio?.lang ?? 'en';
  const sections: Section[] = [];
  for (const id of sectionOrder(resume)) {
    const section = buildSection(resume, id, lang);
    if (section) sections.push(section);
  }
  return {
    lang,
    header: buildHeader(resume),
    sections,
    public: { phone: resume.folio?.public?.phone ?? false, address: resume.folio?.public?.address ?? false },
    markdown: { stack: resume.folio?.markdown?.stack ?? 'code' },
    keywords: (resume.skills ?? []).flatMap((s) => [s.name ?? '', ...(s.keywords ?? [])]).filter(Boolean),
  };
}

/** folio.order first, then every other section in the default order. */
export function sectionOrder(resume: Resume): SectionId[] {
  const chosen = resume.folio?.order ?? [];
  return [...chosen, ...sectionIds().filter((id) => !chosen.includes(id))];
}

function buildHeader(resume: Resume): Header {
  const b = resume.basics ?? {};
  const loc = b.location ?? {};
  const contacts: Contact[] = [];
  if (b.email) contacts.push({ kind: 'email', href: `mailto:${b.email}`, text: b.email, label: 'Email', private: false });
  if (b.phone) contacts.push({ kind: 'phone', href: telHref(b.phone), text: b.phone, label: 'Phone', private: true });
  if (b.url) contacts.push({ kind: 'url', href: b.url, text: displayUrl(b.url), label: 'Website', private: false });
  for (const p of b.profiles ?? []) {
    const label = p.network ?? 'Profile';
    if (p.url) contacts.push({ kind: 'profile', href: p.url, text: profileText(p.url, p.username), label, private: false });
    else if (p.username) contacts.push({ kind: 'profile', href: null, text: `${label}: ${p.username}`, label, private: false });
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
  };
}

/** A profile's link text: the short URL, plus the user name when the URL does not carry it ("twitter.com (ada)"). */
function profileText(url: string, username: string | undefined): string {
  const shown = displayUrl(url);
  return username && !shown.toLowerCase().includes(username.toLowerCase()) ? `${shown} (${username})` : shown;
}

function buildSection(resume: Resume, id: SectionId, lang: string): Section | null {
  const text = resume.folio?.sections?.[id];
  const base = { id, title: text?.title ?? DEFAULT_TITLES[id], intro: inline(text?.intro), summary: inline(text?.summary) };
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
      const groups = list(id).map((item, i) => group(id, item, i));
      return groups.length ? { ...base, kind: 'groups', groups } : null;
    }
    case 'callToAction': {
      const cta = resume.callToAction;
      return cta ? { ...base, title: cta.title, kind: 'cta', text: inline(cta.text) } : null;
    }
    default: {
      const entries = list(id).map((item, i) => entry(id, item, i, lang));
      return entries.length ? { ...base, kind: 'entries', entries } : null;
    }
  }
}

function group(id: SectionId, item: Item, i: number): Group {
  const isLang = id === 'languages';
  return {
    path: `${id}[${i}]`,
    name: str(isLang ? item.language : item.name),
    level: str(isLang ? item.fluency : item.level),
    keywords: strings(item.keywords),
  };
}

/** Map each JSON Resume section's own field names onto the common entry slots. */
function entry(id: SectionId, item: Item, i: number, lang: string): Entry {
  const e: Entry = {
    path: `${id}[${i}]`, title: null, subtitle: null, heading: null, category: str(item.category), dates: null, location: str(item.location),
    url: link(item.url), details: [], meta: [], outcome: inline(item.outcome), summary: inline(item.summary), highlights: highlights(item.highlights),
    keywords: strings(item.keywords), metrics: Array.isArray(item.metrics) ? (item.metrics as Metric[]).map(metric) : [], tags: tags(item.tags),
  };
  const range = () => dateRange(item.startDate, item.endDate, lang);
  const single = (v: unknown) => {
    const d = dateOf(v);
    return d ? formatDate(d, lang) : null;
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
      e.title = [str(item.studyType), str(item.area)].filter(Boolean).join(' · ') || str(item.institution);
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
  e.heading = [e.title, e.subtitle].filter(Boolean).join(' · ') || null;
  e.meta = [e.dates, e.location, ...e.details].filter((s): s is string => s !== null);
  return e;
}

function dateOf(v: unknown): PartialDate | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = parseDate(v);
  return 'invalid' in d ? null : d;
}

function dateRange(start: unknown, end: unknown, lang: string): string | null {
  const s = dateOf(start);
  return formatRange(s, dateOf(end), s !== null && isPresent(end), lang);
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
