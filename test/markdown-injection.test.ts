// Class: no user string may produce Markdown structure. For any string in any text field, the rendered
// Markdown, parsed by marked, has exactly the blocks the template made, no image and no raw HTML from the
// user, only safe links, and never a line that folio readme would take for a marker.

import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
import { findRegion } from '../src/output/readme-markers.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { codeSpan, markdownHref } from '../src/render/markdown-escape.js';
import { UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { anyText } from './support/any-text.js';
import { hostile, isBlank, paths, withoutValue, withValue } from './support/field-values.js';
import { itDefault, propertyRuns } from './support/full.js';

function markdownOf(data: Record<string, unknown>): string | null {
  try {
    const src = parseSource(JSON.stringify(data), 'resume.json');
    const { resume } = validate(src, { today: new Date('2026-12-01') });
    return renderMarkdown(normalise(resume)).markdown;
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
}

/** HTML folio itself writes: <br> in table cells, <strong>/<em> where * cannot open by CommonMark's flanking rules. */
const OWN_HTML = /^<\/?(?:br|strong|em)>$/;

/** The shape a reader sees: every block with its kind and size; inline, only what could carry an injection. */
function shape(tokens: readonly Token[], out: string[] = []): string[] {
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'list':
        out.push(`list(${(t as Tokens.List).items.length})`);
        for (const item of (t as Tokens.List).items) shape(item.tokens, out);
        out.push('/list');
        break;
      case 'table': {
        const table = t as Tokens.Table;
        out.push(`table(${table.header.length}x${table.rows.length})`);
        for (const cell of [...table.header, ...table.rows.flat()]) shape(cell.tokens, out);
        break;
      }
      case 'heading':
        out.push(`h${(t as Tokens.Heading).depth}`);
        shape((t as Tokens.Heading).tokens, out);
        break;
      case 'image':
        out.push(`IMAGE ${(t as Tokens.Image).href}`);
        break;
      case 'html':
        if (!OWN_HTML.test((t as Tokens.HTML).text.trim())) out.push(`HTML ${(t as Tokens.HTML).text}`);
        break;
      case 'link': {
        const href = (t as Tokens.Link).href;
        if (!/^(?:https?:|mailto:|tel:)/.test(href)) out.push(`UNSAFE LINK ${href}`);
        shape((t as Tokens.Link).tokens ?? [], out);
        break;
      }
      case 'paragraph':
      case 'blockquote':
      case 'code':
      case 'hr':
        out.push(t.type);
        if ('tokens' in t && t.tokens) shape(t.tokens, out);
        break;
      default:
        if ('tokens' in t && t.tokens) shape(t.tokens, out);
    }
  }
  return out;
}
const shapeOf = (md: string) => shape(marked.lexer(md, { gfm: true }));
const plainShapes = new Map<string, string[]>();
/** The shape with a plain word in the field: what the template makes. */
function plainShape(path: (string | number)[]): string[] {
  const key = path.join('.');
  let s = plainShapes.get(key);
  if (!s) plainShapes.set(key, (s = shapeOf(markdownOf(withValue(path, 'word')) as string)));
  return s;
}

/** The shape the template makes for `value` at `path`: a plain word's, or, for a blank value, no value's. */
function expectedShape(path: (string | number)[], value: string): string[] {
  return isBlank(value) ? shapeOf(markdownOf(withoutValue(path)) as string) : plainShape(path);
}

describe('Markdown: no user string makes structure', () => {
  itDefault('the reproductions: an image through a code span, a second end marker through a summary', () => {
    const user = markdownOf(
      withValue(['basics', 'profiles', 1, 'username'], 'w ![p](https://tracker.example/p.png)\n w'),
    ) as string;
    expect(shapeOf(user), user).toEqual(plainShape(['basics', 'profiles', 1, 'username']));
    const img = 'x\n\n![p](https://tracker.example/p.png)\n\nok';
    const skills = withValue(['skills', 0, 'keywords', 0], img);
    const md = markdownOf(skills) as string;
    expect(shapeOf(md)).toEqual(shapeOf(markdownOf(withValue(['skills', 0, 'keywords', 0], 'x')) as string));
    expect(md).not.toMatch(/^!\[p\]/m);
    const marker = markdownOf(withValue(['basics', 'summary'], '`x\n<!-- folio:end -->`')) as string;
    expect(() =>
      findRegion(Buffer.from(`a\n<!-- folio:start -->\n${marker}\n<!-- folio:end -->\nb\n`), 'README.md'),
    ).not.toThrow();
    // Negative control: the checker sees an image when one is there.
    expect(shapeOf('a\n\n![p](https://tracker.example/p.png)\n')).toContain('IMAGE https://tracker.example/p.png');
  });

  it('any string in any text field: same blocks as a plain word there, no image, no raw HTML, safe links, no marker line', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths), hostile, (path, value) => {
        const md = markdownOf(withValue(path, value));
        // A blank value is no value: where leaving the key out is refused (it is required), so is the blank.
        if (isBlank(value) && markdownOf(withoutValue(path)) === null) expect(md, path.join('.')).toBeNull();
        if (md === null) return; // refused at validation: nothing to render
        rendered++;
        expect(shapeOf(md), `${path.join('.')} = ${JSON.stringify(value)}\n${md}`).toEqual(expectedShape(path, value));
        const readme = Buffer.from(`top\n<!-- folio:start -->\n${md}\n<!-- folio:end -->\nbottom\n`);
        expect(() => findRegion(readme, 'README.md')).not.toThrow();
      }),
      // npm test: 30 cases; npm run test:full: 1,000.
      { numRuns: propertyRuns(30, 1000) },
    );
    // Most values pass validation (about 64%; refused: control characters, a blank required key): not vacuous.
    expect(rendered).toBeGreaterThan(propertyRuns(30, 1000) / 4);
  }, 300_000);

  itDefault('code spans and link destinations stay on one line and closed', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 30 }), (s) => {
        expect(codeSpan(s)).not.toMatch(/[\r\n]/);
        const tokens = marked.lexer(`a ${codeSpan(`x${s}x`)} b`);
        expect(tokens.map((t) => t.type)).toEqual(['paragraph']);
        expect(markdownHref(`https://a.example/${s}`)).not.toMatch(/[\s\\]/);
      }),
    );
  });
});
