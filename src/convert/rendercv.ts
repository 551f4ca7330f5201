import { loadSchema } from '../validate/schema.js';
import {
  type Converted,
  compact,
  isObject,
  type Json,
  Reader,
  type SourcePath,
  sectionKey,
  textsOf,
  toDate,
  toLang,
  toLink,
} from './common.js';

/** A RenderCV file: a `cv:` mapping (with `name` or `sections`), usually beside `design:`. */
export function isRenderCv(data: Json): boolean {
  return isObject(data.cv) && ('sections' in data.cv || 'name' in data.cv || 'design' in data || 'locale' in data);
}

/**
 * Profile URLs RenderCV builds from a network and a user name (its
 * `social_networks`), so that the imported profile is a working link.
 */
const NETWORK_URLS: Readonly<Record<string, (user: string) => string>> = {
  linkedin: (u) => `https://linkedin.com/in/${u}`,
  github: (u) => `https://github.com/${u}`,
  gitlab: (u) => `https://gitlab.com/${u}`,
  instagram: (u) => `https://instagram.com/${u}`,
  orcid: (u) => `https://orcid.org/${u}`,
  stackoverflow: (u) => `https://stackoverflow.com/users/${u}`,
  researchgate: (u) => `https://researchgate.net/profile/${u}`,
  youtube: (u) => `https://youtube.com/@${u}`,
  'google scholar': (u) => `https://scholar.google.com/citations?user=${u}`,
  telegram: (u) => `https://t.me/${u}`,
  x: (u) => `https://x.com/${u}`,
  twitter: (u) => `https://twitter.com/${u}`,
  bluesky: (u) => `https://bsky.app/profile/${u}`,
  imdb: (u) => `https://imdb.com/name/${u}`,
  mastodon: (u) => {
    const [user, host] = u.replace(/^@/, '').split('@');
    return `https://${host}/@${user}`;
  },
};

/** Keys a custom section cannot use: folio's own sections and settings, every top-level key of the schema. */
function reserved(key: string): boolean {
  return key in (loadSchema().properties ?? {});
}

/** Section titles whose plain-text entries are the person's summary. */
const SUMMARY_TITLES = new Set(['summary', 'about', 'about me', 'profile', 'professional summary']);

type EntryKind =
  | 'text'
  | 'education'
  | 'experience'
  | 'publication'
  | 'oneLine'
  | 'bullet'
  | 'numbered'
  | 'reversed'
  | 'normal';

/** RenderCV's entry types, told apart by the keys each one requires (its docs: "entry types"). */
function entryKind(item: unknown): EntryKind {
  if (!isObject(item)) return 'text';
  if ('institution' in item) return 'education';
  if ('company' in item) return 'experience';
  if ('authors' in item || 'doi' in item || 'journal' in item) return 'publication';
  if ('label' in item && 'details' in item) return 'oneLine';
  if ('bullet' in item) return 'bullet';
  if ('number' in item) return 'numbered';
  if ('reversed_number' in item) return 'reversed';
  return 'normal';
}

/**
 * RenderCV YAML → folio résumé. Each section goes to the folio section of its
 * kind (the first experience section → `work`, education → `education`, …), in
 * the file's order; a second section of a kind, and every section folio has no
 * kind for, becomes a custom section under its own title. `design`, `locale` and
 * `settings` describe RenderCV's page, not the person: listed, not converted.
 */
export function fromRenderCv(input: Json): Converted {
  const r = new Reader(input);
  const out: Json = {};
  const basics: Json = {};
  const folio: Json = {};
  const titles: Json = {};
  out.basics = basics;

  const cv: SourcePath = ['cv'];
  basics.name = r.text([...cv, 'name']);
  basics.label = r.text([...cv, 'headline']);
  const location = r.text([...cv, 'location']);
  if (location) basics.location = { city: location };
  const emails = textsOf(r.take([...cv, 'email']));
  basics.email = emails[0];
  for (const [i] of emails.slice(1).entries())
    r.note([...cv, 'email', i + 1], 'not converted: folio shows one email address; this one is left out');
  basics.phone = r.text([...cv, 'phone']);
  const website = r.text([...cv, 'website']);
  basics.url = toLink(website);
  if (website && !basics.url)
    r.note([...cv, 'website'], `not converted: "${website}" is not a web address (https://…)`);
  const photo = r.text([...cv, 'photo']);
  if (photo) basics.image = photo;

  const profiles: Json[] = [];
  r.list([...cv, 'social_networks']).forEach((_, i) => {
    const at = [...cv, 'social_networks', i];
    const network = r.text([...at, 'network']);
    const username = r.text([...at, 'username']);
    const make = network ? NETWORK_URLS[network.toLowerCase()] : undefined;
    const ok =
      username &&
      (network?.toLowerCase() === 'mastodon'
        ? /^@?[\w.]+@[\w.-]+\.[a-z]{2,}$/i.test(username)
        : /^[\w.@-]+$/.test(username));
    const url = make && ok ? make(username) : undefined;
    if (username && make && !url)
      r.note([...at, 'username'], `kept without a link: "${username}" is not a user name RenderCV could link either`);
    profiles.push(compact({ network, username, url }));
  });
  r.list([...cv, 'custom_connections']).forEach((_, i) => {
    const at = [...cv, 'custom_connections', i];
    const network = r.text([...at, 'placeholder']);
    const url = toLink(r.text([...at, 'url']));
    r.drop([...at, 'fontawesome_icon'], 'not converted: folio draws no icons');
    profiles.push(compact({ network, url }));
  });
  basics.profiles = profiles;

  const sections = r.peek([...cv, 'sections']);
  if (isObject(sections)) {
    for (const [title, value] of Object.entries(sections)) {
      const at: SourcePath = [...cv, 'sections', title];
      if (!Array.isArray(value)) {
        if (typeof value === 'string' && value.trim()) addCustom(out, titles, title, [value.trim()]);
        else if (value !== null && value !== undefined)
          r.note(at, 'not converted: a RenderCV section is a list of entries');
        continue;
      }
      convertSection(r, out, basics, titles, title, value, at);
    }
  }

  const lang = toLang(r.text(['locale', 'language']));
  if (lang) folio.lang = lang;
  for (const k of ['design', 'locale', 'settings', 'rendercv_settings']) {
    const v = input[k];
    if (isObject(v))
      for (const sub of Object.keys(v))
        if (!(k === 'locale' && sub === 'language' && lang))
          r.drop(
            [k, sub],
            `not converted: RenderCV ${k} (folio has its own theme and settings; see folio.* in the schema)`,
          );
  }
  r.drop(['$schema'], 'not converted: the schema of RenderCV');

  if (Object.keys(titles).length) folio.sections = titles;
  if (Object.keys(folio).length) out.folio = folio;
  compact(basics);
  if (!Object.keys(basics).length) delete out.basics;
  return { data: out, notes: [...r.notes, ...r.leftovers('folio')] };
}

/** One RenderCV section: to the folio section of its kind when that is still free, else a custom section. */
function convertSection(
  r: Reader,
  out: Json,
  basics: Json,
  titles: Json,
  title: string,
  items: unknown[],
  at: SourcePath,
): void {
  const kinds = new Set(items.map(entryKind));
  const kind = kinds.size === 1 ? [...kinds][0] : 'mixed';
  const lower = title.toLowerCase().replace(/_/g, ' ');
  const entries = (fn: (path: SourcePath) => Json) => items.map((_, i) => compact(fn([...at, i])));
  const place = (id: string, defaultTitle: string, list: unknown[]) => {
    if (id in out) return addCustom(out, titles, title, list);
    out[id] = list;
    if (lower !== defaultTitle.toLowerCase()) titles[id] = { title: readableTitle(title) };
  };
  switch (kind) {
    case 'text': {
      const texts = items.map((_, i) => r.text([...at, i])).filter((s): s is string => s !== undefined);
      if (SUMMARY_TITLES.has(lower) && !basics.summary) basics.summary = texts.join('\n\n');
      else addCustom(out, titles, title, texts);
      return;
    }
    case 'experience':
      return place(
        'work',
        'Experience',
        entries((p) => ({
          name: r.text([...p, 'company']),
          position: r.text([...p, 'position']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: highlights(r, p),
        })),
      );
    case 'education':
      return place(
        'education',
        'Education',
        entries((p) => ({
          institution: r.text([...p, 'institution']),
          area: r.text([...p, 'area']),
          studyType: r.text([...p, 'degree']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: highlights(r, p),
        })),
      );
    case 'publication':
      return place(
        'publications',
        'Publications',
        entries((p) => {
          const doi = r.text([...p, 'doi']);
          const url = toLink(r.text([...p, 'url'])) ?? (doi ? `https://doi.org/${doi}` : undefined);
          const d = dates(r, p);
          return {
            name: r.text([...p, 'title']),
            publisher: r.text([...p, 'journal']),
            releaseDate: d.endDate ?? d.startDate,
            url,
            summary: r.text([...p, 'summary']),
            authors: textsOf(r.take([...p, 'authors'])).join(', '),
            doi: url?.includes(doi ?? '\0') ? undefined : doi,
            ...(d.when ? { when: d.when } : {}),
          };
        }),
      );
    case 'oneLine':
      if (lower.includes('skill') || lower.includes('technolog')) {
        return place(
          'skills',
          'Skills',
          entries((p) => ({ name: r.text([...p, 'label']), keywords: splitList(r.text([...p, 'details'])) })),
        );
      }
      return addCustom(
        out,
        titles,
        title,
        entries((p) => ({ name: r.text([...p, 'label']), summary: r.text([...p, 'details']) })),
      );
    case 'bullet':
    case 'numbered':
    case 'reversed': {
      const field = { bullet: 'bullet', numbered: 'number', reversed: 'reversed_number' }[kind];
      return addCustom(out, titles, title, items.map((_, i) => r.text([...at, i, field])).filter(Boolean));
    }
    case 'normal': {
      const common = (p: SourcePath) => {
        const { name, url } = linkedName(r.text([...p, 'name']));
        return {
          name,
          url,
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: highlights(r, p),
        };
      };
      if (lower.includes('project')) {
        // A project's paragraph is its description in folio (its `summary` would be an extra line).
        return place(
          'projects',
          'Projects',
          entries((p) => {
            const { summary, ...rest } = common(p);
            return { ...rest, description: summary };
          }),
        );
      }
      if (lower.includes('publication')) {
        return place(
          'publications',
          'Publications',
          entries((p) => {
            const { startDate, endDate, ...rest } = common(p);
            return { ...rest, releaseDate: endDate ?? startDate };
          }),
        );
      }
      if (lower.includes('award') || lower.includes('honor') || lower.includes('honour')) {
        return place(
          'awards',
          'Awards',
          entries((p) => {
            const { name, startDate, endDate, ...rest } = common(p);
            return { title: name, ...rest, date: endDate ?? startDate };
          }),
        );
      }
      return addCustom(out, titles, title, entries(common));
    }
    default:
      // RenderCV itself rejects a section that mixes entry types; say so rather than guess.
      r.note(
        at,
        `not converted: this section mixes RenderCV entry types (${[...kinds].join(', ')}), which RenderCV rejects too`,
      );
      r.take(at);
  }
}

/** A custom section: the title's key, with the title kept when the key does not read back as it. */
function addCustom(out: Json, titles: Json, title: string, list: unknown[]): void {
  let key = sectionKey(title);
  // A custom section may not take the key of a folio section (a second "experience", "skills" as bullets).
  if (reserved(key)) key = `${key}_section`;
  while (key in out) key = `${key}_2`;
  out[key] = list;
  titles[key] = { title: readableTitle(title) };
}

/** `welcome_to_rendercv` → "Welcome to rendercv"; a title with capitals or spaces is kept as written. */
function readableTitle(title: string): string {
  if (/[A-Z ]/.test(title)) return title;
  const words = title.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** RenderCV's `date` (one date or free text) or `start_date`/`end_date`, as folio dates. */
function dates(r: Reader, p: SourcePath): { startDate?: string | number; endDate?: string | number; when?: string } {
  const start = r.take([...p, 'start_date']);
  const end = r.take([...p, 'end_date']);
  const date = r.take([...p, 'date']);
  const out: { startDate?: string | number; endDate?: string | number; when?: string } = {};
  const when: string[] = [];
  if (start !== null && start !== undefined) {
    const s = toDate(start);
    if (s !== null && s !== 'present') out.startDate = s;
    else {
      r.note(
        [...p, 'start_date'],
        `kept as text in "when": "${String(start)}" is not a date folio can read (YYYY, YYYY-MM or YYYY-MM-DD)`,
      );
      when.push(String(start));
    }
    // RenderCV reads a missing end date as "present".
    const e = end === null || end === undefined ? 'present' : toDate(end);
    if (e !== null) out.endDate = e;
    else {
      r.note([...p, 'end_date'], `kept as text in "when": "${String(end)}" is not a date folio can read`);
      when.push(String(end));
    }
  } else if (date !== null && date !== undefined) {
    const d = toDate(date);
    if (d !== null && d !== 'present') out.endDate = d;
    else when.push(String(date).trim());
  }
  if (when.length) out.when = when.join(' – ');
  return out;
}

function highlights(r: Reader, p: SourcePath): string[] {
  return textsOf(r.take([...p, 'highlights']));
}

/** `[FlashInfer](https://github.com/)` → name FlashInfer, url https://github.com/: a folio name is plain text. */
function linkedName(s: string | undefined): { name?: string; url?: string } {
  const m = s ? /^\[([^\]]+)\]\((\S+)\)$/.exec(s) : null;
  if (m) return { name: m[1], url: toLink(m[2]) };
  return { name: s };
}

/** "Python, C++, CUDA" → its items; text without commas stays one keyword. */
function splitList(s: string | undefined): string[] {
  return s ? s.split(/\s*[,;]\s*/).filter(Boolean) : [];
}
