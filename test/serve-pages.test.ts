import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../src/cli/serve/markdown-page.js';
import { previewHtml } from '../src/cli/serve/pages.js';
import { route, type PreviewState } from '../src/cli/serve/routes.js';

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
