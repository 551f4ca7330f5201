import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../src/cli/serve/markdown-page.js';
import { previewHtml, variantPicker } from '../src/cli/serve/pages.js';
import { type PreviewSite, route, routeSite, type PreviewState } from '../src/cli/serve/routes.js';

describe('serve: Markdown preview rendering', () => {
  it('renders Markdown and shows raw HTML as text, bar harmless tags', () => {
    const html = markdownToHtml('# Title\n\n**bold** and <br> and <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<br>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<img/);
  });

  it('keeps only http(s), mailto: and tel: links', () => {
    const html = markdownToHtml('[ok](https://example.com) [bad](javascript:alert(1)) [data](data:text/html,x) [mail](mailto:a@b.c)');
    expect(html).toContain('<a href="https://example.com">ok</a>');
    expect(html).toContain('<a href="mailto:a@b.c">mail</a>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:text');
    expect(html).toContain('bad');
  });
});

describe('serve: pages and routes', () => {
  const state: PreviewState = { name: 'cv', html: '<html><body><p>page</p></body></html>', pdf: null, md: '# Hi\n', failure: null, version: 3 };

  it('injects the reload script before </body> with the build version', () => {
    const page = previewHtml(state.html, null, 3);
    expect(page).toMatch(/<p>page<\/p>\s*<script>[\s\S]*const shown = 3;[\s\S]*<\/script>\n<\/body><\/html>$/);
  });

  it('escapes error text in the overlay', () => {
    const failure = { diagnostics: [{ severity: 'error' as const, file: 'cv.yaml', line: 2, col: 3, path: 'basics.name', message: 'bad </pre><script>x</script>' }], message: '' };
    const page = previewHtml(state.html, failure, 4);
    expect(page).toContain('cv.yaml:2:3: error: basics.name: bad &lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(page).not.toContain('<script>x</script>');
  });

  it('routes only the fixed names; the PDF is 503 until it has built', () => {
    expect(route('/', state).status).toBe(200);
    expect(route('/cv.md', state).body).toContain('<h1>Hi</h1>');
    expect(route('/cv.pdf', state).status).toBe(503);
    expect(route('/cv.pdf', { ...state, pdf: new Uint8Array([1]) }).status).toBe(200);
    for (const p of ['/../package.json', '/resume.pdf', '/cv.yaml', '/index.htm', '']) expect(route(p, state).status, p).toBe(404);
  });
});

describe('serve: variants at /v/<name>/ with a picker', () => {
  const asked: (string | null)[] = [];
  const states = new Map<string | null, PreviewState>();
  const site: PreviewSite = {
    version: 2,
    variants: ['backend', 'ml platform'],
    target(v) {
      asked.push(v);
      const base = v === null ? '' : `/v/${encodeURIComponent(v)}`;
      let s = states.get(v);
      if (!s) {
        s = { name: v ? `cv-${v}` : 'cv', html: `<html><body><p>${v ?? 'whole'}</p></body></html>`, pdf: new Uint8Array([7]), md: '# Hi\n', failure: null, version: 2, base, picker: variantPicker(site.variants, v) };
        states.set(v, s);
      }
      return s;
    },
  };

  it('routes each variant to its own pages, links included, and the rest to the whole résumé', () => {
    expect(routeSite('/', site).body).toContain('<p>whole</p>');
    expect(routeSite('/v/backend/', site).body).toContain('<p>backend</p>');
    expect(routeSite('/v/backend/pdf', site).body).toContain('src="/v/backend/cv-backend.pdf?v=2"');
    expect(routeSite('/v/backend/cv-backend.pdf', site)).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(routeSite('/v/backend/cv.pdf', site).status).toBe(404);
    expect(routeSite('/v/backend', site)).toMatchObject({ status: 302, headers: { Location: '/v/backend/' } });
    expect(routeSite('/v/ml platform/', site).body).toContain('<p>ml platform</p>');
    // An unknown variant is a 404 naming the real ones, and builds nothing.
    const n = asked.length;
    expect(routeSite('/v/frontend/', site)).toMatchObject({ status: 404, body: expect.stringContaining('Variants: backend, ml platform') });
    expect(asked.length).toBe(n);
  });

  it('every page carries the picker, the current one marked and the others linked (escaped)', () => {
    const page = String(routeSite('/v/backend/', site).body);
    expect(page).toContain('<strong aria-current="page" style="color:#fff">backend</strong>');
    expect(page).toContain('<a href="/" style="color:#cfe3ff">whole résumé</a>');
    expect(page).toContain('<a href="/v/ml%20platform/"');
    expect(String(routeSite('/', site).body)).toContain('<strong aria-current="page" style="color:#fff">whole résumé</strong>');
    expect(variantPicker([], null)).toBe('');
    expect(variantPicker(['<x>'], null)).toContain('&lt;x&gt;');
  });
});
