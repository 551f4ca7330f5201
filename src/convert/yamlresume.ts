import type { SectionId } from '../validate/schema.js';
import {
  bulletItems,
  type Converted,
  compact,
  isObject,
  type Json,
  Reader,
  type SourcePath,
  textsOf,
  toDate,
  toLang,
  toLink,
} from './common.js';

/** A YAMLResume file: the résumé under `content:`, beside `layouts:` or `locale:`. */
export function isYamlResume(data: Json): boolean {
  return isObject(data.content) && ('layouts' in data || 'locale' in data || 'basics' in data.content);
}

/**
 * YAMLResume → folio résumé. YAMLResume's `content` is JSON Resume with a few
 * differences, each undone here: `basics.headline` (label), `location` and
 * `profiles` beside `basics` rather than in it, `degree` (studyType), natural
 * dates ("Sep 1, 2016" → 2016-09), a blank endDate meaning "present", summaries
 * written as Markdown lists (→ highlights where the section has them).
 * `layouts` describe YAMLResume's pages: listed, not converted.
 */
export function fromYamlResume(input: Json): Converted {
  const r = new Reader(input);
  const c: SourcePath = ['content'];
  const basics: Json = {
    name: r.text([...c, 'basics', 'name']),
    label: r.text([...c, 'basics', 'headline']),
    email: r.text([...c, 'basics', 'email']),
    phone: r.text([...c, 'basics', 'phone']),
    url: link(r, [...c, 'basics', 'url']),
    summary: r.text([...c, 'basics', 'summary']),
  };
  const loc = [...c, 'location'];
  basics.location = compact({
    address: r.text([...loc, 'address']),
    postalCode: r.text([...loc, 'postalCode']),
    city: r.text([...loc, 'city']),
    region: r.text([...loc, 'region']),
    countryCode: r.text([...loc, 'country']),
  });
  basics.profiles = r.list([...c, 'profiles']).map((_, i) => {
    const p = [...c, 'profiles', i];
    return compact({
      network: r.text([...p, 'network']),
      username: r.text([...p, 'username']),
      url: link(r, [...p, 'url']),
    });
  });
  const out: Json = { basics: compact(basics) };

  const content = isObject(input.content) ? input.content : {};
  for (const id of Object.keys(content)) {
    if (!isYamlResumeSection(id)) continue;
    out[id] = r
      .list([...c, id])
      .map((item, i) => (isObject(item) ? entry(r, id, [...c, id, i], item) : {}))
      .filter((e) => Object.keys(e).length);
    if ((out[id] as unknown[]).length === 0) delete out[id];
  }

  const lang = toLang(r.text(['locale', 'language']));
  if (lang) out.folio = { lang };
  for (const k of ['layouts', 'locale']) {
    const v = input[k];
    if (Array.isArray(v))
      v.forEach((_, i) => r.drop([k, i], `not converted: YAMLResume ${k} (folio has its own page layout)`));
    else if (isObject(v))
      for (const sub of Object.keys(v))
        if (!(k === 'locale' && sub === 'language' && lang))
          r.drop([k, sub], `not converted: YAMLResume ${k} (folio has its own page layout)`);
  }
  r.drop(['meta'], 'not converted: YAMLResume metadata');
  r.drop(['$schema'], 'not converted: the schema of YAMLResume');
  return { data: out, notes: [...r.notes, ...r.leftovers('folio')] };
}

/**
 * YAMLResume's sections under `content` (the JSON Resume ones, each a folio section id: the type says so), with the
 * keys an entry shares with JSON Resume; dates, links and summaries are handled apart.
 */
const PLAIN: Readonly<Partial<Record<SectionId, readonly string[]>>> = {
  education: ['institution', 'area', 'score', 'courses'],
  work: ['name', 'position', 'location', 'description', 'keywords'],
  volunteer: ['organization', 'position'],
  awards: ['title', 'awarder'],
  certificates: ['name', 'issuer'],
  publications: ['name', 'publisher'],
  skills: ['name', 'level', 'keywords'],
  languages: ['language', 'fluency', 'keywords'],
  interests: ['name', 'keywords'],
  references: ['name', 'relationship', 'email', 'phone'],
  projects: ['name', 'description', 'keywords', 'roles', 'entity', 'type'],
};

const isYamlResumeSection = (id: string): id is SectionId => Object.hasOwn(PLAIN, id);

const WITH_HIGHLIGHTS = new Set<SectionId>(['work', 'volunteer', 'projects', 'education']);

function entry(r: Reader, id: SectionId, p: SourcePath, item: Json): Json {
  const e: Json = {};
  for (const k of PLAIN[id] ?? []) {
    const v = r.peek([...p, k]);
    // A mapping where text is expected is not taken: the leftover sweep lists what is inside it.
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) continue;
    r.take([...p, k]);
    e[k] = Array.isArray(v)
      ? textsOf(v)
      : typeof v === 'string' || typeof v === 'number'
        ? String(v).trim()
        : undefined;
  }
  if (id === 'education') e.studyType = r.text([...p, 'degree']);
  if ('url' in item) e.url = link(r, [...p, 'url']);
  for (const k of ['startDate', 'endDate', 'date', 'releaseDate'] as const) {
    if (!(k in item)) continue;
    const v = r.take([...p, k]);
    const blank = v === null || v === undefined || (typeof v === 'string' && !v.trim());
    // YAMLResume: "Leave endDate blank to indicate Present".
    if (k === 'endDate' && blank) e.endDate = item.startDate ? 'present' : undefined;
    else if (!blank) {
      const d = toDate(v);
      if (d === null)
        r.note([...p, k], `not converted: "${String(v)}" is not a date folio can read (YYYY, YYYY-MM or YYYY-MM-DD)`);
      else e[k] = d;
    }
  }
  const summary = r.text([...p, 'summary']);
  const bullets = bulletItems(summary);
  if (bullets && WITH_HIGHLIGHTS.has(id)) e.highlights = [...bullets, ...textsOf(r.take([...p, 'highlights']))];
  else if (id === 'references') e.reference = summary;
  else e.summary = summary;
  if (!e.highlights && 'highlights' in item) e.highlights = textsOf(r.take([...p, 'highlights']));
  return compact(e);
}

function link(r: Reader, p: SourcePath): string | undefined {
  const v = r.text(p);
  const url = toLink(v);
  if (v && !url) r.note(p, `not converted: "${v}" is not a web address folio can link (https://…)`);
  return url;
}
