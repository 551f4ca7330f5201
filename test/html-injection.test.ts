// Class: no user string may produce HTML structure. For any string in any text field, the page has exactly the
// elements the template made (the same tags with the same attributes, in the same order), the JSON-LD still parses,
// and every link is one folio vets. Only the owner's own inline markup (**bold**, *italic*, `code`, [text](https://…))
// adds elements, and only these four.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
import { renderHtml } from '../src/render/html.js';
import { renderText } from '../src/render/text.js';
import { UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { hostile, isBlank, paths, withoutValue, withValue } from './support/field-values.js';
import { itDefault, propertyRuns } from './support/full.js';

function pageOf(data: Record<string, unknown>): string | null {
  try {
    const { resume } = validate(parseSource(JSON.stringify(data), 'resume.json'), { today: new Date('2026-12-01') });
    const model = normalise(resume);
    renderText(model); // the plain-text format takes the same value without throwing
    return renderHtml(model).html;
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
}

/** Elements the owner's inline markup makes inside text; the template's own elements are everything else. */
const INLINE = new Set(['a', 'strong', 'em', 'code']);
const TAG =
  /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

interface PageShape {
  /** The template's elements, each as `<tag attr attr>` (attribute names only: their values hold the user's text). */
  blocks: string[];
  /** Problems: comments, event handlers, unvetted links, JSON-LD that no longer parses. */
  problems: string[];
}

function shapeOf(html: string): PageShape {
  const blocks: string[] = [];
  const problems: string[] = [];
  for (const m of html.matchAll(TAG)) {
    if (m[0].startsWith('<!--')) {
      problems.push(`COMMENT ${m[0]}`);
      continue;
    }
    const [, close, name = '', attrs = ''] = m;
    const tag = name.toLowerCase();
    const names: string[] = [];
    for (const a of attrs.matchAll(ATTR)) {
      const key = (a[1] ?? '').toLowerCase();
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      names.push(key);
      if (key.startsWith('on')) problems.push(`HANDLER <${tag} ${key}>`);
      if ((key === 'href' || key === 'src') && !/^(?:https?:|mailto:|tel:|#|data:image\/svg\+xml,)/.test(value))
        problems.push(`UNSAFE ${key} ${value}`);
    }
    if (INLINE.has(tag)) continue;
    blocks.push(`<${close}${tag}${names.length ? ` ${names.join(' ')}` : ''}>`);
  }
  const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  try {
    JSON.parse(ld?.[1] ?? '');
  } catch {
    problems.push('JSON-LD does not parse');
  }
  return { blocks, problems };
}

const plainShapes = new Map<string, PageShape>();
/** The shape the template makes for `value` at `path`: a plain word's, or, for a blank value, no value's. */
function expectedShape(path: (string | number)[], value: string): PageShape {
  if (isBlank(value)) return shapeOf(pageOf(withoutValue(path)) as string);
  const key = path.join('.');
  let s = plainShapes.get(key);
  if (!s) plainShapes.set(key, (s = shapeOf(pageOf(withValue(path, 'word')) as string)));
  return s;
}

describe('HTML: no user string makes structure', () => {
  it('any string in any text field: the same elements as a plain word there, no handler, comment or unvetted link', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths), hostile, (path, value) => {
        const html = pageOf(withValue(path, value));
        // A blank value is no value: where leaving the key out is refused (it is required), so is the blank.
        if (isBlank(value) && pageOf(withoutValue(path)) === null) expect(html, path.join('.')).toBeNull();
        if (html === null) return; // refused at validation: nothing to render
        rendered++;
        const label = `${path.join('.')} = ${JSON.stringify(value)}`;
        const expected = expectedShape(path, value);
        expect(expected.problems, 'the template alone').toEqual([]);
        expect(shapeOf(html), label).toEqual(expected);
      }),
      // npm test: 20 cases; npm run test:full: 600.
      { numRuns: propertyRuns(20, 600) },
    );
    // Most values are rendered; some are refused (control characters, a blank required key): not a vacuous pass.
    expect(rendered).toBeGreaterThan(propertyRuns(20, 600) / 4);
  }, 300_000);

  itDefault('negative controls: the checker sees an element, a handler, a comment and a broken JSON-LD', () => {
    const page = pageOf(withValue(['basics', 'summary'], 'word')) as string;
    const clean = shapeOf(page);
    expect(clean.problems).toEqual([]);
    expect(clean.blocks.length).toBeGreaterThan(50);
    const injected = (html: string) => shapeOf(page.replace('<main', `${html}<main`));
    expect(injected('<img src=x onerror=alert(1)>').problems).toEqual(['UNSAFE src x', 'HANDLER <img onerror>']);
    expect(injected('<div>').blocks).toHaveLength(clean.blocks.length + 1);
    expect(injected('<div>').blocks).not.toEqual(clean.blocks);
    expect(injected('<!-- folio:end -->').problems).toEqual(['COMMENT <!-- folio:end -->']);
    const broken = shapeOf(
      page.replace('<script type="application/ld+json">{', '<script type="application/ld+json">{"'),
    );
    expect(broken.problems).toEqual(['JSON-LD does not parse']);
    // The owner's inline markup is allowed, and only with a vetted link.
    const own = pageOf(withValue(['basics', 'summary'], 'a **b** [c](https://c.example) [d](javascript:alert(1))'));
    expect(shapeOf(own as string)).toEqual(clean);
    expect(own).toContain('<strong>b</strong>');
    expect(own).not.toContain('href="javascript:');
    expect(own).toContain('<a href="https://c.example">c</a>');
  });
});
