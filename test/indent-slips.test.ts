import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/source/diagnostics.js';
import { findIndentSlip } from '../src/source/indentation.js';
import { parseSource } from '../src/source/load.js';
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
  });

  it('leaves errors that are not about indentation to yaml, once each', () => {
    const colon = errorsOf('basics:\n  name: Ada\n  label: Lead: Platform\n');
    expect(colon.map((d) => [d.line, d.col])).toEqual([[3, 10]]);
    expect(colon[0]?.message).toMatch(/put it in quotes/);
    const quote = errorsOf('basics:\n  name: "Ada\n  label: x\n');
    expect(quote.map((d) => [d.line, d.col])).toEqual([[2, 9]]);
  });
});
