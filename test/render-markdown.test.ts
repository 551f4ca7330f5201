import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { missingLeaves, sourceLeaves } from '../src/leaves.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { example, fixture, loadResume } from './helpers.js';

/** Render Markdown to HTML as a GFM consumer would, then to the text a reader sees. */
function readerText(md: string): { html: string; text: string } {
  const html = marked.parse(md, { gfm: true, async: false });
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return { html, text };
}

describe('Markdown renderer, read back by a GFM parser', () => {
  it('shows every public text leaf of the example and no stray markup', () => {
    const { resume, model } = loadResume(example);
    const { markdown } = renderMarkdown(model);
    const { text } = readerText(markdown);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    expect(text).not.toMatch(/\*\*|\\/);
    expect(text).not.toContain('+1 555 010 0000');
  });

  it('shows every section of a JSON Resume document, without the private phone and address', () => {
    const { resume, model } = loadResume(fixture('jsonresume-full.json'));
    const { html, text } = readerText(renderMarkdown(model).markdown);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    for (const title of ['Experience', 'Volunteering', 'Education', 'Awards', 'Certificates', 'Publications', 'Skills', 'Languages', 'Interests', 'References', 'Projects']) {
      expect(html).toContain(`<h2>${title}</h2>`);
    }
    expect(text).not.toContain('+46 70 123 45 67');
    expect(text).not.toContain('Storgatan 12');
  });

  it('renders user text literally and the owner’s own markup as markup', () => {
    const { model } = loadResume(example);
    const tricky = ['C#', '*nix', 'snake_case_name', '1. not a list', '<T>', '[brackets]', 'a | b', '~1K~', ':smile:', '&amp;'];
    const withTricky = {
      ...model,
      header: { ...model.header, name: tricky.join(' '), summary: [{ text: 'plain ', bold: false, italic: false, code: false, href: null }, { text: 'bold', bold: true, italic: false, code: false, href: 'https://example.com' }] },
    };
    const { html, text } = readerText(renderMarkdown(withTricky).markdown);
    expect(text).toContain(tricky.join(' '));
    expect(html).toContain('<a href="https://example.com"><strong>bold</strong></a>');
    // Nothing in the name turned into emphasis, a list, a link, strikethrough or an entity.
    expect(html).toContain('<h1>C# *nix snake_case_name 1. not a list &lt;T&gt; [brackets] a | b ~1K~ :smile: &amp;amp;</h1>');
  });
});
