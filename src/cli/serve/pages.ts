import Handlebars from 'handlebars';
import { type Diagnostic, formatDiagnostic } from '../../source/diagnostics.js';

const esc = Handlebars.Utils.escapeExpression;

/** Where pages listen for "rebuilt" events. Not a file: the server answers it itself. */
export const EVENTS_PATH = '/__folio/events';

/** What the preview shows on top of a page when the latest save did not build. */
export interface Failure {
  /** Located problems (file:line:col), when the failure was in the input. */
  diagnostics: Diagnostic[];
  /** The message when there is no location (a missing file, a bug). */
  message: string;
}

/**
 * The inline script every preview page carries: it reloads the page when the server
 * reports a build newer than the one the page shows (checked on connect too, so a
 * build that finished while the page loaded is not missed). Inline, so the preview
 * loads nothing from anywhere else.
 */
function liveReload(version: number): string {
  return `<script>(() => {
  const shown = ${version};
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('build', (e) => { if (Number(e.data) !== shown) location.reload(); });
})();</script>`;
}

const OVERLAY_STYLE =
  'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.97);color:#fff;' +
  'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem';
const BUTTON_STYLE = 'margin-top:1.5rem;font:inherit;padding:.3rem .8rem';
const OVERLAY_TITLE = 'folio: this save did not build. Fix it and save again; the page below is the last good build.';

/** The error overlay: every problem with its file:line:col and caret, escaped. */
function overlay(failure: Failure | null): string {
  if (!failure) return '';
  const text = failure.diagnostics.length ? failure.diagnostics.map(formatDiagnostic).join('\n\n') : failure.message;
  return `<div id="folio-overlay" role="alert" style="${OVERLAY_STYLE}">
<p style="margin:0 0 1rem;font:600 16px system-ui,sans-serif;color:#ff8a80">${OVERLAY_TITLE}</p>
<pre style="white-space:pre-wrap;margin:0">${esc(text)}</pre>
<button type="button" onclick="this.parentNode.remove()" style="${BUTTON_STYLE}">Show the last good build</button>
</div>`;
}

/**
 * A built page with the live-reload script and, after a failed save, the error overlay.
 * Before the first build, a placeholder: `waiting` when the source does not exist yet.
 */
export function previewHtml(
  html: string | null,
  failure: Failure | null,
  version: number,
  picker = '',
  waiting: string | null = null,
): string {
  const extra = `${picker}${overlay(failure)}\n${liveReload(version)}\n`;
  const note = waiting ? `${esc(waiting)}. This page reloads when it does.` : 'Nothing has built yet.';
  const page = html ?? shell('folio preview', `<p style="font:16px system-ui;margin:2rem">${note}</p>`);
  // The built page ends with </body>; insert before it, or append if a custom template has none.
  const at = page.lastIndexOf('</body>');
  return at === -1 ? page + extra : `${page.slice(0, at)}${extra}${page.slice(at)}`;
}

/**
 * The variant picker: a small bar in the top right corner linking the whole résumé and each variant,
 * the current one marked. Not part of the built page: the preview adds it.
 */
export function variantPicker(variants: readonly string[], current: string | null): string {
  if (!variants.length) return '';
  const link = (href: string, label: string, here: boolean) =>
    here
      ? `<strong aria-current="page" style="color:#fff">${esc(label)}</strong>`
      : `<a href="${esc(href)}" style="color:#cfe3ff">${esc(label)}</a>`;
  const items = [
    link('/', 'whole résumé', current === null),
    ...variants.map((v) => link(`/v/${encodeURIComponent(v)}/`, v, v === current)),
  ];
  const style =
    'position:fixed;top:.5rem;right:.5rem;z-index:2147483646;background:rgba(20,20,24,.85);color:#eee;' +
    'font:12px/1.8 system-ui,sans-serif;padding:.1rem .7rem;border-radius:6px';
  return `<nav id="folio-variants" aria-label="Variants" style="${style}">variant: ${items.join(' · ')}</nav>\n`;
}

/** A minimal page around preview content (the PDF viewer, the rendered Markdown). */
export function shell(title: string, body: string, style = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** `/pdf`: the PDF filling the window under a one-line bar that links the file itself. */
export function pdfViewer(pdfPath: string, version: number): string {
  const file = decodeURIComponent(pdfPath.slice(1));
  const style =
    'html,body{height:100%;margin:0;background:#525659}body{display:flex;flex-direction:column}' +
    'nav{font:13px/2 system-ui,sans-serif;color:#eee;padding:0 1rem}nav a{color:#fff}' +
    'iframe{border:0;flex:1;width:100%;display:block}';
  const bar =
    `<nav><a href="${esc(pdfPath)}" download>${esc(file)}</a>` +
    ' · the PDF a build writes; this page reloads on every save</nav>';
  return shell(
    `${file} (folio preview)`,
    `${bar}\n<iframe src="${esc(pdfPath)}?v=${version}" title="${esc(file)}"></iframe>`,
    style,
  );
}

/** `/<name>.md`: the Markdown rendered roughly as GitHub shows a README. */
export function markdownPage(title: string, bodyHtml: string): string {
  const style =
    'body{max-width:46rem;margin:2rem auto;padding:0 1rem;' +
    'font:16px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328}\n' +
    'h1,h2{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}a{color:#0969da}' +
    'code{background:#eff1f3;padding:.1em .3em;border-radius:4px}\n' +
    'table{border-collapse:collapse}td,th{border:1px solid #d1d9e0;padding:.3em .7em}' +
    'blockquote{color:#59636e;border-left:.25em solid #d1d9e0;margin:0;padding:0 1em}';
  return shell(title, bodyHtml, style);
}
