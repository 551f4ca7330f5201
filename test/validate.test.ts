import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic, UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { example, fixture } from './helpers.js';

const today = new Date('2026-12-01');

/** Validate YAML text; return the diagnostics it raises (errors and warnings). */
function problems(text: string, strict = false): Diagnostic[] {
  try {
    const src = parseSource(text, 'resume.yaml');
    return validate(src, { today, strict }).warnings;
  } catch (err) {
    if (err instanceof UserError) return err.diagnostics;
    throw err;
  }
}

const oneLine = (d: Diagnostic) => formatDiagnostic(d).split('\n')[0];

describe('validate stage', () => {
  it('accepts the example résumé with no warnings', () => {
    expect(problems(readFileSync(example, 'utf8'))).toEqual([]);
  });

  it('accepts a JSON Resume document with every section (JSON is YAML)', () => {
    expect(problems(readFileSync(fixture('jsonresume-full.json'), 'utf8'))).toEqual([]);
  });

  it('points a bad date at its line and column, with the value', () => {
    const text = [
      'basics:',
      '  name: A',
      'work:',
      '  - name: X',
      '    startDate: 2020-01',
      '  - name: Y',
      '    startDate: March 2021',
      '',
    ].join('\n');
    expect(problems(text).map(oneLine)).toEqual([
      'resume.yaml:7:16: error: work[1].startDate: expected a date like 2021-03 (got "March 2021")',
    ]);
  });

  it('shows the source line with a caret under the column', () => {
    const [d] = problems('work:\n  - startDate: March 2021\n');
    expect(formatDiagnostic(d as Diagnostic)).toBe(
      'resume.yaml:2:16: error: work[0].startDate: expected a date like 2021-03 (got "March 2021")\n' +
        '   2 |   - startDate: March 2021\n' +
        '     |                ^',
    );
  });

  it('rejects wrong types with plain words', () => {
    const text = 'basics:\n  name: [a, b]\nskills: Java\n';
    expect(problems(text).map(oneLine)).toEqual([
      'resume.yaml:2:9: error: basics.name: expected text (got a list)',
      'resume.yaml:3:9: error: skills: expected a list (got "Java")',
    ]);
  });

  it('rejects impossible calendar dates and an end before its start', () => {
    const text = [
      'work:',
      '  - startDate: 2025-13-01',
      '  - startDate: 2024-02-30',
      '  - startDate: 2021-06',
      '    endDate: 2020-01',
      '',
    ].join('\n');
    expect(problems(text).map(oneLine)).toEqual([
      'resume.yaml:2:16: error: work[0].startDate: there is no month 13 (got "2025-13-01")',
      'resume.yaml:3:16: error: work[1].startDate: February 2024 has no day 30 (got "2024-02-30")',
      'resume.yaml:5:14: error: work[2].endDate: ends (Jan 2020) before it starts (Jun 2021, line 4)',
    ]);
  });

  it('accepts every date form: YYYY, YYYY-MM, YYYY-MM-DD, a bare year, present, "" and null', () => {
    const text = [
      'work:',
      '  - { startDate: 2019, endDate: "2020" }',
      '  - { startDate: 2020-02, endDate: 2020-02-29 }',
      '  - { startDate: 2021-01, endDate: present }',
      '  - { startDate: 2021-01, endDate: "" }',
      '  - { startDate: 2021-01, endDate: null }',
      '',
    ].join('\n');
    expect(problems(text)).toEqual([]);
  });

  it('rejects link schemes other than http(s), mailto and tel', () => {
    const text =
      'basics:\n  url: javascript:alert(1)\n  profiles:\n    - url: data:text/html,x\n    - url: mailto:me@example.com\n';
    expect(problems(text).map(oneLine)).toEqual([
      'resume.yaml:2:8: error: basics.url: expected a link starting with https://, mailto: or tel: (got "javascript:alert(1)")',
      'resume.yaml:4:12: error: basics.profiles[0].url: expected a link starting with https://, mailto: or tel: (got "data:text/html,x")',
    ]);
  });

  it('checks email addresses', () => {
    expect(problems('basics:\n  email: not-an-email\n').map(oneLine)).toEqual([
      'resume.yaml:2:10: error: basics.email: expected an email address like name@example.com (got "not-an-email")',
    ]);
  });

  it('treats an empty string in an optional field as absent', () => {
    expect(problems('basics:\n  url: ""\n  email: ""\nwork:\n  - startDate: ""\n')).toEqual([]);
  });

  it('reports a missing required key at the object that lacks it', () => {
    expect(problems('metrics:\n  - label: REST APIs\n').map(oneLine)).toEqual([
      'resume.yaml:2:5: error: metrics[0]: missing required key "value"',
    ]);
  });

  it('warns about unknown keys with a suggestion, and --strict makes them errors', () => {
    const text = 'basics:\n  nmae: A\n  website: https://a.example\nwork:\n  - company: X\n';
    const warn = problems(text).map(oneLine);
    // Text in basics is shown as an extra line, so a misspelt key is named as such, not as unknown.
    expect(warn).toEqual([
      'resume.yaml:2:3: warning: basics.nmae: "nmae" looks like a misspelling of "name"; it is shown as an extra line "nmae: …" until it is renamed',
    ]);
    expect(problems(text, true).map(oneLine)[0]).toMatch(
      /^resume\.yaml:2:3: error: basics\.nmae: "nmae" looks like a misspelling of "name"/,
    );
    // A key that holds no text is shown nowhere: that one is unknown.
    expect(problems('basics:\n  nmae: [{a: 1}]\n').map(oneLine)).toEqual([
      'resume.yaml:2:3: warning: basics.nmae: unknown key "nmae" (did you mean "name"?)',
    ]);
  });

  it('reads JSON Resume 0.x keys under their 1.0 names, with one note each, so nothing is lost', () => {
    const text =
      'basics:\n  website: https://a.example\nwork:\n  - company: X\n    position: CEO\n  - company: Y\nprojects:\n  - name: P\n    website: https://p.example\n';
    const { resume, warnings, notes } = validate(parseSource(text, 'resume.yaml'));
    expect(warnings).toEqual([]);
    expect(notes.map(oneLine)).toEqual([
      'resume.yaml:2:3: note: basics.website: read basics.website → url: the JSON Resume 1.0 name (folio import renames it in the file)',
      'resume.yaml:4:5: note: work[0].company: read work[].company → name (2 times): the JSON Resume 1.0 name (folio import renames it in the file)',
      'resume.yaml:9:5: note: projects[0].website: read projects[].website → url: the JSON Resume 1.0 name (folio import renames it in the file)',
    ]);
    expect(resume.work?.[0]).toEqual({ name: 'X', position: 'CEO' });
    expect(Object.keys(resume.work?.[0] ?? {})).toEqual(['name', 'position']);
    expect(resume.projects?.[0]?.url).toBe('https://p.example');
    // Negative control: with the 1.0 key present too, the old one is not read over it (and is shown as an extra line).
    const both = validate(parseSource('work:\n  - company: Old\n    name: New\n', 'resume.yaml'));
    expect(both.resume.work?.[0]).toEqual({ company: 'Old', name: 'New' });
    expect(both.notes).toEqual([]);
  });

  it('lists custom sections, and warns about a misspelt known section instead of taking it as one', () => {
    const text =
      'basics:\n  name: A\nstrengths:\n  - Calm\n  - Careful\nbook:\n  - title: Streams\n    date: 2022\nwrok:\n  - name: X\neducaton:\n  - institution: U\nhobbies: Sailing\n';
    const { warnings, notes } = validate(parseSource(text, 'resume.yaml'));
    expect(notes.map(oneLine)).toEqual([
      'resume.yaml:3:1: note: strengths: custom section: strengths (2 paragraphs)',
      'resume.yaml:6:1: note: book: custom section: book (1 entry)',
      'resume.yaml:13:1: note: hobbies: custom section: hobbies (a paragraph)',
    ]);
    expect(warnings.map(oneLine)).toEqual([
      'resume.yaml:9:1: warning: wrok: unknown key "wrok" (did you mean "work"?); if it is a section of its own, give it a title in folio.sections.wrok',
      'resume.yaml:11:1: warning: educaton: unknown key "educaton" (did you mean "education"?); if it is a section of its own, give it a title in folio.sections.educaton',
    ]);
  });

  it('does not call a text field of an entry unknown: it is shown as an extra line; a likely misspelling still warns', () => {
    const text =
      'work:\n  - name: A\n    keywords: [Go]\n    env: Linux\n    postion: CTO\nawards:\n  - title: T\n    url: https://t.example\nprojects:\n  - name: P\n    location: Oslo\nlanguages:\n  - language: Go\n    env: Linux\nprinciples:\n  - title: T\n    env: Linux\n';
    const { warnings } = validate(parseSource(text, 'resume.yaml'));
    // Principles (like metrics) have a fixed layout with no extra line: there the same field is unknown.
    expect(warnings.map(oneLine)).toEqual([
      'resume.yaml:5:5: warning: work[0].postion: "postion" looks like a misspelling of "position"; it is shown as an extra line "postion: …" until it is renamed',
      'resume.yaml:17:5: warning: principles[0].env: unknown key "env"',
    ]);
  });

  it('warns about a start date in the future', () => {
    expect(problems('work:\n  - startDate: 2031-01\n').map(oneLine)).toEqual([
      'resume.yaml:2:16: warning: work[0].startDate: starts in the future (Jan 2031); is the year right?',
    ]);
  });

  it('reports every problem at once, sorted by line', () => {
    const text = 'basics:\n  email: x\nwork:\n  - startDate: nope\n  - url: ftp://x\n';
    expect(problems(text).map((d) => d.line)).toEqual([2, 4, 5]);
  });

  it('says what is wrong with a file that is empty, a list or a scalar', () => {
    expect(problems('').map(oneLine)).toEqual([
      'resume.yaml:1:1: error: the file is empty: expected a résumé with keys like basics, work and skills',
    ]);
    expect(problems('- a\n- b\n').map(oneLine)).toEqual([
      'resume.yaml:1:1: error: the file holds a list; a résumé is a mapping with keys like basics, work and skills',
    ]);
    expect(problems('hello\n').map(oneLine)).toEqual([
      'resume.yaml:1:1: error: the file holds a single value ("hello"); a résumé is a mapping with keys like basics, work and skills',
    ]);
  });

  it('names a FRESH or YAMLResume file instead of listing every key it does not know', () => {
    expect(problems('name: Jane\nmeta:\n  format: FRESH@0.6.0\neducation:\n  level: masters\n').map(oneLine)).toEqual([
      'resume.yaml:3:11: error: meta.format: this is a FRESH résumé (FRESH@0.6.0), not JSON Resume: convert it with folio import FILE -o resume.yaml',
    ]);
    const [d] = problems('content:\n  basics:\n    name: Jane\nlocale:\n  language: en\n');
    expect(oneLine(d as Diagnostic)).toMatch(
      /It looks like a YAMLResume file: convert it with folio import FILE -o resume\.yaml\.$/,
    );
  });

  it('rejects a file in another format instead of building an empty résumé', () => {
    const [d] = problems('cv:\n  name: John\ndesign:\n  theme: classic\n');
    expect(oneLine(d as Diagnostic)).toMatch(/^resume\.yaml:1:1: error: cv: no résumé content: .*RenderCV/);
  });
});
