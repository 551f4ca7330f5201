import { describe, expect, it } from 'vitest';
import { findRegion, headingLevelAbove, spliceReadme } from '../src/output/readme-markers.js';
import { UserError } from '../src/source/diagnostics.js';

const START = '<!-- folio:start -->';
const END = '<!-- folio:end -->';
const MD = '# Ada\n\n| a |\n| - |\n| b |\n';

const bytes = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
function error(file: string): string {
  try {
    findRegion(bytes(file), 'README.md');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('README markers (pure splice)', () => {
  it('replaces only what is between the markers and leaves every other byte as it was', () => {
    // Outside the markers: an invalid UTF-8 byte, a BOM, trailing spaces, no final newline.
    const above = Buffer.concat([
      Buffer.from('\uFEFF# Hi 👋  \n\nHand-written \u00e9 text\n'),
      Buffer.from([0xff, 0x0a]),
    ]);
    const below = Buffer.from('\nFooter, by hand.  ');
    const file = Buffer.concat([above, Buffer.from(`${START}\nold résumé\n${END}`), below]);
    const { data, changed } = spliceReadme(file, MD, 'README.md');
    expect(changed).toBe(true);
    expect(data.subarray(0, above.length).equals(above)).toBe(true);
    expect(data.subarray(data.length - below.length).equals(below)).toBe(true);
    expect(data.subarray(above.length, data.length - below.length).toString('utf8')).toBe(`${START}\n\n${MD}\n${END}`);
  });

  it('is idempotent: a second splice with the same Markdown changes nothing', () => {
    const first = spliceReadme(bytes(`intro\n${START}\n${END}\noutro\n`), MD, 'README.md');
    const second = spliceReadme(first.data, MD, 'README.md');
    expect(second.changed).toBe(false);
    expect(second.data.equals(first.data)).toBe(true);
    expect(spliceReadme(first.data, `${MD}more\n`, 'README.md').changed).toBe(true);
  });

  it('keeps Windows line endings and indented markers', () => {
    const file = `a\r\n  ${START}  \r\nold\r\n\t${END}\r\nb\r\n`;
    const { data } = spliceReadme(bytes(file), MD, 'README.md');
    expect(data.toString()).toBe(`a\r\n  ${START}  \r\n\r\n${MD.replace(/\n/g, '\r\n')}\r\n\t${END}\r\nb\r\n`);
  });

  it('accepts markers written without inner spaces', () => {
    expect(spliceReadme(bytes('<!--folio:start-->\n<!--folio:end-->\n'), MD, 'README.md').data.toString()).toBe(
      `<!--folio:start-->\n\n${MD}\n<!--folio:end-->\n`,
    );
  });

  it('ignores markers in running text and in fenced code examples', () => {
    const file = `Use \`${START}\` and \`${END}\`.\n\n\`\`\`md\n${START}\n${END}\n\`\`\`\n\n${START}\n${END}\n~~~\n${END}\n~~~\n`;
    const r = findRegion(bytes(file), 'README.md');
    expect(file.slice(r.start, r.end)).toBe('');
    expect(file.slice(0, r.start).endsWith(`\`\`\`\n\n${START}\n`)).toBe(true);
  });

  it('missing markers: an error with the two lines to paste', () => {
    const msg = error('# Just a README\n');
    expect(msg).toContain('no folio markers found');
    expect(msg.endsWith(`\n\n${START}\n${END}`)).toBe(true);
    expect(error(`x\n${START}\n`)).toMatch(
      /<!-- folio:start --> \(line 2\) has no <!-- folio:end -->[\s\S]*\n<!-- folio:start -->\n<!-- folio:end -->$/,
    );
    expect(error(`${START} ${END}\n`)).toContain('no folio markers found');
  });

  it('duplicated or reversed markers: an error naming the lines', () => {
    expect(error(`${START}\n${START}\n${END}\n`)).toBe(
      'README.md: error: <!-- folio:start --> appears 2 times (lines 1, 2); keep exactly one pair. README.md was not changed.',
    );
    expect(error(`${START}\n${END}\n\n${END}\n`)).toContain('<!-- folio:end --> appears 2 times (lines 2, 4)');
    expect(error(`${END}\n${START}\n`)).toBe(
      'README.md: error: <!-- folio:end --> (line 1) comes before <!-- folio:start --> (line 2); swap them. README.md was not changed.',
    );
  });
});

describe('headingLevelAbove (stage output)', () => {
  const level = (s: string) => headingLevelAbove(Buffer.from(s), 'README.md');
  it('finds the nearest heading above the start marker, ATX or setext, not in code', () => {
    expect(level('# Me\n\nHi\n<!-- folio:start -->\n<!-- folio:end -->\n')).toBe(1);
    expect(level('# Me\n## About\n<!-- folio:start -->\n<!-- folio:end -->\n## After\n')).toBe(2);
    expect(level('Me\n==\n\n<!-- folio:start -->\n<!-- folio:end -->\n')).toBe(1);
    expect(level('Me\n--\n<!-- folio:start -->\n<!-- folio:end -->\n')).toBe(2);
    expect(level('## Me\n```\n# not a heading\n```\n<!-- folio:start -->\n<!-- folio:end -->\n')).toBe(2);
    expect(level('no heading\n<!-- folio:start -->\n<!-- folio:end -->\n')).toBe(0);
    expect(level('#hashtag\n<!-- folio:start -->\n<!-- folio:end -->\n')).toBe(0);
  });
});

describe('readme markers: the generated block never holds a marker line', () => {
  it('refuses Markdown with a marker line of its own (a custom template), changing nothing', () => {
    const readme = Buffer.from('a\n<!-- folio:start -->\n<!-- folio:end -->\nb\n');
    expect(() => spliceReadme(readme, 'x\n<!-- folio:end -->\ny\n', 'README.md')).toThrow(
      'README.md: error: line 2 of the rendered Markdown is a folio marker',
    );
    expect(spliceReadme(readme, 'x `<!-- folio:end -->` y\n', 'README.md').changed).toBe(true);
  });
});
