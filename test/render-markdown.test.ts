import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { missingLeaves, sourceLeaves } from '../src/check/leaves.js';
import type { Span } from '../src/model/inline.js';
import type { ResumeModel } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { inlineMarkdown } from '../src/render/markdown-escape.js';
import { example, fixture, loadResume } from './helpers.js';
import { checkGolden } from './support/golden.js';

/** Render Markdown to HTML as a GFM consumer would, then to the text a reader sees (images by their alt text). */
function readerText(md: string): { html: string; text: string } {
  const html = marked.parse(md, { gfm: true, async: false });
  const text = html
    .replace(/<img [^>]*alt="([^"]*)"[^>]*>/g, ' $1 ')
    // Inline tags join their text to its neighbours (`<code>x</code>,` reads "x,"); block tags separate.
    .replace(/<\/?(?:a|strong|em|code|del)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return { html, text };
}

/** The cells of every table row, as HTML. */
function tableRows(html: string): { head: string[]; body: string[][] } {
  const cells = (row: string, tag: string) =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
  const thead = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return {
    head: cells(thead, 'th'),
    body: [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1] ?? '', 'td')),
  };
}

const span = (text: string, o: Partial<Span> = {}): Span => ({
  text,
  bold: false,
  italic: false,
  code: false,
  href: null,
  ...o,
});

describe('Markdown renderer, read back by a GFM parser', () => {
  it('shows every public text leaf of the example and no stray markup', () => {
    const { resume, model } = loadResume(example);
    const { markdown } = renderMarkdown(model);
    const { text } = readerText(markdown);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    // The example has no literal *, _ or \ of its own: any in the reader's text is markup gone wrong.
    expect(text).not.toMatch(/[*_\\]/);
    expect(text).not.toContain('+1 555 010 0000');
    // Only HTML GitHub keeps (<br> in table cells and after a principle's title), and no image.
    expect([...new Set(markdown.match(/(?<!\\)<\/?[a-z][^>]*>/g))]).toEqual(['<br>']);
    expect(markdown).not.toContain('![');
  });

  it('negative control: the leaf check fails when sections are left out', () => {
    const { resume, model } = loadResume(example);
    const { text } = readerText(renderMarkdown(model, { sections: ['basics', 'projects'] }).markdown);
    const missing = missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.path.join('.'));
    expect(missing).toContain('work.0.highlights.0');
    expect(missing).toContain('skills.0.keywords.0');
  });

  it('shows every section of a JSON Resume document, without the private phone and address', () => {
    const { resume, model } = loadResume(fixture('jsonresume-full.json'));
    const { html, text } = readerText(renderMarkdown(model).markdown);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    for (const title of [
      'Experience',
      'Volunteering',
      'Education',
      'Awards',
      'Certificates',
      'Publications',
      'Skills',
      'Languages',
      'Interests',
      'References',
      'Projects',
    ]) {
      expect(html).toContain(`<h2>${title}</h2>`);
    }
    expect(text).not.toContain('+46 70 123 45 67');
    expect(text).not.toContain('Storgatan 12');
  });

  it('shows the phone and address when the owner opts in', () => {
    const { resume } = loadResume(fixture('jsonresume-full.json'));
    const model = normalise({ ...resume, folio: { public: { phone: true, address: true } } });
    const { text } = readerText(renderMarkdown(model).markdown);
    expect(text).toContain('+46 70 123 45 67');
    expect(text).toContain('Storgatan 12');
  });

  it('the header: name, headline, tagline, summary, then the contact links on one line', () => {
    const { model } = loadResume(example);
    const { html } = readerText(renderMarkdown(model).markdown);
    const head = html.slice(0, html.indexOf('<h2>'));
    expect(head).toMatch(
      /^<h1>Your Name<\/h1>\n<p><strong>Backend engineer for high-throughput systems<\/strong><\/p>\n<blockquote>\n<p>I build APIs/,
    );
    const contacts = head.split('\n').filter((l) => l.includes('mailto:'));
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toBe(
      '<p><a href="mailto:you@example.com">you@example.com</a> · <a href="https://example.com">example.com</a> · <a href="https://github.com/yourname">github.com/yourname</a> · <a href="https://www.linkedin.com/in/yourname">linkedin.com/in/yourname</a> · Bengaluru, IN</p>',
    );
  });

  it('the metrics are a list, label then bold value, in order: no table header to leave empty', () => {
    const { model } = loadResume(example);
    const { html } = readerText(renderMarkdown(model).markdown);
    expect(tableRows(html).head).toEqual([]);
    const items = [...html.matchAll(/<li>([^<]*<strong>[^<]*<\/strong>)<\/li>/g)].map((m) => m[1]);
    expect(items.slice(0, 3)).toEqual([
      'REST APIs: <strong>~1K QPS</strong>',
      'Kafka flows: <strong>serving path</strong>',
      'Ranking: <strong>recommendations</strong>',
    ]);
    expect(items).toContain('Business lift: <strong>$120K/mo</strong>');
  });

  it('headings start at the level asked for: the name, sections one below, entries two below (at most 6)', () => {
    const { model } = loadResume(example);
    const levels = (level?: number) => {
      const html = readerText(renderMarkdown(model, { headingLevel: level }).markdown).html;
      return [...html.matchAll(/<h(\d)>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    };
    expect(levels().slice(0, 3)).toEqual(['1 Your Name', '2 Production thinking', '2 Selected engineering stories']);
    expect(levels(2).slice(0, 4)).toEqual([
      '2 Your Name',
      '3 Production thinking',
      '3 Selected engineering stories',
      '4 Serving path migration',
    ]);
    expect(levels(5).slice(0, 4)).toEqual([
      '5 Your Name',
      '6 Production thinking',
      '6 Selected engineering stories',
      '6 Serving path migration',
    ]);
  });

  it('renders user text literally everywhere, table cells included, and the owner’s markup as markup', () => {
    const { resume, model } = loadResume(fixture('tricky.yaml'));
    const { html, text } = readerText(renderMarkdown(model).markdown);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    expect(html).toContain('<h1>Ada *nix_Lovelace</h1>');
    expect(html).toContain('<p><strong>C# and &lt;T&gt; generics | 1. not a list</strong></p>');
    // The owner's own markup renders: bold, a link, italic, code, and italic nested in bold.
    expect(html).toContain(
      '<strong>Bold claim</strong> with a <a href="https://example.com/a_b">link</a> and <em>emphasis</em> on snake_case_name',
    );
    expect(html).toContain(
      'Writes <code>code_spans</code>, [brackets], a | pipe, $5 and $10, &amp;amp; entities, :smile: and <strong>nested <em>italic</em> inside bold</strong>',
    );
    // A metric's pipe, list number or brackets stay text in its list item.
    for (const item of [
      'a | b: <strong>~1K | 2K</strong>',
      '*nix hosts: <strong>1. first</strong>',
      '&lt;T&gt;: <strong>$120K/mo</strong>',
      'snake_case_name: <strong>[brackets]</strong>',
    ]) {
      expect(html).toContain(`<li>${item}</li>`);
    }
    // Nothing that starts a block in Markdown started one.
    expect(html).toContain('<h3># Not a heading</h3>');
    expect(html).toContain('<p><em>_underscored_</em></p>');
    expect(html).toContain('<p><strong>- not a bullet</strong></p>');
    expect(html).toContain('<p>--- not a rule, === not a heading, and # not one either</p>');
    expect(html).toContain('<li>1. not a list item</li>');
    expect(html).toContain('<li>&gt; not a quote</li>');
    expect(html).not.toContain('<ol');
    expect(html.match(/<hr>/g)).toHaveLength(1); // the rule before the call to action
    expect(html.match(/<blockquote>/g)).toHaveLength(1); // the tagline
    expect(html).toContain('<a href="https://example.com/projects/(parens)">example.com/projects/(parens)</a>');
    expect(html).toContain('<h2>Let&#39;s talk [now]</h2>');
    expect(html).toContain(
      '<strong>C# | .NET</strong> (Expert): <code>C#</code> · <code>F#</code> · <code>snake_case_tool</code> · <code>a|b</code> · <code>`tick`</code>',
    );
    expect(text).not.toContain('\\');
  });

  it('keeps the owner’s markup intact where * could not open or close (falls back to tags GitHub keeps)', () => {
    const md = inlineMarkdown([span('v2.', { bold: true }), span('x and '), span('(a)', { italic: true }), span('b')]);
    expect(marked.parseInline(md)).toBe('<strong>v2.</strong>x and <em>(a)</em>b');
    const nested = inlineMarkdown([
      span('a ', { bold: true }),
      span('b', { bold: true, italic: true }),
      span(' c', { bold: true }),
    ]);
    expect(nested).toBe('**a *b* c**');
    const spaced = inlineMarkdown([span('x'), span(' bold ', { bold: true }), span('y')]);
    expect(marked.parseInline(spaced)).toBe('x <strong>bold</strong> y');
  });

  it('shows the stack as code spans, plain text or badges, as the owner chose', () => {
    const { resume, model } = loadResume(example);
    const withStack = (stack: ResumeModel['markdown']['stack']) =>
      renderMarkdown({ ...model, markdown: { stack } }).markdown;
    const line = (md: string) => md.split('\n').find((l) => l.startsWith('- **Backend**')) ?? '';
    expect(line(withStack('code'))).toBe('- **Backend**: `Java` · `Python` · `Spring Boot` · `Node.js` · `REST APIs`');
    expect(line(withStack('plain'))).toBe('- **Backend**: Java · Python · Spring Boot · Node.js · REST APIs');
    // The default is code spans; no external image unless asked for.
    expect(normalise(resume).markdown.stack).toBe('code');
    expect(withStack('code')).not.toContain('](https://img.shields.io');
    const badges = withStack('badges');
    expect(line(badges)).toBe(
      '- **Backend**: ![Java](https://img.shields.io/badge/Java-0f5e9c?style=flat-square) ![Python](https://img.shields.io/badge/Python-0f5e9c?style=flat-square) ![Spring Boot](https://img.shields.io/badge/Spring%20Boot-0f5e9c?style=flat-square) ![Node.js](https://img.shields.io/badge/Node.js-0f5e9c?style=flat-square) ![REST APIs](https://img.shields.io/badge/REST%20APIs-0f5e9c?style=flat-square)',
    );
    // Every technology is still there for a reader (as alt text), and only the stack became images.
    const { html, text } = readerText(badges);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), text).map((l) => l.text)).toEqual([]);
    expect(html.match(/<img /g)).toHaveLength(21);
    expect(normalise({ ...resume, folio: { ...resume.folio, markdown: { stack: 'plain' } } }).markdown.stack).toBe(
      'plain',
    );
  });

  it('escapes shields.io’s separators in badge names', () => {
    const { model } = loadResume(fixture('tricky.yaml'));
    const md = renderMarkdown({ ...model, markdown: { stack: 'badges' } }).markdown;
    expect(md).toContain('![C#](https://img.shields.io/badge/C%23-0f5e9c?style=flat-square)');
    expect(md).toContain('![build-tool_x](https://img.shields.io/badge/build--tool__x-0f5e9c?style=flat-square)');
    expect(readerText(md).html).toContain(
      '<img src="https://img.shields.io/badge/a%7Cb-0f5e9c?style=flat-square" alt="a|b">',
    );
  });

  it('includes only the chosen sections, in the résumé’s order; basics is the header', () => {
    const { model } = loadResume(example);
    const only = readerText(renderMarkdown(model, { sections: ['skills', 'projects'] }).markdown).html;
    expect([...only.matchAll(/<h[12]>([^<]*)</g)].map((m) => m[1])).toEqual(['Selected engineering stories', 'Stack']);
    const withHeader = readerText(renderMarkdown(model, { sections: ['basics', 'callToAction'] }).markdown).html;
    expect([...withHeader.matchAll(/<h[12]>([^<]*)</g)].map((m) => m[1])).toEqual([
      'Your Name',
      'Available for backend roles',
    ]);
    // The contacts once, under the name; after the call to action only when the header is left out.
    expect(withHeader.match(/mailto:/g)).toHaveLength(1);
    const ctaOnly = readerText(renderMarkdown(model, { sections: ['callToAction'] }).markdown).html;
    expect(ctaOnly.match(/mailto:/g)).toHaveLength(1);
  });

  it('matches the golden file for the example (UPDATE_GOLDEN=1 to accept a change on purpose)', () => {
    const { model } = loadResume(example);
    checkGolden('resume.md', renderMarkdown(model).markdown);
  });
});
