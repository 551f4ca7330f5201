import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, isSafeHeaderValue } from '../src/cli/serve/headers.js';
import { markdownToHtml } from '../src/cli/serve/markdown-page.js';
import { previewHtml, variantPicker } from '../src/cli/serve/pages.js';
import { fileUrl, type PreviewSite, type PreviewState, route, routeSite } from '../src/cli/serve/routes.js';
import { startPreviewServer } from '../src/cli/serve/server.js';
import { anyText } from './support/any-text.js';
import { describeDefault, itDefault, propertyRuns } from './support/full.js';

/** A site of one page, for a server test. */
const siteOf = (s: PreviewState): PreviewSite => ({ version: s.version, variants: [], target: () => s });

describeDefault('serve: Markdown preview rendering', () => {
  it('renders Markdown and shows raw HTML as text, bar harmless tags', () => {
    const html = markdownToHtml(
      '# Title\n\n**bold** and <br> and <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<br>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<img/);
  });

  it('keeps only http(s), mailto: and tel: links', () => {
    const html = markdownToHtml(
      '[ok](https://example.com) [bad](javascript:alert(1)) [data](data:text/html,x) [mail](mailto:a@b.c)',
    );
    expect(html).toContain('<a href="https://example.com">ok</a>');
    expect(html).toContain('<a href="mailto:a@b.c">mail</a>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:text');
    expect(html).toContain('bad');
  });
});

describeDefault('serve: pages and routes', () => {
  const state: PreviewState = {
    name: 'cv',
    html: '<html><body><p>page</p></body></html>',
    pdf: null,
    md: '# Hi\n',
    failure: null,
    version: 3,
  };

  it('injects the reload script before </body> with the build version', () => {
    const page = previewHtml(state.html, null, 3);
    expect(page).toMatch(/<p>page<\/p>\s*<script>[\s\S]*const shown = 3;[\s\S]*<\/script>\n<\/body><\/html>$/);
  });

  it('escapes error text in the overlay', () => {
    const failure = {
      diagnostics: [
        {
          severity: 'error' as const,
          file: 'cv.yaml',
          line: 2,
          col: 3,
          path: 'basics.name',
          message: 'bad </pre><script>x</script>',
        },
      ],
      message: '',
    };
    const page = previewHtml(state.html, failure, 4);
    expect(page).toContain('cv.yaml:2:3: error: basics.name: bad &lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(page).not.toContain('<script>x</script>');
  });

  it('routes only the fixed names; the PDF is 503 until it has built', () => {
    expect(route('/', state).status).toBe(200);
    expect(route('/cv.md', state).body).toContain('<h1>Hi</h1>');
    expect(route('/cv.pdf', state).status).toBe(503);
    expect(route('/cv.pdf', { ...state, pdf: new Uint8Array([1]) }).status).toBe(200);
    for (const p of ['/../package.json', '/resume.pdf', '/cv.yaml', '/index.htm', ''])
      expect(route(p, state).status, p).toBe(404);
  });
});

describeDefault('serve: variants at /v/<name>/ with a picker', () => {
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
        s = {
          name: v ? `cv-${v}` : 'cv',
          html: `<html><body><p>${v ?? 'whole'}</p></body></html>`,
          pdf: new Uint8Array([7]),
          md: '# Hi\n',
          failure: null,
          version: 2,
          base,
          picker: variantPicker(site.variants, v),
        };
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
    expect(routeSite('/v/frontend/', site)).toMatchObject({
      status: 404,
      body: expect.stringContaining('Variants: backend, ml platform'),
    });
    expect(asked.length).toBe(n);
  });

  it('every page carries the picker, the current one marked and the others linked (escaped)', () => {
    const page = String(routeSite('/v/backend/', site).body);
    expect(page).toContain('<strong aria-current="page" style="color:#fff">backend</strong>');
    expect(page).toContain('<a href="/" style="color:#cfe3ff">whole résumé</a>');
    expect(page).toContain('<a href="/v/ml%20platform/"');
    expect(String(routeSite('/', site).body)).toContain(
      '<strong aria-current="page" style="color:#fff">whole résumé</strong>',
    );
    expect(variantPicker([], null)).toBe('');
    expect(variantPicker(['<x>'], null)).toContain('&lt;x&gt;');
  });
});

describe('serve: response headers from user data (class: crash on a non-Latin-1 file name)', () => {
  /** The file name a client takes from Content-Disposition: filename* (RFC 5987) when present, else filename. */
  const nameFrom = (header: string): string => {
    const star = /filename\*=UTF-8''([^;\s]+)/.exec(header);
    if (star?.[1]) return decodeURIComponent(star[1]);
    return /filename="([^"]*)"/.exec(header)?.[1] ?? '';
  };

  it('any file name gives a header Node accepts, with an ASCII fallback, that decodes back to the name', () => {
    fc.assert(
      fc.property(anyText({ maxLength: 40 }), (raw) => {
        const name = `${raw}.pdf`;
        const header = contentDisposition('inline', name);
        expect(() => validateHeaderValue('Content-Disposition', header)).not.toThrow();
        expect(isSafeHeaderValue(header)).toBe(true);
        expect(/filename="([^"\\]*)"/.test(header)).toBe(true);
        expect(nameFrom(header)).toBe(name);
      }),
      // npm test: 25 names; npm run test:full: 1,000.
      { numRuns: propertyRuns(25, 1000) },
    );
    // Plain ASCII names keep the short form.
    expect(contentDisposition('inline', 'resume.pdf')).toBe('inline; filename="resume.pdf"');
    expect(contentDisposition('inline', 'резюме.pdf')).toBe(
      `inline; filename="______.pdf"; filename*=UTF-8''%D1%80%D0%B5%D0%B7%D1%8E%D0%BC%D0%B5.pdf`,
    );
    expect(contentDisposition('inline', 'Łukasz "x".pdf')).toBe(
      `inline; filename="_ukasz _x_.pdf"; filename*=UTF-8''%C5%81ukasz%20%22x%22.pdf`,
    );
  });

  itDefault(
    'a live server serves /<name>.pdf and /<name>.md for names in any script, with # ? % and spaces',
    async () => {
      for (const name of ['резюме', 'Łukasz', 'a "b" \\c', '100% #1 ?x', '履歴書 😀']) {
        const s: PreviewState = {
          name,
          html: '<html><body>h</body></html>',
          pdf: new Uint8Array([37, 80, 68, 70]),
          md: '# md\n',
          failure: null,
          version: 1,
        };
        const server = await startPreviewServer(() => siteOf(s), 0);
        try {
          const pdf = await fetch(`http://127.0.0.1:${server.port}${fileUrl(name, 'pdf')}`);
          expect(pdf.status).toBe(200);
          expect(nameFrom(pdf.headers.get('content-disposition') ?? '')).toBe(`${name}.pdf`);
          const viewer = await (await fetch(`http://127.0.0.1:${server.port}/pdf`)).text();
          expect(viewer).toContain(`src="${fileUrl(name, 'pdf').replace(/&/g, '&amp;')}?v=1"`);
          expect((await fetch(`http://127.0.0.1:${server.port}${fileUrl(name, 'md')}`)).status).toBe(200);
        } finally {
          await server.close();
        }
      }
    },
  );

  itDefault('a request whose answer throws gets a 500 and the server keeps serving', async () => {
    const s = { name: 'cv', html: null, pdf: null, md: null, failure: null, version: 1 } as PreviewState;
    let calls = 0;
    const server = await startPreviewServer(() => {
      if (calls++ === 0) throw new Error('simulated');
      return siteOf(s);
    }, 0);
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(500);
      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describeDefault('serve: the Markdown preview loads nothing from the internet', () => {
  it('an image (a badge, or one a hostile string made) shows as its alt text, never as <img>', () => {
    const html = markdownToHtml(
      '![Java](https://img.shields.io/badge/Java-blue) and ![p](https://tracker.example/p.png)\n',
    );
    expect(html).not.toMatch(/<img|src=/);
    expect(html).toContain('[image: Java]');
    expect(html).toContain('title="image not loaded in the preview: https://tracker.example/p.png"');
  });
});
