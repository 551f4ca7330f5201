import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingLeaves, sourceLeaves } from '../src/check/leaves.js';
import { renderText } from '../src/render/text.js';
import { displayWidth, wrap, wrapList } from '../src/render/text-wrap.js';
import { example, fixture, loadResume, runCli, tempDir } from './helpers.js';
import { checkGolden } from './support/golden.js';

const LONG_URL =
  'https://example.com/a/very/long/path/that/goes/on/and/on/and/on/forever/without/any/spaces/at/all/index.html';

/** Lines wider than `width` that are not a single unbreakable word. */
function overlong(text: string, width = 80): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > width && /\S\s+\S/.test(l.trim()));
}

describe('plain text renderer (-f txt)', () => {
  for (const [name, path] of [
    ['the example', example],
    ['a JSON Resume document', fixture('jsonresume-full.json')],
    ['tricky text', fixture('tricky.yaml')],
  ] as const) {
    it(`shows every text leaf of ${name}, phone and address included, within 80 columns`, async () => {
      const { resume, model } = loadResume(path);
      const text = renderText(model);
      // A link's address follows its text in brackets, `the thing (example.com/thing)`: look for the words without it too.
      const withoutAddresses = text.replace(/ \([^()\s]+\)/g, '');
      const missing = missingLeaves(sourceLeaves(resume, { audience: 'private' }), text);
      expect(missingLeaves(missing, withoutAddresses).map((l) => l.text)).toEqual([]);
      expect(overlong(text)).toEqual([]);
      expect(text.endsWith('\n')).toBe(true);
      expect(text).not.toMatch(/\n{4}/);
    });
  }

  it('has no markup: no Markdown, no HTML, links written out in brackets', async () => {
    const { model } = loadResume(example);
    const text = renderText(model);
    expect(text).not.toMatch(/\*\*|__|`|\]\(|<\/?[a-z]+>|^#|^>|&[a-z]+;/m);
    const tricky = renderText(loadResume(fixture('tricky.yaml')).model);
    // The owner's markup is gone, their literal characters stay.
    expect(tricky).toContain('Bold claim with a link (example.com/a_b) and emphasis on snake_case_name');
    expect(tricky).toContain(
      'Writes code_spans, [brackets], a | pipe, $5 and $10, &amp; entities, :smile: and\nnested italic inside bold',
    );
    expect(tricky).toContain('- Shipped the thing (example.com/thing) for 漢字テキスト users');
  });

  it('underlines headings (= for the name, - for sections) without changing their case', async () => {
    const { model } = loadResume(example);
    const lines = renderText(model).split('\n');
    expect(lines.slice(0, 2)).toEqual(['Your Name', '=========']);
    for (const title of [
      'Production thinking',
      'Selected engineering stories',
      'Experience',
      'How I think',
      'Stack',
      'Beyond backend',
      'Available for backend roles',
    ]) {
      const i = lines.indexOf(title);
      expect(i, title).toBeGreaterThan(0);
      expect(lines[i + 1]).toBe('-'.repeat(title.length));
      // Two blank lines set a section apart from the entries of the one before.
      expect(lines.slice(i - 2, i)).toEqual(['', '']);
    }
    expect(lines).not.toContain('EXPERIENCE');
  });

  it('writes bullets as "- " with wrapped lines indented under the text', async () => {
    const { model } = loadResume(example);
    const text = renderText(model);
    expect(text).toContain(
      '- Migrated the serving path to faster recommendation flows, cutting latency by\n  250 ms at ~1K QPS.\n- Scaled keyword recommendation throughput from 10-12 QPS to 50 QPS.',
    );
    expect(text).toContain('- Backend: Java, Python, Spring Boot, Node.js, REST APIs\n');
    expect(text).toContain('- REST APIs: ~1K QPS\n');
  });

  it('keeps a word longer than the line whole, on a line of its own', async () => {
    const text = renderText(loadResume(fixture('tricky.yaml')).model);
    const lines = text.split('\n');
    expect(lines).toContain(LONG_URL);
    expect(lines[lines.indexOf(LONG_URL) - 1]).toBe('nested italic inside bold, plus a long address');
    expect(lines[lines.indexOf(LONG_URL) + 1]).toBe('that must stay whole.');
    // Contacts break between items, never inside one.
    expect(text).toContain(
      'ada@example.com · +44 20 7946 0000 · example.com/~ada · github.com/ada_l ·\n1 Example Row · SW1A 1AA · London, GB\n',
    );
  });

  it('matches the golden file for the example (UPDATE_GOLDEN=1 to accept a change on purpose)', async () => {
    checkGolden('resume.txt', renderText(loadResume(example).model));
  });
});

describe('wrapping', () => {
  const words =
    'Improved pipeline capacity while keeping the system practical for production constraints and downstream serving needs, again and again and again.';

  it('fills lines up to the width and never splits a word', async () => {
    for (const width of [20, 33, 80]) {
      const lines = wrap(words, width);
      expect(lines.join(' ')).toBe(words);
      expect(lines.every((l) => l.length <= width)).toBe(true);
      // Greedy: the next word would not have fitted on the line before.
      lines.slice(1).forEach((l, i) => expect(`${lines[i]} ${l.split(' ')[0]}`.length).toBeGreaterThan(width));
    }
  });

  it('hangs continuation lines under the first and keeps separators off the start of a line', async () => {
    const lines = wrap('alpha beta · gamma delta · epsilon', 12, '- ', '  ');
    expect(lines).toEqual(['- alpha', '  beta ·', '  gamma', '  delta ·', '  epsilon']);
  });

  it('counts wide characters as two columns', async () => {
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('Łódź')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(wrap('漢字漢字 漢字漢字 ab', 11)).toEqual(['漢字漢字', '漢字漢字 ab']);
    expect(wrap('漢字漢字 漢字漢字 ab', 10)).toEqual(['漢字漢字', '漢字漢字', 'ab']);
  });

  it('packs list items, breaking between them', async () => {
    expect(wrapList(['one two', 'three four', 'five'], 18)).toEqual(['one two ·', 'three four · five']);
    expect(wrapList([LONG_URL, 'b'], 80)).toEqual([LONG_URL, 'b']);
  });
});

describe('folio build -f txt, end to end', { timeout: 30_000 }, () => {
  it('writes out/resume.txt only when asked for', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    const r = await runCli(['build', '-f', 'txt,md'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/out\/resume\.txt +[\d.]+ (KB|B)/);
    expect(readFileSync(join(dir, 'out/resume.txt'), 'utf8')).toBe(renderText(loadResume(example).model));
    const help = await runCli(['build', '--help'], dir);
    expect(help.stdout).toMatch(/pdf, html, md, txt, png, docx\s+\(default: folio.formats, else pdf,html,md\)/);
    expect(existsSync(join(dir, 'out/resume.pdf'))).toBe(false);
  });
});
