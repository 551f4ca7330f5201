import type { HtmlPage } from '../render/html.js';
import type { MarkdownPage } from '../render/markdown.js';
import type { Prepared } from './build.js';

/** What each format's page template receives: `{{…}}` in templates/html/page.hbs and templates/markdown/page.hbs. */
export interface TemplateData {
  html: HtmlPage;
  markdown: MarkdownPage;
}

/**
 * The data the HTML and Markdown templates receive for a prepared résumé (folio build --dump-model), with the
 * user's --templates folder applied as a build applies it (its style.css is part of the HTML page's data).
 */
export async function templateData(
  p: Prepared,
  opts: { templatesDir?: string; cwd?: string } = {},
): Promise<TemplateData> {
  const { htmlContext } = await import('../render/html.js');
  const { markdownContext } = await import('../render/markdown.js');
  return { html: htmlContext(p.model, opts), markdown: markdownContext(p.model) };
}
