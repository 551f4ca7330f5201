import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
import { prepareVariant } from '../src/pipeline/variant-build.js';
import { type Diagnostic, formatDiagnostic, UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { applyVariant, cutReason, outputName, tailor } from '../src/tailor/variants.js';
import type { Resume } from '../src/validate/schema.js';
import { validate } from '../src/validate/validate.js';
import { outputProblem } from '../src/validate/variants-check.js';
import { example, fixture, loadResume } from './helpers.js';

const today = new Date('2026-12-01');
const fixturePath = fixture('variants.yaml');

/** Validate YAML text; the diagnostics it raises, one line each. */
function problems(text: string): string[] {
  try {
    return validate(parseSource(text, 'cv.yaml'), { today }).warnings.map(oneLine);
  } catch (err) {
    if (err instanceof UserError) return err.diagnostics.map(oneLine);
    throw err;
  }
}
const oneLine = (d: Diagnostic) => formatDiagnostic(d).split('\n')[0] ?? '';

/** Titles of the entries of one section of a tailored résumé, as normalise shows them. */
function titles(resume: Resume, id: string): string[] {
  const s = normalise(resume).sections.find((x) => x.id === id);
  if (!s) return [];
  if (s.kind === 'entries') return s.entries.map((e) => e.subtitle ?? e.title ?? '');
  if (s.kind === 'groups') return s.groups.map((g) => g.name ?? '');
  return [];
}

describe('variants stage: tags, sections and overrides (pure Resume → Resume)', () => {
  const { resume } = loadResume(fixturePath);

  it('keeps untagged items and items with an include tag, drops excluded ones, at entry and bullet level', () => {
    const backend = applyVariant(resume, 'backend');
    expect(titles(backend, 'work')).toEqual(['Zephyr Payments', 'Numbat Consulting']);
    // The entry stays; its ml bullet goes (exclude), its untagged and backend bullets stay.
    expect(backend.work?.[0]?.highlights).toEqual([
      'Cut Zephyr checkout latency by 40% with a Go rewrite of the card router.',
      { text: 'Led the Zephyr ledger migration to PostgreSQL with zero downtime.', tags: 'backend' },
    ]);
    expect(titles(backend, 'skills')).toEqual(['Backend', 'Practices']);
    expect(backend.projects?.map((p) => p.name)).toEqual(['Heron query planner', 'Osprey dashboards']);

    const data = applyVariant(resume, 'data');
    expect(titles(data, 'work')).toEqual(['Quokka Analytics', 'Numbat Consulting']);
    // [data, backend] and ml bullets both have an include tag.
    expect(data.work?.[0]?.highlights?.length).toBe(14);
    expect(titles(data, 'skills')).toEqual(['Data', 'Machine learning', 'Practices']);
  });

  it('without include keeps every tagged item that is not excluded', () => {
    const lead = applyVariant(resume, 'lead');
    expect(titles(lead, 'work')).toEqual(['Zephyr Payments', 'Quokka Analytics', 'Numbat Consulting']);
    expect(lead.work?.[0]?.highlights?.length).toBe(3);
    expect(cutReason([], { include: [] })).toBeNull();
    expect(cutReason(['x'], { include: [] })).toMatch(/none of them in include/);
    expect(cutReason(['a', 'b'], { include: ['a'], exclude: ['b'] })).toMatch(/tagged b, which the variant excludes/);
  });

  it('shows the sections a variant lists, in its order, and leaves the rest out', () => {
    expect(normalise(applyVariant(resume, 'backend')).sections.map((s) => s.id)).toEqual([
      'work',
      'skills',
      'projects',
    ]);
    expect(normalise(applyVariant(resume, 'data')).sections.map((s) => s.id)).toEqual([
      'projects',
      'education',
      'work',
      'skills',
    ]);
    // Without sections: the base order, every section.
    expect(normalise(applyVariant(resume, 'lead')).sections.map((s) => s.id)).toEqual(
      normalise(resume).sections.map((s) => s.id),
    );
    const t = tailor(resume, 'backend');
    expect(t.cuts.filter((c) => c.path.length === 1).map((c) => c.path[0])).toEqual([
      'education',
      'awards',
      'references',
    ]);
  });

  it('merges basics overrides key by key and leaves the input untouched', () => {
    const before = JSON.stringify(resume);
    const data = applyVariant(resume, 'data');
    expect(data.basics).toMatchObject({
      name: 'Ada Example',
      label: 'Data engineer for streaming analytics',
      email: 'ada@example.com',
    });
    expect(data.basics?.summary).toMatch(/^Data engineer who builds/);
    expect(applyVariant(resume, 'backend').basics?.summary).toBe(resume.basics?.summary);
    expect(data).not.toHaveProperty('variants');
    expect(JSON.stringify(resume)).toBe(before);
  });

  it('merges callToAction and folio overrides too; the variant sections set the order', () => {
    const { resume: ex } = loadResume(example);
    const ml = applyVariant(ex, 'ml-platform');
    expect(ml.callToAction).toEqual({ title: 'Available for ML platform roles', text: ex.callToAction?.text });
    expect(ml.folio?.sections?.skills).toEqual({
      title: 'Stack',
      intro: 'Tools I use to run recommendation and ML platforms.',
    });
    expect(ml.folio?.sections?.projects).toEqual(ex.folio?.sections?.projects);
    expect(ml.folio?.order).toEqual(['metrics', 'work', 'projects', 'skills', 'callToAction']);
    expect(normalise(ml).header.availability).toBe('Available for ML platform roles');
  });

  it('maps tailored list indexes back to the source', () => {
    const t = tailor(resume, 'data');
    expect(t.origin(['work', 0])).toEqual(['work', 1]);
    expect(t.origin(['work', 1, 'highlights', 0])).toEqual(['work', 3, 'highlights', 0]);
    expect(t.origin(['projects', 1])).toEqual(['projects', 2]);
  });

  it('names outputs from the pattern, safely', () => {
    const t = tailor(resume, 'backend');
    expect(outputName(t, 'variants')).toBe('Ada-Example-Backend');
    expect(outputName(tailor(resume, 'data'), 'variants')).toBe('variants');
    const evil = tailor({ ...resume, basics: { name: '../../etc/ Mallory' } }, 'backend');
    expect(outputName(evil, 'variants')).toBe('etc-Mallory-Backend');
    for (const bad of ['../x', 'a/b', '/abs', 'C:\\x', 'x.pdf', '{who}-cv', '.hidden'])
      expect(outputProblem(bad)).not.toBeNull();
    expect(outputProblem('{name}-{variant}-CV')).toBeNull();
  });

  it('tells an unknown variant from a typo', () => {
    expect(() => applyVariant(resume, 'bakend')).toThrow(
      'error: no variant "bakend" (did you mean "backend"?); variants: backend, data, lead',
    );
    expect(() => applyVariant({ basics: {} }, 'x')).toThrow(/no variants: block/);
  });

  it('leaves the base build alone: without a variant nothing is filtered', () => {
    const { model } = loadResume(example);
    const texts = JSON.stringify(model);
    for (const s of [
      'Designed REST APIs in Java',
      'Served vector-embedding retrieval',
      'Experiment quality',
      'AI-adjacent systems',
      'Beyond backend',
    ]) {
      expect(texts).toContain(s);
    }
  });
});

describe('validate stage: the variants block', () => {
  const base = readFileSync(fixturePath, 'utf8');

  it('accepts the fixture and the example', () => {
    expect(problems(base)).toEqual([]);
    expect(problems(readFileSync(example, 'utf8'))).toEqual([]);
  });

  it('rejects a tag no variant declares, at its line, suggesting the nearest', () => {
    const text = base.replace('    tags: [data]\n', '    tags: [dta]\n');
    const line = text.split('\n').indexOf('    tags: [dta]') + 1;
    expect(problems(text)).toEqual([
      `cv.yaml:${line}:12: error: work[1].tags[0]: tag "dta" is not in any variant's include or exclude (did you mean "data"?)`,
    ]);
    // A bullet's single-string tag, with no near match: the declared tags are listed.
    const t2 = base.replace('        tags: ml\n', '        tags: robotics\n');
    const l2 = t2.split('\n').indexOf('        tags: robotics') + 1;
    expect(problems(t2)).toContain(
      `cv.yaml:${l2}:15: error: work[0].highlights[2].tags: tag "robotics" is not in any variant's include or exclude; declared tags: backend, data, intern, ml`,
    );
  });

  it('treats tags as inert when there are no variants', () => {
    const text = base.slice(0, base.indexOf('variants:')).replace('tags: [data]', 'tags: [anything]');
    expect(problems(text)).toEqual([]);
  });

  it('validates overrides against the schema at the override line', () => {
    const text = base.replace(
      '      label: Data engineer for streaming analytics',
      '      label: Data engineer\n      email: not-an-email\n      lable: typo',
    );
    const lines = text.split('\n');
    const at = (s: string) => lines.indexOf(s) + 1;
    expect(problems(text)).toEqual([
      `cv.yaml:${at('      email: not-an-email')}:14: error: variants.data.basics.email: expected an email address like name@example.com (got "not-an-email")`,
      `cv.yaml:${at('      lable: typo')}:7: warning: variants.data.basics.lable: unknown key "lable" (did you mean "label"?)`,
    ]);
  });

  it('re-validates the merged résumé: an override that breaks a rule is located at the override', () => {
    const text = `basics: { name: A }\nwork:\n  - name: X\n    tags: a\nvariants:\n  v:\n    include: [a]\n    callToAction:\n      text: Call me.\n`;
    const src = parseSource(text, 'cv.yaml');
    const { resume } = validate(src, { today });
    let err: unknown;
    try {
      prepareVariant(src, resume, 'v', { fallbackName: 'cv' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).diagnostics.map(oneLine)).toEqual([
      'cv.yaml:9:7: error: callToAction: missing required key "title"',
    ]);
  });

  it('rejects unsafe output patterns and variant names, and warns about unused tags and a fit without maxPages', () => {
    const text = [
      'basics: { name: A }',
      'work:',
      '  - name: X',
      '    tags: a',
      'variants:',
      '  v:',
      '    include: [a, unused]',
      '    output: ../../{name}',
      '    fit: true',
      '  "../up":',
      '    exclude: [a]',
      '',
    ].join('\n');
    expect(problems(text)).toEqual([
      'cv.yaml:7:18: warning: variants.v.include[1]: tag "unused" is not used by any item',
      'cv.yaml:8:13: error: variants.v.output: an output name may not contain / or \\: the files always go into out/<variant>/ (got "../../{name}")',
      'cv.yaml:9:10: warning: variants.v.fit: fit has nothing to fit to without maxPages',
      'cv.yaml:10:3: error: variants.../up: variant name "../up" is used as a folder name: use letters, digits, dash and underscore, starting with a letter or digit',
    ]);
  });
});
