// Stage model: Resume → ResumeModel, every display string computed once (dates, links, inline spans, headings).
import { resolveDesign, type ThemeName } from './design.js';
import { formatDate, formatRange, isPresent, parseDate, type PartialDate } from '../validate/dates.js';
import { parseInline } from './inline.js';
import { displayUrl, isSafeHref, telHref } from '../validate/links.js';
import type { Contact, Entry, Group, Header, Inline, Metric, ResumeModel, Section } from './model.js';
import type { Highlight, Tags } from '../generated/resume.js';
import { type Resume, type SectionId, sectionIds } from '../validate/schema.js';

/** Titles for sections the owner did not name (folio.sections.<id>.title overrides). */
const DEFAULT_TITLES: Record<SectionId, string> = {
  metrics: 'Highlights', projects: 'Projects', work: 'Experience', principles: 'Principles', skills: 'Skills',
  activities: 'Activities', volunteer: 'Volunteering', education: 'Education', awards: 'Awards',
  certificates: 'Certificates', publications: 'Publications', languages: 'Languages', interests: 'Interests',
  references: 'References', callToAction: 'Contact',
};

/** Validated résumé → display-ready model. Pure: no I/O, same input, same output. */
export function normalise(resume: Resume, opts: { theme?: ThemeName } = {}): ResumeModel {
  const lang = resume.folio?.lang ?? 'en';
  const sections: Section[] = [];
  for (const id of sectionOrder(resume)) {
    const section = buildSection(resume, id, lang);
    if (section) sections.push(section);
  }
  return {
    lang,
    design: resolveDesign(resume.folio, opts.theme),
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
      const groups = buildGroups(resume, id);
      return groups.length ? { ...base, kind: 'groups', groups } : null;
    }
    case 'callToAction': {
      const cta = resume.callToAction;
      return cta ? { ...base, title: cta.title, kind: 'cta', text: inline(cta.text) } : null;
    }
    default: {
      const entries = buildEntries(resume, id, lang);
      return entries.length ? { ...base, kind: 'entries', entries } : null;
    }
  }
}

function buildGroups(resume: Resume, id: 'skills' | 'interests' | 'languages'): Group[] {
  const group = (i: number, name: string | undefined, level: string | undefined, keywords: string[] | undefined): Group => ({
    path: `${id}[${i}]`, name: str(name), level: str(level), keywords: strings(keywords),
  });
  switch (id) {
    case 'skills':
      return (resume.skills ?? []).map((s, i) => group(i, s.name, s.level, s.keywords));
    case 'interests':
      return (resume.interests ?? []).map((s, i) => group(i, s.name, undefined, s.keywords));
    case 'languages':
      return (resume.languages ?? []).map((s, i) => group(i, s.language, s.fluency, undefined));
  }
}

type EntrySectionId = Exclude<SectionId, 'metrics' | 'principles' | 'skills' | 'interests' | 'languages' | 'callToAction'>;

/** Map each section's own field names (typed by the schema's $defs) onto the common entry slots. */
function buildEntries(resume: Resume, id: EntrySectionId, lang: string): Entry[] {
  const range = (item: { startDate?: unknown; endDate?: unknown }) => dateRange(item.startDate, item.endDate, lang);
  const single = (v: unknown) => {
    const d = dateOf(v);
    return d ? formatDate(d, lang) : null;
  };
  /** Each item of a list as an entry: `fill` sets the slots its section has; heading and meta follow from them. */
  const each = <T extends { tags?: Tags }>(list: T[] | undefined, fill: (item: T, e: Entry) => void): Entry[] =>
    (list ?? []).map((item, i) => {
      const e: Entry = {
        path: `${id}[${i}]`, title: null, subtitle: null, heading: null, category: null, dates: null, location: null, url: null, details: [], meta: [],
        outcome: null, summary: null, highlights: [], keywords: [], metrics: [], tags: tags(item.tags),
      };
      fill(item, e);
      e.heading = [e.title, e.subtitle].filter(Boolean).join(' · ') || null;
      e.meta = [e.dates, e.location, ...e.details].filter((s): s is string => s !== null);
      return e;
    });
  switch (id) {
    case 'work':
      return each(resume.work, (w, e) => {
        e.title = str(w.position) ?? str(w.name);
        e.subtitle = w.position ? str(w.name) : null;
        e.location = str(w.location);
        e.url = link(w.url);
        e.details = strings([w.description]);
        e.summary = inline(w.summary);
        e.highlights = highlights(w.highlights);
        e.dates = range(w);
      });
    case 'volunteer':
      return each(resume.volunteer, (v, e) => {
        e.title = str(v.position) ?? str(v.organization);
        e.subtitle = v.position ? str(v.organization) : null;
        e.url = link(v.url);
        e.summary = inline(v.summary);
        e.highlights = highlights(v.highlights);
        e.dates = range(v);
      });
    case 'education':
      return each(resume.education, (d, e) => {
        e.title = [str(d.studyType), str(d.area)].filter(Boolean).join(' · ') || str(d.institution);
        e.subtitle = d.studyType || d.area ? str(d.institution) : null;
        e.url = link(d.url);
        e.details = strings([d.score]);
        e.keywords = strings(d.courses);
        e.dates = range(d);
      });
    case 'awards':
      return each(resume.awards, (a, e) => {
        e.title = str(a.title);
        e.subtitle = str(a.awarder);
        e.summary = inline(a.summary);
        e.dates = single(a.date);
      });
    case 'certificates':
      return each(resume.certificates, (c, e) => {
        e.title = str(c.name);
        e.subtitle = str(c.issuer);
        e.url = link(c.url);
        e.dates = single(c.date);
      });
    case 'publications':
      return each(resume.publications, (p, e) => {
        e.title = str(p.name);
        e.subtitle = str(p.publisher);
        e.url = link(p.url);
        e.summary = inline(p.summary);
        e.dates = single(p.releaseDate);
      });
    case 'references':
      return each(resume.references, (r, e) => {
        e.title = str(r.name);
        e.summary = inline(r.reference);
      });
    case 'projects':
      return each(resume.projects, (p, e) => {
        e.title = str(p.name);
        e.subtitle = str(p.entity);
        e.category = str(p.category);
        e.url = link(p.url);
        e.outcome = inline(p.outcome);
        e.summary = inline(p.description);
        e.highlights = highlights(p.highlights);
        e.keywords = strings(p.keywords);
        e.metrics = (p.metrics ?? []).map(metric);
        e.details = strings([...(p.roles ?? []), p.type]);
        e.dates = range(p);
      });
    case 'activities':
      return each(resume.activities, (a, e) => {
        e.category = str(a.category);
        e.title = str(a.title);
        e.url = link(a.url);
        e.summary = inline(a.summary);
        e.dates = single(a.date);
      });
  }
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

function highlights(list: Highlight[] | undefined): Inline[] {
  return (list ?? []).map((h) => inline(typeof h === 'string' ? h : h.text)).filter((x): x is Inline => x !== null);
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
