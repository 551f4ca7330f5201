import { describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../src/model/inline.js';

const span = (
  text: string,
  o: Partial<{ bold: boolean; italic: boolean; code: boolean; href: string | null }> = {},
) => ({
  text,
  bold: false,
  italic: false,
  code: false,
  href: null,
  ...o,
});

describe('inline markup (normalise stage)', () => {
  it('parses bold, italic, code and links into spans', () => {
    expect(parseInline('Cut **p99** by *half* with `epoll` ([notes](https://example.com/n))')).toEqual([
      span('Cut '),
      span('p99', { bold: true }),
      span(' by '),
      span('half', { italic: true }),
      span(' with '),
      span('epoll', { code: true }),
      span(' ('),
      span('notes', { href: 'https://example.com/n' }),
      span(')'),
    ]);
  });

  it('leaves text that only looks like markup alone', () => {
    for (const s of [
      'C#',
      '*nix',
      'snake_case_name',
      '2 * 3 * 4',
      '[brackets]',
      'a_b and c_d',
      'price: 5 * $3',
      '**',
      'un**closed',
    ]) {
      expect(plainText(parseInline(s))).toBe(s);
      expect(parseInline(s).every((x) => !x.bold && !x.italic && !x.code)).toBe(true);
    }
  });

  it('never makes a link of an unsafe scheme', () => {
    expect(parseInline('[x](javascript:alert(1))').some((s) => s.href)).toBe(false);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*not italic\\*')).toEqual([span('*not italic*')]);
  });
});
