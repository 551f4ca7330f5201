import { describe, expect, it } from 'vitest';
import { missingLeaves, sourceLeaves } from '../src/leaves.js';
import { renderHtml } from '../src/render/html.js';
import { example, fixture, loadResume } from './helpers.js';

/** Visible text of an HTML page, roughly: drop head, tags and decode the entities Handlebars emits. */
function bodyText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`');
}

describe('HTML renderer', () => {
  it('shows every public text leaf of the example', () => {
    const { resume, model } = loadResume(example);
    const { html } = renderHtml(model);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), bodyText(html)).map((l) => l.text)).toEqual([]);
    expect(html).not.toContain('+1 555 010 0000');
    expect(html).toMatch(/<html lang="en">/);
  });

  it('shows every section of a JSON Resume document', () => {
    const { resume, model } = loadResume(fixture('jsonresume-full.json'));
    const { html } = renderHtml(model);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), bodyText(html)).map((l) => l.text)).toEqual([]);
    for (const id of ['work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects']) {
      expect(html).toContain(`id="${id}-title"`);
    }
  });

  it('escapes every string: a <script> in a field is text', () => {
    const { model } = loadResume(example);
    const { html } = renderHtml({ ...model, header: { ...model.header, name: '<script>alert(1)</script>" onload="x' } });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload&#x3D;&quot;x');
  });

  it('leaves out sections with no data', () => {
    const { model } = loadResume(example);
    const { html } = renderHtml(model);
    expect(html).not.toContain('id="education-title"');
  });
});
