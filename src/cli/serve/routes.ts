import { contentDisposition } from './headers.js';
import { markdownToHtml } from './markdown-page.js';
import { type Failure, markdownPage, pdfViewer, previewHtml } from './pages.js';

/** What the preview has to show: the last good outputs and, if the latest save failed, why. */
export interface PreviewState {
  /** Output base name, as a build names its files (`resume` → `/resume.pdf`). */
  name: string;
  html: string | null;
  pdf: Uint8Array | null;
  md: string | null;
  failure: Failure | null;
  /** Increases with every build attempt; pages reload when it changes. */
  version: number;
  /** Where this build's pages live: '' for the whole résumé, `/v/<variant>` for a variant. */
  base?: string;
  /** The variant picker shown on every page (empty when the résumé has no variants). */
  picker?: string;
  /** Shown instead of the page while the source does not exist yet ("waiting for cv.yaml to appear"). */
  waiting?: string | null;
}

/** Everything the preview serves: the whole résumé at /, each variant under /v/<name>/. */
export interface PreviewSite {
  /** Increases with every round of builds; pages reload when it changes. */
  version: number;
  /** The résumé's variants, in its order. */
  variants: string[];
  /** The whole résumé's state (null) or a variant's; asking for one not built yet starts building it. */
  target(variant: string | null): PreviewState;
}

/** /v/<name>/… goes to that variant's pages; everything else to the whole résumé's. */
export function routeSite(path: string, site: PreviewSite): Reply {
  const v = /^\/v\/([^/]+)(\/.*)?$/.exec(path);
  if (!v) return route(path, site.target(null));
  const name = v[1] as string;
  if (!site.variants.includes(name)) {
    return {
      status: 404,
      type: TEXT,
      body: `No variant "${name}". Variants: ${site.variants.join(', ') || 'none (add a variants: block)'}.\n`,
    };
  }
  if (v[2] === undefined)
    return { status: 302, type: TEXT, body: '', headers: { Location: `/v/${encodeURIComponent(name)}/` } };
  return route(v[2], site.target(name));
}

export interface Reply {
  status: number;
  type: string;
  body: string | Uint8Array;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

/**
 * The whole site: a fixed table of names, matched exactly. No path ever reaches the
 * file system, so there is nothing to list and nothing to traverse to.
 */
export function route(path: string, s: PreviewState): Reply {
  const notBuilt = (what: string): Reply => ({
    status: 503,
    type: TEXT,
    body: `${what} has not built yet; see the terminal for errors.\n`,
  });
  const base = s.base ?? '';
  const page = (html: string | null) => previewHtml(html, s.failure, s.version, s.picker ?? '', s.waiting);
  switch (path) {
    case '/':
    case '/index.html':
      return { status: 200, type: HTML, body: page(s.html) };
    case '/pdf':
      return { status: 200, type: HTML, body: page(pdfViewer(`${base}${fileUrl(s.name, 'pdf')}`, s.version)) };
    case `/${s.name}.pdf`:
      // inline: shown in the browser; the file name is what "save" offers.
      return s.pdf
        ? {
            status: 200,
            type: 'application/pdf',
            body: s.pdf,
            headers: { 'Content-Disposition': contentDisposition('inline', `${s.name}.pdf`) },
          }
        : notBuilt('The PDF');
    case `/${s.name}.md`: {
      if (s.md === null) return notBuilt('The Markdown');
      return {
        status: 200,
        type: HTML,
        body: page(markdownPage(`${s.name}.md (folio preview)`, markdownToHtml(s.md))),
      };
    }
    default:
      return {
        status: 404,
        type: TEXT,
        body:
          `Not found. This preview serves ${base}/, ${base}/pdf, ` +
          `${base}${fileUrl(s.name, 'pdf')} and ${base}${fileUrl(s.name, 'md')}.\n`,
      };
  }
}

/** The address of an output file: the name percent-encoded, so `#`, `?`, spaces and any script survive the trip. */
export function fileUrl(name: string, ext: 'pdf' | 'md'): string {
  return `/${encodeURIComponent(`${name}.${ext}`)}`;
}
