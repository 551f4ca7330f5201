import Handlebars from 'handlebars';
import type { Entry, Inline, ResumeModel } from '../model.js';
import { plainText } from '../inline.js';
import { isSafeHref } from '../links.js';
import { cssVariables } from '../tokens.js';
import { loadTemplates, STRICT } from './templates.js';
import { entryMeta, publicHeader, splitSections } from './view.js';

export interface HtmlOptions {
  /** A folder whose files override the built-in templates/html/ files one by one. */
  templatesDir?: string;
}

export interface HtmlResult {
  html: string;
  /** Template files taken from the user's folder. */
  overridden: string[];
}

const esc = Handlebars.Utils.escapeExpression;

/** Spans → HTML. Every piece of user text is escaped; only vetted links become <a>. */
export function inlineHtml(spans: Inline | null): string {
  if (!spans) return '';
  return spans
    .map((s) => {
      let h = esc(s.text);
      if (s.code) h = `<code>${h}</code>`;
      if (s.italic) h = `<em>${h}</em>`;
      if (s.bold) h = `<strong>${h}</strong>`;
      if (s.href && isSafeHref(s.href)) h = `<a href="${esc(s.href)}">${h}</a>`;
      return h;
    })
    .join('');
}

const helpers: Record<string, Handlebars.HelperDelegate> = {
  inline: (spans: Inline | null) => new Handlebars.SafeString(inlineHtml(spans)),
  meta: (e: Entry) => entryMeta(e),
  eq: (a: unknown, b: unknown) => a === b,
};

/** The portfolio page: one self-contained HTML file (inline CSS, no scripts, no outside requests). */
export function renderHtml(model: ResumeModel, opts: HtmlOptions = {}): HtmlResult {
  const t = loadTemplates('html', helpers, STRICT, opts.templatesDir);
  const { body, cta } = splitSections(model);
  const pub = publicHeader(model);
  const h = model.header;
  const description = plainText(h.tagline ?? h.summary ?? []) || h.label || '';
  const vars = cssVariables();
  const css = `:root { ${vars.light} }\n@media (prefers-color-scheme: dark) { :root { ${vars.dark} } }\n${t.assets['style.css'] ?? ''}`;
  const html = t.page({
    lang: model.lang,
    title: [h.name, h.label].filter(Boolean).join(' — ') || 'Résumé',
    description,
    header: { ...h, contacts: pub.contacts, address: pub.address },
    sections: body,
    cta,
    css,
    jsonLd: jsonLd(model, pub.contacts.map((c) => c.href)),
  });
  return { html, overridden: t.overridden };
}

/** schema.org Person, serialised so it cannot close its <script> element early. */
function jsonLd(model: ResumeModel, hrefs: (string | null)[]): string {
  const h = model.header;
  const person: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'Person' };
  if (h.name) person.name = h.name;
  if (h.label) person.jobTitle = h.label;
  if (h.summary) person.description = plainText(h.summary);
  const email = hrefs.find((x) => x?.startsWith('mailto:'));
  if (email) person.email = email.slice(7);
  const web = h.contacts.filter((c) => c.kind === 'url').map((c) => c.href);
  if (web[0]) person.url = web[0];
  const sameAs = h.contacts.filter((c) => c.kind === 'profile' && c.href).map((c) => c.href);
  if (sameAs.length) person.sameAs = sameAs;
  if (h.location) person.address = { '@type': 'PostalAddress', addressLocality: h.location };
  if (model.keywords.length) person.knowsAbout = model.keywords;
  return JSON.stringify(person).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
