import { describe, expect, it } from 'vitest';
import type { Work } from '../src/generated/resume.js';
import { normalise } from '../src/model/normalise.js';
import type { Resume } from '../src/validate/schema.js';
import { example, fixture, loadResume } from './helpers.js';

describe('normalise stage', () => {
  it('orders sections by folio.order, then the default order, skipping empty ones', () => {
    const { resume } = loadResume(example);
    expect(normalise(resume).sections.map((s) => s.id)).toEqual([
      'metrics',
      'projects',
      'work',
      'principles',
      'skills',
      'activities',
      'callToAction',
    ]);
    const reordered = normalise({ ...resume, folio: { ...resume.folio, order: ['skills', 'work'] } });
    expect(reordered.sections.map((s) => s.id).slice(0, 3)).toEqual(['skills', 'work', 'metrics']);
  });

  it('prepares display strings: dates, links, numbered principles, section titles', () => {
    const { model } = loadResume(example);
    const work = model.sections.find((s) => s.id === 'work');
    expect(work?.kind === 'entries' && work.entries[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      subtitle: 'Example Ad-Tech Co.',
      dates: 'Jan 2021 – Present',
    });
    const principles = model.sections.find((s) => s.id === 'principles');
    expect(principles?.kind === 'principles' && principles.principles.map((p) => p.number)).toEqual(['01', '02', '03']);
    expect(model.header.contacts.map((c) => c.text)).toEqual([
      'you@example.com',
      '+1 555 010 0000',
      'example.com',
      'github.com/yourname',
      'linkedin.com/in/yourname',
    ]);
    expect(model.header.contacts[1]).toMatchObject({ href: 'tel:+15550100000', private: true });
    expect(model.sections.find((s) => s.id === 'projects')?.title).toBe('Selected engineering stories');
  });

  it('maps every JSON Resume section onto entries, keeping source order', () => {
    const { model } = loadResume(fixture('jsonresume-full.json'));
    const byId = Object.fromEntries(model.sections.map((s) => [s.id, s]));
    const work = byId.work;
    expect(work?.kind === 'entries' && work.entries.map((e) => e.subtitle)).toEqual(['Nordlys Logistics', 'Kvarn AB']);
    const edu = byId.education;
    expect(edu?.kind === 'entries' && edu.entries[0]).toMatchObject({
      title: 'Master in Computer Science',
      subtitle: 'Chalmers University of Technology',
      dates: '2016 – 2018',
      details: ['4.6/5'],
    });
    expect(model.header.address).toEqual(['Storgatan 12', '411 38']);
    expect(model.header.location).toBe('Göteborg, Västra Götaland, SE');
  });
});

describe('normalise stage: profiles', () => {
  it('shows the user name when the profile URL stops at the site', () => {
    const { resume } = loadResume(example);
    const profiles = [
      { network: 'Twitter', username: 'neutralthoughts', url: 'https://www.twitter.com' },
      { network: 'GitHub', username: 'Ada', url: 'https://github.com/ada' },
    ];
    const contacts = normalise({ ...resume, basics: { ...resume.basics, profiles } }).header.contacts.filter(
      (c) => c.kind === 'profile',
    );
    expect(contacts.map((c) => c.text)).toEqual(['twitter.com (neutralthoughts)', 'github.com/ada']);
  });

  it('reads list items as their schema types: a misspelt field is a compile error (npm run lint type-checks tests)', () => {
    const work: Work = { position: 'Engineer', name: 'Acme' };
    // @ts-expect-error `positon` is no field of Work: item types have no index signature, so normalise cannot misread one.
    expect(work.positon).toBeUndefined();
  });

  it('records which source keys fill each slot, in the order shown: the self-check reads its order from them', () => {
    // Keys the schema does not define (an extra line, a taken slot) are what a source may hold: read as parsed YAML.
    const resume = {
      work: [{ position: 'Engineer', name: 'Acme', startDate: '2020', description: 'Payments', flavour: 'x' }],
      education: [{ institution: 'Uni', studyType: 'MSc', area: 'CS', courses: ['Compilers'], keywords: ['k'] }],
    } as unknown as Resume;
    const model = normalise(resume);
    const [work, education] = model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries : []));
    expect(work?.sources).toMatchObject({
      title: ['position'],
      subtitle: ['name'],
      dates: ['startDate', 'endDate'],
      details: ['description'],
      highlights: ['flavour'],
    });
    // Courses show as the keywords; the item's own keywords have no slot left and close the bullets.
    expect(education?.sources).toMatchObject({
      title: ['studyType', 'area'],
      keywords: ['courses'],
      highlights: ['keywords'],
    });
    expect(education?.heading).toBe(`${education?.title}${education?.headingRest}`);
  });
});
