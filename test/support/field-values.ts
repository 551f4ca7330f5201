// Hostile values for the example's text fields, shared by the Markdown and HTML injection properties: which
// fields hold free text, the example with one of them replaced or removed, and the values to put there.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseSource } from '../../src/source/load.js';
import { example } from '../helpers.js';
import { anyText } from './any-text.js';

export const base = parseSource(readFileSync(example, 'utf8'), 'resume.yaml').data as Record<string, unknown>;

/** Every string leaf of the example that is free text (not a date, link, e-mail, or folio's own settings). */
function textPaths(node: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof node === 'string') {
    const key = String(path[path.length - 1]);
    if (/date|url|email|phone|countryCode|image/i.test(key) || path[0] === 'folio' || path[0] === 'variants') return [];
    return [path];
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => textPaths(v, [...path, i]));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => textPaths(v, [...path, k]));
  return [];
}
/** The paths of the example's free text: where a hostile value goes. */
export const paths = textPaths(base);

/** The example with `value` at `path`. */
export function withValue(path: (string | number)[], value: string): Record<string, unknown> {
  const copy = structuredClone(base);
  let at: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
}

/**
 * The example without the value at `path`: a list item taken out, a field deleted. A bullet written as a mapping
 * (`- text: …` with its tags) is a list item too: without its text it is taken out whole.
 */
export function withoutValue(path: (string | number)[]): Record<string, unknown> {
  const parent = valueAt(path.slice(0, -1));
  const bullet =
    path[path.length - 1] === 'text' &&
    typeof path[path.length - 2] === 'number' &&
    Object.keys(parent as object).every((k) => k === 'text' || k === 'tags');
  if (bullet) return withoutValue(path.slice(0, -1));
  const copy = structuredClone(base);
  let at: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(at)) at.splice(Number(last), 1);
  else delete at[last];
  return copy;
}

function valueAt(path: (string | number)[]): unknown {
  let at: unknown = base;
  for (const k of path) at = (at as Record<string | number, unknown>)[k];
  return at;
}

/**
 * A value of only whitespace (as the model trims it) holds no text: every format leaves it out, as if it were not
 * written (validation warns of it). Anything else is text, and must keep the block the template made.
 */
export const isBlank = (value: string) => value.trim() === '';

/** Pieces that start or end Markdown structure, mixed with words. */
const piece = fc.constantFrom(
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '\t',
  '    ',
  '`',
  '``',
  '```',
  '~~~',
  '<!-- folio:end -->',
  '<!-- folio:start -->',
  '<!--',
  '-->',
  '|',
  ' | ',
  '![p](https://tracker.example/p.png)',
  '[x](javascript:alert(1))',
  '<img src=x>',
  '<script>',
  '# ',
  '## ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '> ',
  '---',
  '===',
  '***',
  '___',
  '\\',
  '&amp;',
  '&#60;',
  ':smile:',
  '$',
  '~~',
  '_',
  '*',
  '**',
  '<',
  '>',
  '[',
  ']',
  '(',
  ')',
  '!',
  'x',
  'word',
  ' ',
  '<https://a.example>',
  'https://b.example',
  '[^1]',
  '[^1]: note',
  '\u2028',
  '\u000b',
  '\u000c',
  '\u0085',
);
/** A hostile value: structure pieces between words, any string, or only whitespace. */
export const hostile = fc.oneof(
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => `w ${p.join('')} w`), weight: 4 },
  { arbitrary: anyText({ minLength: 1, maxLength: 30 }), weight: 1 },
  // Only whitespace (the 1,000-run sweep found a bullet of one tab): no text, so no item at all.
  {
    arbitrary: fc
      .array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff'), {
        minLength: 1,
        maxLength: 6,
      })
      .map((p) => p.join('')),
    weight: 1,
  },
);
