import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/source/diagnostics.js';
import { findIndentSlip } from '../src/source/indentation.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { example, fixture } from './helpers.js';
import { SLIPS } from './indent-slips.cases.js';

/** Stage source: each common indentation slip gives one error, at the slip, saying what to do. */
const base = readFileSync(fixture('indent/base.yaml'), 'utf8');

function withSlip(line: number, text: string): string {
  const lines = base.split('\n');
  expect(lines[line - 1]?.trim().length, `line ${line} of base.yaml is not blank`).toBeGreaterThan(0);
  lines[line - 1] = text;
  return lines.join('\n');
}

function errorsOf(text: string) {
  try {
    parseSource(text, 'resume.yaml');
    return [];
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return err.diagnostics;
  }
}

describe('indentation slips (stage source)', () => {
  it('the base file is valid, and so the negative control for every slip', () => {
    expect(errorsOf(base)).toEqual([]);
    expect(findIndentSlip(base)).toBeNull();
  });

  it('covers at least 15 slips', () => expect(SLIPS.length).toBeGreaterThanOrEqual(15));

  it.each(SLIPS)('$name', (slip) => {
    const errors = errorsOf(withSlip(slip.line, slip.text));
    expect(errors.map((d) => `${d.line}:${d.col}: ${d.message}`)).toHaveLength(1);
    const [d] = errors;
    expect([d?.line, d?.col]).toEqual(slip.at);
    expect(d?.message).toMatch(slip.says);
    // It speaks of indentation, or of the one missing space, and says what to write.
    expect(d?.message).toMatch(/^indentation: |needs a space after/);
    expect(d?.message).toMatch(/indent |remove |write "/);
    expect(d?.sourceLine).toBe(withSlip(slip.line, slip.text).split('\n')[slip.at[0] - 1]);
  });

  it("the issue's three slips on the example résumé", () => {
    const text = readFileSync(example, 'utf8');
    const line = (re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;
    const at = (_line: RegExp, from: string, to: string) => {
      const errors = errorsOf(text.replace(from, to));
      return errors.map((d) => [d.line, d.col, d.message.slice(0, 40)]);
    };
    expect(at(/^ {2}email:/, '\n  email:', '\nemail:')).toEqual([
      [line(/^ {2}email:/), 1, 'indentation: `email:` is indented 0 spac'],
    ]);
    expect(at(/^ {2}label:/, '\n  label:', '\n   label:')).toEqual([
      [line(/^ {2}label:/), 4, 'indentation: `label:` is indented 3 spac'],
    ]);
    expect(at(/^ {2}label:/, '\n  label:', '\n label:')).toEqual([
      [line(/^ {2}label:/), 2, 'indentation: `label:` is indented 1 spac'],
    ]);
  });

  it('finds no slip in valid YAML of every block style (negative controls)', () => {
    const valid = [
      'basics:\n  name: Ada\nwork:\n- name: X\n  highlights:\n  - a\n  - b\nskills: []\n',
      'basics:\n  summary: |\n    line one\n      indented more\n    line three\n  name: Ada\n',
      'basics:\n  summary: plain text that\n    goes on over\n    three lines\n  name: Ada\n',
      'basics:\n  summary: "quoted text\n    that goes on"\n  name: Ada\n',
      'work: [\n  { name: X },\n  { name: Y }\n]\nbasics:\n  name: Ada\n',
      '# comment\nbasics:   # trailing\n  name: Ada # another\n\n  label: &l Lead\nmeta:\n  copy: *l\n',
      'work:\n  - - nested\n    - list\n  - name: "a: b"\n    url: https://x.example\n',
      // Four spaces, and an odd but consistent three: a first key off the usual step is no slip when the rest agree.
      'basics:\n    name: Ada\n    location:\n        city: X\nwork:\n    - name: Y\n      position: Z\n',
      'basics:\n  name: Ada\n  location:\n     city: X\n     region: Y\n  profiles:\n     - network: G\n       url: u\n',
    ];
    for (const text of valid) {
      expect(errorsOf(text), text).toEqual([]);
      expect(findIndentSlip(text), text).toBeNull();
    }
    for (const name of readdirSync(fixture('.')).filter((f) => f.endsWith('.yaml'))) {
      expect(findIndentSlip(readFileSync(fixture(name), 'utf8')), name).toBeNull();
    }
    expect(findIndentSlip(readFileSync(example, 'utf8'))).toBeNull();
  });

  it('a dash with no space after it in more text of a value is text, not a list item (negative control)', () => {
    // `-Cut` right under `highlights:` is reported although YAML accepts it; the same dash inside a value's text is not.
    const text = 'basics:\n  name: Ada\n  summary: Builds services\n    -and measures first\n  label: Lead\n';
    expect(errorsOf(text)).toEqual([]);
    expect(errorsOf(text.replace('  summary: Builds services\n    -and', '  summary:\n    -and'))).toHaveLength(1);
    // A list item holding text that starts with a dash (as a YAML writer puts it) is no slip either.
    expect(errorsOf('projects:\n  - highlights:\n      - -! x\n      - -item\n')).toEqual([]);
  });

  it('leaves errors that are not about indentation to yaml, once each', () => {
    const colon = errorsOf('basics:\n  name: Ada\n  label: Lead: Platform\n');
    expect(colon.map((d) => [d.line, d.col])).toEqual([[3, 10]]);
    expect(colon[0]?.message).toMatch(/put it in quotes/);
    const quote = errorsOf('basics:\n  name: "Ada\n  label: x\n');
    expect(quote.map((d) => [d.line, d.col])).toEqual([[2, 9]]);
  });

  describe('a key dedented out of the mapping above it, which YAML accepts (stage validate)', () => {
    /** Every diagnostic of parsing and validating `text`, as `line:col severity: message`. */
    function problems(text: string, file = 'resume.yaml'): string[] {
      const show = (d: { line: number; col: number; severity: string; message: string }) =>
        `${d.line}:${d.col} ${d.severity}: ${d.message}`;
      try {
        const { warnings } = validate(parseSource(text, file));
        return warnings.map(show);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        return err.diagnostics.map(show);
      }
    }

    it('the last key of a nested mapping: one error at it, not an extra line of basics', () => {
      expect(problems(withSlip(10, '  countryCode: GB'))).toEqual([
        '10:3 error: indentation: `countryCode:` is indented 2 spaces, which puts it in `basics:`, but it is a field of `location:` above it; indent `countryCode:` by 2 spaces to keep it under `location:`',
      ]);
      expect(problems(base)).toEqual([]);
    });

    it("the last key of basics or of a list's last item, dedented to the top: a warning, as a section may share its name", () => {
      const profiles = base.replace('\n  profiles:', '\nprofiles:');
      expect(problems(profiles)).toEqual([
        '11:1 warning: indentation: `profiles:` is indented 0 spaces, which puts it at the top level, but it is a field of `basics:` above it; indent `profiles:` by 2 spaces to keep it under `basics:`; if it is a section of its own, give it a title in folio.sections.profiles',
      ]);
      expect(problems(withSlip(27, 'endDate: 2019-12'))).toEqual([
        expect.stringMatching(
          /^27:1 warning: indentation: `endDate:` .* a field of the last `work:` item above it; indent `endDate:` by 4 spaces to keep it under the last `work:` item/,
        ),
      ]);
      // A title in folio.sections says the section is meant: not taken for a slip (what it holds is judged as a section).
      const titled = `${profiles}folio:\n  sections:\n    profiles: { title: Profiles }\n`;
      expect(problems(titled).join('\n')).not.toMatch(/indentation/);
    });

    it('a key dedented into a mapping that has it already: the duplicate says which mapping above it may belong to', () => {
      const text = withSlip(16, '  url: https://linkedin.com/in/ada').replace(
        '  email:',
        '  url: https://ada.example\n  email:',
      );
      expect(problems(text)).toEqual([
        '17:3 error: duplicate key "url" (first defined on line 4); a key may appear once per mapping; if it belongs to the last `profiles:` item above, it is an indentation slip: indent it to line up with that item’s keys',
      ]);
      // Negative control: a duplicate after a plain value names no mapping.
      expect(
        problems('basics:\n  name: Ada\n  url: https://a.example\n  label: X\n  url: https://b.example\n'),
      ).toEqual(['5:3 error: duplicate key "url" (first defined on line 3); a key may appear once per mapping']);
    });

    it('negative controls: a basics extra, the mapping written inline, JSON, and a key the mapping above already has', () => {
      // Not a field of location: an extra line of basics, as meant.
      expect(problems(withSlip(10, '  nationality: British'))).toEqual([]);
      const inline = base.replace(
        '  location:\n    city: London\n    countryCode: GB\n',
        '  location: { city: London }\n  countryCode: GB\n',
      );
      expect(inline).not.toBe(base);
      expect(problems(inline).join('\n')).not.toMatch(/indentation/);
      const json = JSON.stringify(
        { basics: { name: 'Ada', location: { city: 'London' }, countryCode: 'GB' } },
        null,
        2,
      );
      expect(problems(json, 'resume.json').join('\n')).not.toMatch(/indentation/);
      // location already has a countryCode: this one is not the dedented one.
      const both = base.replace('    countryCode: GB\n', '    countryCode: GB\n  countryCode: GB\n');
      expect(problems(both).join('\n')).not.toMatch(/indentation/);
    });
  });
});
