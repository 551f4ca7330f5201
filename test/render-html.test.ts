import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingLeaves, sourceLeaves } from '../src/check/leaves.js';
import { normalise } from '../src/model/normalise.js';
import { favicon, renderHtml } from '../src/render/html.js';
import { cssVariables } from '../src/render/tokens.js';
import { textDirection } from '../src/validate/languages.js';
import { sectionIds } from '../src/validate/schema.js';
import { example, fixture, loadResume, root } from './helpers.js';

/** Visible text of an HTML page, roughly: drop head, tags and decode the entities Handlebars emits. */
function bodyText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`');
}

describe('HTML renderer', () => {
  it('shows every public text leaf of the example', () => {
    const { resume, model } = loadResume(example);
    const { html } = renderHtml(model);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), bodyText(html)).map((l) => l.text)).toEqual([]);
    expect(html).not.toContain('+1 555 010 0000');
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('shows every section of a JSON Resume document', () => {
    const { resume, model } = loadResume(fixture('jsonresume-full.json'));
    const { html } = renderHtml(model);
    expect(missingLeaves(sourceLeaves(resume, { audience: 'public' }), bodyText(html)).map((l) => l.text)).toEqual([]);
    // Every section the document holds, by the schema's list: a full JSON Resume document holds all eleven of
    // JSON Resume's (folio's own, such as metrics and principles, it has none of).
    const held = sectionIds().filter((id) => id in resume);
    expect(held).toHaveLength(11);
    for (const id of held) expect(html).toContain(`id="${id}-title"`);
  });

  it('escapes every string: a <script> in a field is text', () => {
    const { model } = loadResume(example);
    const { html } = renderHtml({
      ...model,
      header: { ...model.header, name: '<script>alert(1)</script>" onload="x' },
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload&#x3D;&quot;x');
  });

  it('leaves out sections with no data', () => {
    const { model } = loadResume(example);
    const { html } = renderHtml(model);
    expect(html).not.toContain('id="education-title"');
  });
});

/** The stylesheet is reviewed in its own file (templates/html/style.css); golden files hold the markup. */
const STYLE = /<style>\n([\s\S]*?)\n<\/style>/;

describe('HTML golden files (update on purpose: UPDATE_GOLDEN=1 npx vitest run test/render-html.test.ts)', () => {
  for (const [name, source] of [
    ['minimal', 'minimal.yaml'],
    ['full', 'portfolio-full.yaml'],
  ] as const) {
    it(`${name} page matches test/golden/${name}.html`, () => {
      const { html } = renderHtml(loadResume(fixture(source)).model);
      const style = STYLE.exec(html)?.[1] ?? '';
      const vars = cssVariables();
      const css = `:root { ${vars.light} }\n@media (prefers-color-scheme: dark) { :root { ${vars.dark} } }\n${readFileSync(join(root, 'templates/html/style.css'), 'utf8')}`;
      expect(style).toBe(css.replace(/\n[ \t]*(?=\n)/g, '').trimEnd());
      const markup = html.replace(STYLE, '<style>\n/* design tokens + templates/html/style.css */\n</style>');
      const golden = join(root, 'test/golden', `${name}.html`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, markup);
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
      expect(markup).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('HTML page structure', () => {
  it('puts leading headline metrics in the hero: four tiles, the rest listed', () => {
    const { model } = loadResume(example);
    const { html } = renderHtml(model);
    const hero = html.slice(html.indexOf('<header class="hero">'), html.indexOf('</header>'));
    expect(hero).toContain('id="metrics-title" class="panel-title">Production thinking</h2>');
    expect(hero.match(/<div class="metric">/g)).toHaveLength(4);
    expect(hero.match(/<div class="proof-row">/g)).toHaveLength(5);
    expect(html.indexOf('<main')).toBeGreaterThan(html.indexOf('id="metrics-title"'));
  });

  it("shows the sections in the model's order (folio.order), each once", () => {
    const { model } = loadResume(fixture('portfolio-full.yaml'));
    const reordered = { ...model, sections: [...model.sections].reverse() };
    for (const m of [model, reordered]) {
      const { html } = renderHtml(m);
      const shown = [...html.matchAll(/<h2 id="([a-zA-Z]+)-title"/g)].map((x) => x[1]).filter((id) => id !== 'cta');
      expect(html.lastIndexOf('<h2 id="cta-title">')).toBeGreaterThan(html.indexOf('</main>')); // the call to action closes the page
      const expected = m.sections.filter((x) => x.kind !== 'cta').map((x) => x.id);
      expect(shown).toEqual(expected);
    }
  });

  it('keeps metrics in their place when the owner orders them elsewhere', () => {
    const { model } = loadResume(example);
    const [metrics, ...rest] = model.sections;
    const { html } = renderHtml({ ...model, sections: [...rest.slice(0, 2), metrics!, ...rest.slice(2)] });
    expect(html).toContain('<div class="wrap hero-grid">');
    const main = html.slice(html.indexOf('<main'));
    expect(main.indexOf('id="metrics-title"')).toBeGreaterThan(main.indexOf('id="work-title"'));
    expect(main.indexOf('id="metrics-title"')).toBeLessThan(main.indexOf('id="principles-title"'));
  });

  it('prints no empty heading for an entry without title or a group without name', () => {
    const { model } = loadResume(fixture('portfolio-full.yaml'));
    const sections = model.sections.map((s) => {
      if (s.kind === 'entries') return { ...s, entries: s.entries.map((e) => ({ ...e, title: null, subtitle: null })) };
      if (s.kind === 'groups') return { ...s, groups: s.groups.map((g) => ({ ...g, name: null, level: null })) };
      return s;
    });
    const { html } = renderHtml({ ...model, sections });
    expect(html).not.toMatch(/<h[1-6][^>]*>\s*<\/h[1-6]>/);
  });

  it('names an entry link by its title, without doubling punctuation (the label the model computes)', () => {
    const { model } = loadResume(fixture('portfolio-full.yaml'));
    const entries = model.sections.flatMap((s) => (s.kind === 'entries' ? s.entries : []));
    const talk = entries.find((e) => e.title?.startsWith('Talked'));
    const label = 'Talked about idempotency at a payments meetup: talks.example.org/idempotency';
    expect(talk?.url?.label).toBe(label);
    expect(renderHtml(model).html).toContain(`>${label}</a>`);
    const untitled = normalise({ activities: [{ url: 'https://talks.example.org/idempotency' }] });
    const only = untitled.sections[0];
    expect(only?.kind === 'entries' && only.entries[0]?.url?.label).toBe('talks.example.org/idempotency');
  });

  it('shows the phone and street address only when the owner opted in (folio.public)', () => {
    const { model } = loadResume(fixture('portfolio-full.yaml'));
    const shown = renderHtml(model).html;
    expect(shown).toContain('href="tel:+442079460958"');
    expect(shown).toContain('221B Example Street');
    expect(shown).toContain('"telephone":"+442079460958"');
    expect(shown).toContain('"streetAddress":"221B Example Street, NW1 6XE"');
    const hidden = renderHtml({ ...model, public: { phone: false, address: false } }).html;
    for (const secret of ['7946', '221B', 'NW1 6XE', 'tel:']) expect(hidden).not.toContain(secret);
  });

  it('never transforms text case in CSS: what the reader sees is what innerText and copy-paste give', () => {
    const css = readFileSync(join(root, 'templates/html/style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toMatch(/text-transform\s*:/);
    expect(css).not.toMatch(/font-variant\s*:\s*(all-)?small-caps/);
  });

  it('sets the text direction from the language', () => {
    expect(['en', 'de-CH', 'ar', 'ar-EG', 'he', 'fa-IR', 'zh-Hant'].map(textDirection)).toEqual([
      'ltr',
      'ltr',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
    ]);
    const { model } = loadResume(example);
    expect(renderHtml({ ...model, lang: 'ar', dir: 'rtl' }).html).toContain('<html lang="ar" dir="rtl">');
    expect(normalise({ ...loadResume(example).resume, folio: { lang: 'he' } }).dir).toBe('rtl');
    expect(normalise({ ...loadResume(example).resume, folio: { lang: 'fa' } }).dir).toBe('rtl');
  });

  it('gives the page a monogram icon inline, so no request goes to /favicon.ico', () => {
    expect(decodeURIComponent(favicon('Zoë Ångström-Okafor'))).toContain('>ZÅ</text>');
    expect(decodeURIComponent(favicon('<b>'))).toContain('>&lt;</text>');
    expect(favicon(null)).toMatch(/^data:image\/svg\+xml,/);
  });
});
