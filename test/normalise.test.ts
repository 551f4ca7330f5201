import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
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
});
