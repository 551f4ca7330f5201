import {
  type Converted,
  compact,
  isObject,
  type Json,
  Reader,
  type SourcePath,
  textOf,
  textsOf,
  toDate,
  toLink,
} from './common.js';

/** A FRESH résumé (HackMyResume's format) says so in `meta.format`, e.g. `FRESH@0.6.0`. */
export function isFresh(data: Json): boolean {
  const format = isObject(data.meta) ? data.meta.format : undefined;
  return typeof format === 'string' && /^FRESH\b/i.test(format.trim());
}

/**
 * FRESH → folio résumé. Every FRESH section has a folio home: its own section
 * (employment → work, service → volunteer, writing → publications, recognition →
 * awards, …) or a custom section under the FRESH name (affiliation, samples,
 * reading, speaking, testimonials, extracurricular, governance). Fields folio has
 * no slot for but that hold text (a speaking event, a reading's author) stay on
 * the entry under their FRESH name, where folio shows them as extra lines.
 */
export function fromFresh(input: Json): Converted {
  const r = new Reader(input);
  const out: Json = {};
  const titles: Json = {};

  // 1. Who: name, info, contact, location, social.
  const basics: Json = { name: r.text(['name']), label: r.text(['info', 'label']) };
  basics.tagline = r.text(['info', 'quote']);
  basics.summary = r.text(['info', 'brief']);
  basics.image = r.text(['info', 'image']);
  basics.email = r.text(['contact', 'email']);
  basics.phone = r.text(['contact', 'phone']);
  basics.url = link(r, ['contact', 'website']);
  const characterClass = r.text(['info', 'characterClass']);
  if (characterClass && characterClass !== basics.label) basics.characterClass = characterClass;
  basics.location = compact({
    address: r.text(['location', 'address']),
    city: r.text(['location', 'city']),
    region: r.text(['location', 'region']),
    postalCode: r.text(['location', 'code']),
    countryCode: r.text(['location', 'country']),
  });
  const profiles: Json[] = [];
  r.list(['social']).forEach((_, i) => {
    const p = ['social', i];
    const network = r.text([...p, 'network']);
    const label = r.text([...p, 'label']);
    profiles.push(
      compact({ network: network ?? label, username: r.text([...p, 'user']), url: link(r, [...p, 'url']) }),
    );
    if (label && network && label !== network)
      r.note(
        [...p, 'label'],
        `not converted: the label "${label}" (folio names a profile by its network, "${network}")`,
      );
  });
  r.list(['contact', 'other']).forEach((_, i) => {
    const p = ['contact', 'other', i];
    const flavor = r.text([...p, 'flavor']);
    const label = r.text([...p, 'label']) ?? flavor;
    const value = r.text([...p, 'value']);
    const url =
      flavor === 'email' && value
        ? `mailto:${value}`
        : flavor === 'phone' && value
          ? `tel:${value.replace(/[^\d+]/g, '')}`
          : toLink(value);
    // A second phone or email has no slot in basics: a labelled profile link keeps it visible and clickable.
    profiles.push(compact({ network: label, username: value, url }));
  });
  basics.profiles = profiles;
  out.basics = compact(basics);

  // 2. Sections, in FRESH's order as written in the file.
  for (const key of Object.keys(input)) {
    switch (key) {
      case 'employment':
        out.work = history(r, key, titles, 'work', (p) => ({
          name: r.text([...p, 'employer']),
          position: r.text([...p, 'position']),
          url: link(r, [...p, 'url']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: textsOf(r.take([...p, 'highlights'])),
          keywords: textsOf(r.take([...p, 'keywords'])),
        }));
        break;
      case 'education': {
        out.education = history(r, key, titles, 'education', (p) => ({
          institution: r.text([...p, 'institution']),
          studyType: r.text([...p, 'title']),
          area: r.text([...p, 'area']),
          url: link(r, [...p, 'url']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          score: r.text([...p, 'grade']),
          summary: r.text([...p, 'summary']),
          courses: textsOf(r.take([...p, 'curriculum'])),
          highlights: textsOf(r.take([...p, 'highlights'])),
        }));
        r.drop([key, 'level'], 'not converted: the highest level of education is read from the entries');
        r.drop([key, 'degree'], 'not converted: the highest degree is shown with its entry');
        break;
      }
      case 'service':
        out.volunteer = history(r, key, titles, 'volunteer', (p) => ({
          organization: r.text([...p, 'organization']),
          position: r.text([...p, 'position']),
          url: link(r, [...p, 'url']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: textsOf(r.take([...p, 'highlights'])),
          kind: r.text([...p, 'flavor']),
        }));
        break;
      case 'affiliation':
        out.affiliations = history(r, key, titles, 'affiliations', (p) => ({
          name: r.text([...p, 'organization']),
          title: r.text([...p, 'role']),
          url: link(r, [...p, 'url']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: textsOf(r.take([...p, 'highlights'])),
        }));
        break;
      case 'governance':
        out.governance = list(r, key, (p) => ({
          name: r.text([...p, 'organization']),
          title: r.text([...p, 'role']),
          url: link(r, [...p, 'url']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: textsOf(r.take([...p, 'highlights'])),
          kind: r.text([...p, 'flavor']),
        }));
        break;
      case 'projects':
        out.projects = list(r, key, (p) => ({
          name: r.text([...p, 'title']),
          category: r.text([...p, 'category']),
          description: r.text([...p, 'description']),
          summary: r.text([...p, 'summary']),
          url: link(r, [...p, 'url']),
          repo: link(r, [...p, 'repo']),
          roles: textsOf(r.take([...p, 'role'])),
          ...dates(r, p),
          keywords: textsOf(r.take([...p, 'keywords'])),
          highlights: textsOf(r.take([...p, 'highlights'])),
          media: r
            .list([...p, 'media'])
            .map((_, j) =>
              [r.text([...p, 'media', j, 'category']), link(r, [...p, 'media', j, 'url'])].filter(Boolean).join(': '),
            )
            .filter(Boolean),
        }));
        break;
      case 'skills': {
        const sets = list(r, ['skills', 'sets'], (p) => ({
          name: r.text([...p, 'name']),
          level: r.text([...p, 'level']),
          keywords: textsOf(r.take([...p, 'skills'])),
        }));
        const single = list(r, ['skills', 'list'], (p) => ({
          name: r.text([...p, 'name']),
          level: r.text([...p, 'level']),
          summary: r.text([...p, 'summary']),
          years: r.text([...p, 'years']),
          proof: link(r, [...p, 'proof']),
        }));
        for (const [i] of single.entries()) r.drop(['skills', 'list', i, 'id'], 'not converted: an internal id');
        out.skills = [...sets, ...single];
        break;
      }
      case 'samples':
        out.samples = list(r, key, (p) => ({
          title: r.text([...p, 'title']),
          url: link(r, [...p, 'url']),
          date: date(r, [...p, 'date']),
          summary: r.text([...p, 'summary']),
        }));
        break;
      case 'writing':
        out.publications = list(r, key, (p) => {
          const pub = r.take([...p, 'publisher']);
          const publisher = isObject(pub) ? textOf(pub.name) : textOf(pub);
          return {
            name: r.text([...p, 'title']),
            publisher,
            publisherUrl: isObject(pub) ? toLink(pub.url) : undefined,
            releaseDate: date(r, [...p, 'date']),
            url: link(r, [...p, 'url']),
            summary: r.text([...p, 'summary']),
            authors: textsOf(r.take([...p, 'author'])).join(', '),
            kind: r.text([...p, 'flavor']),
          };
        });
        break;
      case 'reading':
        out.reading = list(r, key, (p) => ({
          title: r.text([...p, 'title']),
          author: textsOf(r.take([...p, 'author'])).join(', '),
          url: link(r, [...p, 'url']),
          date: date(r, [...p, 'date']),
          summary: r.text([...p, 'summary']),
          kind: r.text([...p, 'flavor']),
        }));
        break;
      case 'speaking':
        out.speaking = list(r, key, (p) => ({
          title: r.text([...p, 'title']),
          event: r.text([...p, 'event']),
          role: r.text([...p, 'role']),
          location: r.text([...p, 'location']),
          date: date(r, [...p, 'date']),
          url: link(r, [...p, 'url']),
          summary: r.text([...p, 'summary']),
          highlights: textsOf(r.take([...p, 'highlights'])),
        }));
        break;
      case 'recognition':
        out.awards = list(r, key, (p) => ({
          title: r.text([...p, 'title']),
          awarder: r.text([...p, 'from']),
          date: date(r, [...p, 'date']),
          url: link(r, [...p, 'url']),
          summary: r.text([...p, 'summary']),
          event: r.text([...p, 'event']),
          kind: r.text([...p, 'flavor']),
        }));
        break;
      case 'references':
        out.references = list(r, key, (p) => ({
          name: r.text([...p, 'name']),
          reference: r.text([...p, 'summary']) ?? r.text([...p, 'quote']),
          kind: r.text([...p, 'flavor']),
          contact: r
            .list([...p, 'contact'])
            .map((_, j) => {
              const label = r.text([...p, 'contact', j, 'label']) ?? r.text([...p, 'contact', j, 'flavor']);
              r.take([...p, 'contact', j, 'flavor']);
              const value = r.text([...p, 'contact', j, 'value']);
              return [label, value].filter(Boolean).join(': ');
            })
            .filter(Boolean),
        }));
        break;
      case 'testimonials':
        out.testimonials = list(r, key, (p) => ({
          name: r.text([...p, 'name']),
          summary: r.text([...p, 'quote']),
          kind: r.text([...p, 'flavor']),
        }));
        break;
      case 'languages':
        out.languages = list(r, key, (p) => ({
          language: r.text([...p, 'language']),
          fluency: r.text([...p, 'level']),
          years: r.text([...p, 'years']),
        }));
        break;
      case 'extracurricular':
        out.extracurricular = list(r, key, (p) => ({
          title: r.text([...p, 'title']),
          name: r.text([...p, 'activity']),
          location: r.text([...p, 'location']),
          ...dates(r, p),
          summary: r.text([...p, 'summary']),
          highlights: textsOf(r.take([...p, 'highlights'])),
        }));
        break;
      case 'interests':
        out.interests = list(r, key, (p) => ({
          name: r.text([...p, 'name']),
          keywords: textsOf(r.take([...p, 'keywords'])),
          summary: r.text([...p, 'summary']),
        }));
        break;
      default:
    }
  }
  for (const key of Object.keys(out))
    if (Array.isArray(out[key]) && (out[key] as unknown[]).length === 0) delete out[key];
  privateEntries(r, input);
  r.drop(['meta'], 'not converted: FRESH metadata (format and version)');
  if (Object.keys(titles).length) out.folio = { sections: titles };
  return { data: out, notes: [...r.notes, ...r.leftovers('folio')] };
}

/** A FRESH `{summary, history[]}` block: the entries, and its summary as the section's summary. */
function history(r: Reader, key: string, titles: Json, id: string, fn: (p: SourcePath) => Json): Json[] {
  const summary = r.text([key, 'summary']);
  if (summary) titles[id] = { summary };
  return list(r, [key, 'history'], fn);
}

function list(r: Reader, at: string | SourcePath, fn: (p: SourcePath) => Json): Json[] {
  const base = typeof at === 'string' ? [at] : at;
  return r
    .list(base)
    .map((item, i) => {
      if (!isObject(item)) return {};
      // FRESH's `ignore: true` keeps an entry in the file but out of every output.
      if (item.ignore === true) {
        r.drop([...base, i], 'left out: marked "ignore" in FRESH, so it was not meant to be shown');
        return {};
      }
      return compact(fn([...base, i]));
    })
    .filter((e) => Object.keys(e).length > 0);
}

/** FRESH `start`/`end` as folio dates; FRESH themes read a start without an end (or `current: true`) as ongoing. */
function dates(r: Reader, p: SourcePath): Json {
  const start = date(r, [...p, 'start']);
  const current = r.take([...p, 'current']) === true;
  const end = date(r, [...p, 'end']);
  return { startDate: start, endDate: current || (start !== undefined && end === undefined) ? 'present' : end };
}

function date(r: Reader, p: SourcePath): string | number | undefined {
  const v = r.take(p);
  if (v === undefined || v === null || v === '') return undefined;
  const d = toDate(v);
  if (d === null) {
    r.note(p, `not converted: "${String(v)}" is not a date folio can read (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return undefined;
  }
  return d;
}

function link(r: Reader, p: SourcePath): string | undefined {
  const v = r.text(p);
  const url = toLink(v);
  if (v && !url) r.note(p, `not converted: "${v}" is not a web address folio can link (https://…)`);
  return url;
}

/**
 * FRESH marks entries `private: true` for its private outputs; folio has no such outputs, so it says which ones it
 * shows.
 */
function privateEntries(r: Reader, input: Json): void {
  const visit = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (isObject(v)) {
      if (v.private === true) {
        r.take([...path, 'private']);
        r.note(
          [...path, 'private'],
          'marked private in FRESH: folio shows every entry, so delete this one from the YAML if it must stay private',
        );
      }
      for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
    }
  };
  visit(input, []);
}
