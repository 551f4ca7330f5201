// Class: a list item of only whitespace (the Markdown property's counterexample, a bullet of one tab). It holds no
// text, so every format leaves it out alike (no empty bullet, no code block from the tab), and validation says so
// where it is written: nothing disappears without a word. A control keeps an item with one visible character.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';
import { UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { pdfText, runCli, tempDir } from './helpers.js';

const today = new Date('2026-12-01');

/** Five bullets and three keywords; the middle ones are `third` and `keyword`, written straight into the YAML. */
const yaml = (third: string, keyword = third) =>
  [
    'basics:',
    '  name: Ada Example',
    'work:',
    '  - name: Acme',
    '    position: Engineer',
    '    startDate: 2020-01',
    '    highlights:',
    '      - alpha one',
    '      - bravo two',
    `      - ${third}`,
    '      - delta four',
    '      - echo five',
    'skills:',
    '  - name: Languages',
    `    keywords: [TypeScript, ${keyword}, Go]`,
    '',
  ].join('\n');

function outputs(text: string) {
  const v = validate(parseSource(text, 'cv.yaml'), { today });
  const model = normalise(v.resume);
  const md = renderMarkdown(model).markdown;
  const lists = marked.lexer(md, { gfm: true }).filter((t): t is Tokens.List => t.type === 'list');
  return {
    warnings: v.warnings.map((w) => `${w.line}:${w.col}: ${w.message}`),
    highlights: model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries.flatMap((e) => e.highlights) : [])),
    markdownItems: lists[0]?.items.length,
    htmlItems: (renderHtml(model).html.match(/<li\b/g) ?? []).length,
    text: renderText(model),
  };
}

describe('a blank list item (class: no silent loss, no structure from whitespace)', () => {
  it('one of tabs, spaces or line breaks is left out of every format and warned of at its place', () => {
    const control = outputs(yaml('"charlie three"'));
    expect(control.warnings).toEqual([]);
    expect(control.highlights).toHaveLength(5);
    expect(control.markdownItems).toBe(5);
    for (const blank of ['"\\t"', '" "', '""', '"\\n\\t \\u3000"', '{text: "  "}']) {
      const blankKeyword = !blank.startsWith('{');
      const got = outputs(yaml(blank, blankKeyword ? blank : 'Rust'));
      expect({ blank, items: got.highlights.length, md: got.markdownItems }).toEqual({ blank, items: 4, md: 4 });
      // The HTML has exactly one list item fewer per blank: the bullet, and the keyword (a list item there too).
      expect(got.htmlItems).toBe(control.htmlItems - (blankKeyword ? 2 : 1));
      expect(got.text).toContain('- bravo two\n- delta four');
      if (blankKeyword) expect(got.text).toMatch(/TypeScript.{1,5}Go/);
      expect(got.warnings).toEqual([
        '10:9: this list item is blank (only spaces, tabs or line breaks): every output leaves it out; delete it or fill it in',
        ...(blankKeyword
          ? [
              `15:28: this list item is blank (only spaces, tabs or line breaks): every output leaves it out; delete it or fill it in`,
            ]
          : []),
      ]);
    }
    // Control: one visible character is text, kept as its own bullet (the tab cannot open a code block).
    const dot = outputs(yaml('"\\t."'));
    expect(dot.warnings).toEqual([]);
    expect(dot.markdownItems).toBe(5);
  });

  it("only the owner's shown text is warned of: not tailoring tags, extension keys or folio's settings", () => {
    const doc = [
      'basics:\n  name: Ada Example',
      'x-notes: [" ", kept]',
      'work:\n  - name: Acme\n    startDate: 2020-01\n    tags: [" "]\n    highlights: [" ", shipped]',
      '',
    ].join('\n');
    const v = validate(parseSource(doc, 'cv.yaml'), { today });
    expect(v.warnings.filter((w) => w.message.includes('blank')).map((w) => w.path)).toEqual(['work[0].highlights[0]']);
  });

  it('the CLI: PDF and Markdown agree, the warning is located, --strict refuses', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), yaml('"\\t"'));
    const r = await runCli(['build', 'cv.yaml', '-f', 'pdf,md', '-o', 'out'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('cv.yaml:10:9: warning: work[0].highlights[2]: this list item is blank');
    expect(r.stdout).toMatch(/self-check: (\d+) of \1 strings/);
    const pdf = await pdfText(readFileSync(join(dir, 'out/cv.pdf')));
    expect(pdf.match(/•/g)).toHaveLength(4);
    expect(pdf).toMatch(/bravo two\s+•\s+delta four/);
    const strict = await runCli(['build', 'cv.yaml', '-f', 'md', '--strict', '-o', 'strict'], dir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('cv.yaml:10:9: error: work[0].highlights[2]: this list item is blank');
  }, 60_000);
});

describe('a blank value is no value (class: no structure from whitespace)', () => {
  const check = (text: string) => {
    try {
      return validate(parseSource(text, 'cv.yaml'), { today }).resume;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return err.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
    }
  };
  const metrics = (value: string) =>
    `basics:\n  name: Ada Example\nmetrics:\n  - label: Latency\n    value: ${value}\ncallToAction:\n  title: ${value}\n`;

  it('a required key that is blank is refused where it is written, as a missing one would be', () => {
    expect(check(metrics('"\\t "'))).toEqual([
      '5:12: is blank (only spaces, tabs or line breaks), and it is required here: fill it in',
      '7:10: is blank (only spaces, tabs or line breaks), and it is required here: fill it in',
    ]);
    // Control: a figure is a figure.
    expect(Array.isArray(check(metrics('"-250 ms"')))).toBe(false);
  });

  it('a blank name or headline makes no empty heading: the same Markdown and text as leaving it out', () => {
    const page = (basics: string) => {
      const model = normalise(
        validate(parseSource(`basics:\n${basics}  email: ada@example.com\n`, 'cv.yaml'), { today }).resume,
      );
      return { md: renderMarkdown(model).markdown, text: renderText(model) };
    };
    const none = page('');
    expect(page('  name: " "\n  label: "\\t"\n')).toEqual(none);
    expect(none.md).not.toMatch(/^#/m);
    // Control: a name is the page's heading.
    expect(page('  name: Ada Example\n').md).toMatch(/^# Ada Example$/m);
  });

  it("a blank entry title gives the same entry as leaving it out: the organisation moves up (the HTML property's find)", () => {
    const entry = (fields: string) => {
      const model = normalise(
        validate(parseSource(`basics:\n  name: Ada\nwork:\n  - name: Acme\n${fields}`, 'cv.yaml'), { today }).resume,
      );
      const e = model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries : []))[0];
      return { title: e?.title, subtitle: e?.subtitle, html: renderHtml(model).html };
    };
    const none = entry('');
    expect(none).toMatchObject({ title: 'Acme', subtitle: null });
    expect(entry('    position: " "\n')).toEqual(none);
    // Control: a position is the title, the organisation its subtitle.
    expect(entry('    position: Engineer\n')).toMatchObject({ title: 'Engineer', subtitle: 'Acme' });
  });
});

describe('a blank item or row of a custom section', () => {
  const custom = (item: string, row: string) =>
    `basics:\n  name: Ada Example\nhobbies:\n  - chess\n  - ${item}\n  - go\nfacts:\n  Born: Oslo\n  Height: ${row}\nfolio:\n  sections:\n    hobbies: Hobbies\n`;

  it('is left out, warned of where it is, and does not hide the section (it was "not shown" whole)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), custom('" "', '"\\t"'));
    const r = await runCli(['build', 'cv.yaml', '-f', 'md,pdf', '-o', 'out'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr.match(/warning: .*/g)).toEqual([
      'warning: hobbies[1]: this list item is blank (only spaces, tabs or line breaks): every output leaves it out; delete it or fill it in',
      'warning: facts.Height: is blank (only spaces, tabs or line breaks): every output leaves this row out, its label too; fill it in or delete it',
    ]);
    // The self-check reads the items at their own places: "go" is hobbies[2], not [1].
    expect(r.stdout).toMatch(/self-check: (\d+) of \1 strings from cv\.yaml found in order/);
    const md = readFileSync(join(dir, 'out/cv.md'), 'utf8');
    expect(md).toMatch(/## Hobbies\n\nchess\n\ngo\n/);
    expect(md).toContain('**Born**: Oslo');
    expect(md).not.toContain('Height');
    // Control: filled in, every item and row is there, with no warning.
    writeFileSync(join(dir, 'full.yaml'), custom('bridge', '180 cm'));
    const ok = await runCli(['build', 'full.yaml', '-f', 'md', '-o', 'out'], dir);
    expect(ok.stderr).toBe('');
    expect(readFileSync(join(dir, 'out/full.md'), 'utf8')).toMatch(
      /chess\n\nbridge\n\ngo\n[\s\S]*\*\*Height\*\*: 180 cm/,
    );
  }, 60_000);
});
