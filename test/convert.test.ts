import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDate, toLink } from '../src/convert/common.js';
import { convert, detectFormat } from '../src/convert/detect.js';
import { fromFresh } from '../src/convert/fresh.js';
import { fromJsonResume } from '../src/convert/jsonresume/import.js';
import { fromRenderCv } from '../src/convert/rendercv.js';
import { fromYamlResume } from '../src/convert/yamlresume.js';
import { parseSource } from '../src/source/load.js';
import { fixture } from './helpers.js';

const load = (name: string) =>
  parseSource(readFileSync(fixture(`convert/${name}`), 'utf8'), name).data as Record<string, unknown>;
const noteAt = (notes: { path: ReadonlyArray<string | number>; text: string }[], path: string) =>
  notes.filter((n) => n.path.join('.') === path).map((n) => n.text);

describe('convert: format detection', () => {
  it('tells each format from its shape, and a non-résumé from all of them', () => {
    expect(detectFormat(load('rendercv.yaml'))).toBe('rendercv');
    expect(detectFormat(load('fresh.json'))).toBe('fresh');
    expect(detectFormat(load('yamlresume.yaml'))).toBe('yamlresume');
    expect(detectFormat({ basics: { name: 'A' }, work: [] })).toBe('jsonresume');
    expect(detectFormat(load('not-a-resume.yaml'))).toBeNull();
    expect(detectFormat(['a list'])).toBeNull();
    // Negative control: a JSON Resume file with a key named `content` is still JSON Resume.
    expect(detectFormat({ content: 'x', basics: { name: 'A' } })).toBe('jsonresume');
  });
});

describe('convert: RenderCV', () => {
  const { data, notes } = fromRenderCv(load('rendercv.yaml'));

  it('maps the header, building profile links the way RenderCV does', () => {
    expect(data.basics).toEqual({
      name: 'Ines Okafor',
      label: 'Robotics engineer',
      location: { city: 'Lagos, Nigeria' },
      email: 'ines@example.org',
      phone: '+234 800 000 0000',
      url: 'https://ines.example.org',
      image: 'ines.jpg',
      summary: 'Builds **walking robots** that survive the field.',
      profiles: [
        { network: 'GitHub', username: 'inesok', url: 'https://github.com/inesok' },
        { network: 'Mastodon', username: '@ines@robots.social', url: 'https://robots.social/@ines' },
      ],
    });
  });

  it('keeps the sections in the file order, each in the folio section of its kind or a custom one', () => {
    expect(Object.keys(data)).toEqual([
      'basics',
      'education',
      'work',
      'internships',
      'projects',
      'publications',
      'skills',
      'honors',
      'patents',
      'talks',
      'volunteer_work',
      'folio',
    ]);
    expect(data.work).toEqual([
      {
        name: 'Fieldbots',
        position: 'Lead engineer',
        location: 'Remote',
        startDate: '2019-03',
        endDate: 'present',
        summary: 'Legged platforms for farms.',
        highlights: ['Cut gearbox failures by 40%'],
      },
    ]);
    expect(data.internships).toEqual([
      {
        name: 'Kinetic Labs',
        position: 'Intern',
        startDate: '2015-06',
        endDate: '2015-09',
        highlights: ['Wrote the motor test bench'],
      },
    ]);
    expect(data.education).toEqual([
      {
        institution: 'University of Lagos',
        area: 'Mechanical Engineering',
        studyType: 'BEng',
        location: 'Lagos',
        startDate: '2012-09',
        endDate: '2016-07',
        highlights: ['First-class honours'],
      },
    ]);
    expect(data.projects).toEqual([
      {
        name: 'Strider',
        url: 'https://example.org/strider',
        endDate: 2021,
        highlights: ['1,200 stars'],
        description: 'An open quadruped.',
      },
    ]);
    expect(data.publications).toEqual([
      {
        name: 'Gait Planning on Soft Soil',
        publisher: 'ICRA 2022',
        releaseDate: '2022-05',
        url: 'https://doi.org/10.1234/gait.2022',
        authors: '*Ines Okafor*, Tunde Bello',
      },
    ]);
    expect(data.skills).toEqual([
      { name: 'Languages', keywords: ['C++', 'Rust', 'Python'] },
      { name: 'Tools', keywords: ['ROS 2', 'Gazebo'] },
    ]);
    expect(data.honors).toEqual(['Best Paper, ICRA 2022', 'Forty under forty (2023)']);
    expect(data.patents).toEqual(['Compliant foot for legged robots (NG 12345)']);
    expect(data.volunteer_work).toEqual([
      { name: 'Code Club Lagos', when: 'Fall 2020', summary: 'Taught children to program.' },
    ]);
    expect(data.folio).toEqual({
      lang: 'en',
      sections: {
        internships: { title: 'Internships' },
        skills: { title: 'Technologies' },
        honors: { title: 'Honors' },
        patents: { title: 'Patents' },
        talks: { title: 'Talks' },
        volunteer_work: { title: 'Volunteer Work' },
      },
    });
  });

  it('lists each value it does not carry over at its own path, and nothing else', () => {
    expect(noteAt(notes, 'design.theme')).toHaveLength(1);
    expect(noteAt(notes, 'design.page')).toHaveLength(1);
    expect(noteAt(notes, 'settings.current_date')).toHaveLength(1);
    // locale.language became folio.lang: not listed as lost.
    expect(noteAt(notes, 'locale.language')).toEqual([]);
    expect(notes.map((n) => n.path.join('.')).sort()).toEqual(['design.page', 'design.theme', 'settings.current_date']);
  });

  it('a value with no place is listed by the leftover sweep (negative control for the list above)', () => {
    const input = load('rendercv.yaml');
    ((input.cv as Record<string, unknown>).sections as Record<string, unknown[]>).experience?.push({
      company: 'X',
      position: 'Y',
      start_date: '2020',
      mood: 'happy',
    });
    const r = fromRenderCv(input);
    expect(noteAt(r.notes, 'cv.sections.experience.1.mood')).toEqual([
      'not converted: folio has no place for it ("happy")',
    ]);
  });
});

describe('convert: FRESH', () => {
  const { data, notes } = fromFresh(load('fresh.json'));

  it('maps every FRESH section to a folio or custom section', () => {
    expect(Object.keys(data)).toEqual([
      'basics',
      'work',
      'education',
      'projects',
      'skills',
      'volunteer',
      'affiliations',
      'publications',
      'reading',
      'speaking',
      'awards',
      'references',
      'testimonials',
      'languages',
      'interests',
      'samples',
      'extracurricular',
      'governance',
      'folio',
    ]);
    expect(data.work).toEqual([
      {
        name: 'Nordic Freight',
        position: 'Senior data engineer',
        url: 'https://freight.example.com',
        startDate: '2020-02',
        endDate: 'present',
        summary: 'Owns the ingestion platform.',
        highlights: ['Replaced nightly batches with streams'],
        keywords: ['Kafka', 'Flink'],
      },
      { name: 'Ostkust Bank', position: 'Data engineer', startDate: '2016-01', endDate: '2020-01' },
    ]);
    expect(data.skills).toEqual([
      { name: 'Streaming', level: 'expert', keywords: ['Kafka', 'Flink', 'Beam'] },
      { name: 'SQL', level: '9', summary: 'Daily since 2014.', years: '10' },
    ]);
    expect(data.publications).toEqual([
      {
        name: 'Streams at Scale',
        publisher: 'Tech Press',
        publisherUrl: 'https://press.example.com',
        releaseDate: '2022-03',
        summary: 'A practical guide.',
        kind: 'book',
      },
    ]);
    expect(data.awards).toEqual([{ title: 'Engineer of the Year', awarder: 'Nordic Freight', date: '2022' }]);
    expect(data.affiliations).toEqual([{ name: 'ACM', title: 'Member', startDate: '2015', endDate: 'present' }]);
    expect(data.references).toEqual([
      { name: 'Anna Berg', kind: 'professional', contact: ['Email: anna@example.com'] },
    ]);
    expect((data.basics as Record<string, unknown>).profiles).toEqual([
      { network: 'GitHub', username: 'tlq', url: 'https://github.com/tlq' },
      { network: 'Work email', username: 't.l@work.example', url: 'mailto:t.l@work.example' },
    ]);
    expect(data.folio).toEqual({ sections: { work: { summary: 'Nine years of data platforms.' } } });
  });

  it('says what it leaves out and why, at the line of each', () => {
    expect(noteAt(notes, 'affiliation.history.1')[0]).toMatch(/marked "ignore"/);
    expect(noteAt(notes, 'references.0.private')[0]).toMatch(/marked private in FRESH/);
    expect(noteAt(notes, 'meta')[0]).toMatch(/FRESH metadata/);
    expect(notes.filter((n) => n.text.startsWith('not converted: folio has no place'))).toEqual([]);
  });
});

describe('convert: YAMLResume', () => {
  const { data, notes } = fromYamlResume(load('yamlresume.yaml'));

  it('undoes the differences from JSON Resume: headline, location, natural dates, blank end date, list summaries', () => {
    const basics = data.basics as Record<string, unknown>;
    expect(basics.label).toBe('Frontend developer');
    expect(basics.location).toEqual({ city: 'Osaka', countryCode: 'Japan' });
    expect(data.work).toEqual([
      {
        name: 'Kansai Web',
        position: 'Senior developer',
        keywords: ['React', 'TypeScript'],
        url: 'https://kansai.example.jp',
        startDate: '2021-04',
        endDate: 'present',
        highlights: ['Rebuilt the design system', 'Mentored four juniors'],
      },
    ]);
    expect(data.education).toEqual([
      {
        institution: 'Osaka University',
        area: 'Information Science',
        score: '3.6',
        courses: ['Human-computer interaction'],
        studyType: 'Bachelor',
        startDate: '2013-04',
        endDate: '2017-03',
      },
    ]);
    expect(data.awards).toEqual([{ title: 'Good Design Award', awarder: 'JIDPO', date: '2022-10' }]);
    expect(data.references).toEqual([
      { name: 'Ken Mori', relationship: 'Former manager', reference: 'Mei raises the bar for every release.' },
    ]);
    expect(data.folio).toEqual({ lang: 'ja' });
  });

  it('lists the layouts, and nothing of the content, as not converted', () => {
    expect(notes.map((n) => n.path.join('.'))).toEqual(['layouts.0', 'layouts.1']);
  });
});

describe('convert: JSON Resume 0.x and hostile keys', () => {
  it('renames website → url in every section, projects included', () => {
    const { data, notes } = fromJsonResume({
      projects: [{ name: 'P', website: 'https://p.example' }],
      certificates: [{ name: 'C', website: 'https://c.example' }],
    });
    expect(data.projects).toEqual([{ name: 'P', url: 'https://p.example' }]);
    expect(data.certificates).toEqual([{ name: 'C', url: 'https://c.example' }]);
    expect(notes).toContain('renamed projects[].website → url: the JSON Resume 1.0 name');
  });

  it('leaves no __proto__ key behind and sets no prototype', () => {
    const input = JSON.parse(
      '{"basics":{"name":"A","__proto__":{"polluted":"yes"}},"work":[{"name":"W","x-folio":{"__proto__":{"p":1}}}]}',
    );
    const { data, notes } = fromJsonResume(input);
    const basics = data.basics as Record<string, unknown>;
    expect(Object.keys(basics)).toEqual(['name']);
    expect(Object.getPrototypeOf(basics)).toBe(Object.prototype);
    expect((basics as { polluted?: string }).polluted).toBeUndefined();
    expect(notes.filter((n) => n.includes('__proto__'))).toHaveLength(2);
  });

  it('convert() passes JSON Resume through with its notes', () => {
    const r = convert('jsonresume', { work: [{ company: 'Acme' }] });
    expect(r.data.work).toEqual([{ name: 'Acme' }]);
    expect(r.notes).toEqual([{ path: [], text: 'renamed work[].company → name: the JSON Resume 1.0 name' }]);
  });
});

describe('convert: dates and links other formats write', () => {
  it('reads the date forms of RenderCV, FRESH and YAMLResume', () => {
    expect(toDate('Sep 1, 2016')).toBe('2016-09');
    expect(toDate('September 2016')).toBe('2016-09');
    expect(toDate('2016/5')).toBe('2016-05');
    expect(toDate('1859-01-01')).toBe('1859-01-01');
    expect(toDate(2021)).toBe(2021);
    expect(toDate('present')).toBe('present');
    expect(toDate('2025-13-01')).toBeNull();
    expect(toDate('2025-02-30')).toBeNull();
    expect(toDate('Fall 2025')).toBeNull();
  });
  it('accepts web links, adds https:// to a bare domain, refuses the rest', () => {
    expect(toLink('example.com/x')).toBe('https://example.com/x');
    expect(toLink('http://a.example')).toBe('http://a.example');
    expect(toLink('not_a_valid_url')).toBeUndefined();
    expect(toLink('javascript:alert(1)')).toBeUndefined();
  });
});
