import Handlebars from 'handlebars';
import { Marked } from 'marked';
import { isSafeHref } from '../../validate/links.js';

const esc = Handlebars.Utils.escapeExpression;

/** Attribute-free tags GitHub renders and that cannot run or load anything; all other HTML shows as text. */
const HARMLESS_TAG = /^<\/?(?:br|b|i|em|strong|sub|sup|kbd|code|details|summary)\s*\/?>$/i;

/** Raw HTML from the Markdown: harmless tags kept, everything else escaped. */
function rawHtml(text: string): string {
  return text
    .split(/(<[^<>]*>)/)
    .map((part) => (HARMLESS_TAG.test(part) ? part : esc(part)))
    .join('');
}

/**
 * Markdown → HTML for the preview. Raw HTML in the Markdown is shown as text, not
 * run (bar a few harmless tags such as <br>), and a link whose target is not http(s), mailto: or tel: keeps only its
 * text: the preview must be safe even for a hostile résumé or template.
 */
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      return rawHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      if (!isSafeHref(href)) return inner;
      return `<a href="${esc(href)}"${title ? ` title="${esc(title)}"` : ''}>${inner}</a>`;
    },
    // The preview loads nothing from the internet (a tracking pixel would tell a stranger you opened it):
    // an image shows as its alt text, marked as an image, with its address on hover.
    image({ href, text }) {
      const where = isSafeHref(href) ? ` title="image not loaded in the preview: ${esc(href)}"` : '';
      return `<span class="folio-image"${where}>[image: ${esc(text)}]</span>`;
    },
  },
});

/** The body HTML of a Markdown document, rendered as GitHub would show it. */
export function markdownToHtml(md: string): string {
  return marked.parse(md) as string;
}
