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
  const notBuilt = (what: string): Reply => ({ status: 503, type: TEXT, body: `${what} has not built yet; see the terminal for errors.\n` });
  switch (path) {
    case '/':
    case '/index.html':
      return { status: 200, type: HTML, body: previewHtml(s.html, s.failure, s.version) };
    case '/pdf':
      return { status: 200, type: HTML, body: previewHtml(pdfViewer(fileUrl(s.name, 'pdf'), s.version), s.failure, s.version) };
    case `/${s.name}.pdf`:
      // inline: shown in the browser; the file name is what "save" offers.
      return s.pdf ? { status: 200, type: 'application/pdf', body: s.pdf, headers: { 'Content-Disposition': contentDisposition('inline', `${s.name}.pdf`) } } : notBuilt('The PDF');
    case `/${s.name}.md`: {
      if (s.md === null) return notBuilt('The Markdown');
      const page = markdownPage(`${s.name}.md (folio preview)`, markdownToHtml(s.md));
      return { status: 200, type: HTML, body: previewHtml(page, s.failure, s.version) };
    }
    default:
      return { status: 404, type: TEXT, body: `Not found. This preview serves /, /pdf, ${fileUrl(s.name, 'pdf')} and ${fileUrl(s.name, 'md')}.\n` };
  }
}

/** The address of an output file: the name percent-encoded, so `#`, `?`, spaces and any script survive the trip. */
export function fileUrl(name: string, ext: 'pdf' | 'md'): string {
  return `/${encodeURIComponent(`${name}.${ext}`)}`;
}
