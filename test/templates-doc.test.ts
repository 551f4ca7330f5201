import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script, without type declarations
import { fieldReference, templatesDoc } from '../scripts/gen-templates-doc.mjs';
import { htmlContext } from '../src/render/html.js';
import { markdownContext } from '../src/render/markdown.js';
import { fixture, loadResume, root } from './helpers.js';

// docs/templates.md's field reference is generated from the TypeScript types of the templates' data
// (scripts/gen-templates-doc.mjs): it cannot drift from what --dump-model prints.
describe('docs/templates.md field reference', () => {
  it('is what `npm run docs` writes from the current types', () => {
    const committed = readFileSync(join(root, 'docs/templates.md'), 'utf8');
    expect(committed, 'docs/templates.md is stale: run `npm run docs` and commit it').toBe(templatesDoc());
    // The hand-written parts stay: the file is more than its generated reference.
    expect(committed).toContain('## Your own look: `--templates`');
    expect(committed).toContain('folio readme README.md --check');
  });

  it('documents every field a template receives, at every level of the data', () => {
    const reference: string = fieldReference();
    const documented = new Set([...reference.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
    const { model } = loadResume(fixture('portfolio-full.yaml'));
    const data = { html: htmlContext(model), markdown: markdownContext(model) };
    const keys = new Set<string>();
    const walk = (v: unknown, parentKey: string): void => {
      if (Array.isArray(v)) return v.forEach((x) => walk(x, parentKey));
      if (v === null || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        // Records keyed by data (sources: slot → keys, theme colours) are documented as a whole by their type.
        if (parentKey !== 'sources' && parentKey !== 'theme' && parentKey !== 'headings') keys.add(k);
        walk(x, k);
      }
    };
    walk(data.html, '');
    walk(data.markdown, '');
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((k) => !documented.has(k)).sort()).toEqual([]);
    // Negative control: a field no type declares is not found documented.
    expect(documented.has('positon')).toBe(false);
  });
});
