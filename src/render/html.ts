import type FullHandlebars from 'handlebars';
import { plainText } from '../model/inline.js';
import type { Entry, Header, Inline, Metric, ResumeModel, Section } from '../model/model.js';
import { isSafeHref } from '../validate/links.js';
import { Handlebars } from './handlebars-runtime.js';
import { designCss } from './html-design.js';
import { loadTemplates } from './templates.js';
import { cssVariables, tokens } from './tokens.js';
import { anchorOf, partialOf, publicHeader, splitSections } from './view.js';

export interface HtmlOptions {
  /** A folder whose html/ files override the built-in templates/html/ files one by one. */
  templatesDir?: string;
  /** The folder a relative templatesDir is taken from. */
  cwd?: string;
}

export interface HtmlResult {
  html: string;
  /** Template files taken from the user's folder. */
  overridden: string[];
}

const esc = Handlebars.Utils.escapeExpression;

/** How many headline metrics get a large tile; the rest are listed compactly under them. */
const FEATURED_METRICS = 4;

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

const helpers: Record<string, FullHandlebars.HelperDelegate> = {
  inline: (spans: Inline | null) => new Handlebars.SafeString(inlineHtml(spans)),
  meta: (e: Entry) => e.meta,
  // Kept for templates written before the label was in the model (`{{url.label}}`).
  linkText: (e: Entry) => e.url?.label ?? '',
};

type MetricsSection = Extract<Section, { kind: 'metrics' }>;

/** A metrics section split into large tiles and a compact list, as the metric-panel partial shows it. */
export interface MetricPanel extends MetricsSection {
  /** The first four figures: large tiles. */
  featured: Metric[];
  /** The rest: a compact list under the tiles. */
  more: Metric[];
}

/** A section as the page's partials receive it: the model's section, its HTML id, and the partial that draws it. */
export type HtmlSection = (Exclude<Section, MetricsSection> | MetricPanel) & {
  /** The section's HTML id and class: its id, or `custom-<key>` for a custom section. */
  id: string;
  /**
   * The partial that draws it: the section id for folio's sections, the kind (`entries`, `groups`) for a custom one.
   */
  partial: string;
};

/** What templates/html/page.hbs receives: the model's header and sections, plus what the page's <head> needs. */
export interface HtmlPage {
  /** BCP 47 tag of the résumé's language (`<html lang>`). */
  lang: string;
  /** Writing direction (`<html dir>`). */
  dir: 'ltr' | 'rtl';
  /** The page title: `NAME — HEADLINE`. */
  title: string;
  /** The skip link's text, in the résumé's language. */
  skipLink: string;
  /** The meta description: the tagline, else the summary, as plain text, else the headline. */
  description: string;
  /** Background colours for the browser's theme-color, light and dark. */
  theme: { light: string; dark: string };
  /** A monogram icon as a data: URL. */
  favicon: string;
  /** The model's header, with only the contacts and address the page may show (folio.public). */
  header: Header;
  /** Headline metrics that lead the page (the first section), drawn in the hero; null otherwise. */
  lead: MetricPanel | null;
  /** Every other section except the call to action, in order. */
  sections: HtmlSection[];
  /** The call to action that closes the page, or null. */
  cta: Extract<Section, { kind: 'cta' }> | null;
  /** The whole stylesheet: design tokens as CSS variables, style.css, the theme's rules. */
  css: string;
  /** schema.org Person data, serialised for a <script> element. */
  jsonLd: string;
}

function metricPanel(s: MetricsSection): MetricPanel {
  return { ...s, featured: s.metrics.slice(0, FEATURED_METRICS), more: s.metrics.slice(FEATURED_METRICS) };
}

/** The portfolio page: one self-contained HTML file (inline CSS, no scripts, no outside requests). */
export function renderHtml(model: ResumeModel, opts: HtmlOptions = {}): HtmlResult {
  const t = loadTemplates('html', helpers, opts.templatesDir, opts.cwd);
  const html = t.page(htmlPage(model, t.assets['style.css'] ?? ''));
  // Templates are written for reading; drop the blank lines their {{#if}} tags leave (HTML collapses whitespace
  // anyway).
  return { html: html.replace(/\n[ \t]*(?=\n)/g, ''), overridden: t.overridden };
}

/** What the page template receives (folio build --dump-model prints it), with the templates' style.css. */
export function htmlContext(model: ResumeModel, opts: HtmlOptions = {}): HtmlPage {
  const t = loadTemplates('html', helpers, opts.templatesDir, opts.cwd);
  return htmlPage(model, t.assets['style.css'] ?? '');
}

function htmlPage(model: ResumeModel, styleCss: string): HtmlPage {
  const { body, cta } = splitSections(model);
  // Headline metrics that lead the page (the default order) sit in the hero, beside the pitch.
  const first = body[0];
  const lead = first?.kind === 'metrics' ? metricPanel(first) : null;
  const sections = (lead ? body.slice(1) : body).map(
    (s): HtmlSection => ({
      ...(s.kind === 'metrics' ? metricPanel(s) : s),
      id: anchorOf(s),
      partial: partialOf(s),
    }),
  );
  const pub = publicHeader(model);
  const h = model.header;
  const description = plainText(h.tagline ?? h.summary ?? []) || h.label || '';
  const vars = cssVariables();
  const themed = designCss(model.design);
  const css =
    `:root { ${vars.light} }\n@media (prefers-color-scheme: dark) { :root { ${vars.dark} } }\n` +
    `${styleCss}${themed ? `\n${themed}\n` : ''}`;
  return {
    lang: model.lang,
    dir: model.dir,
    title: [h.name, h.label].filter(Boolean).join(' — ') || model.words.resume,
    skipLink: model.words.skipLink,
    description,
    theme: { light: tokens.color.surface, dark: tokens.dark.surface },
    favicon: favicon(h.name, model.design.colors.accent),
    header: { ...h, contacts: pub.contacts, address: pub.address, extras: pub.extras },
    lead,
    sections,
    cta,
    css,
    jsonLd: jsonLd(model, pub),
  };
}

/**
 * A monogram icon as a data: URL, so browsers do not ask the host for /favicon.ico
 * (a request, and a 404 on most static hosts).
 */
export function favicon(name: string | null, accent: string = tokens.color.accent): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const initials = [words[0], words.length > 1 ? words[words.length - 1] : undefined]
    .map((w) => (w ? ([...w][0]?.toLocaleUpperCase() ?? '') : ''))
    .join('');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    `<rect width="64" height="64" rx="14" fill="${accent}"/>` +
    '<text x="32" y="42" font-family="system-ui,sans-serif" font-size="28" font-weight="700" text-anchor="middle" ' +
    `fill="#fff">${esc(initials)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** schema.org Person from what the page may show, serialised so it cannot close its <script> element early. */
function jsonLd(model: ResumeModel, pub: ReturnType<typeof publicHeader>): string {
  const h = model.header;
  const hrefs = pub.contacts.map((c) => c.href);
  // @language: the name, job title and description are text in the résumé's language (Person has no inLanguage).
  const person: Record<string, unknown> = {
    '@context': ['https://schema.org', { '@language': model.lang }],
    '@type': 'Person',
  };
  if (h.name) person.name = h.name;
  if (h.label) person.jobTitle = h.label;
  if (h.summary) person.description = plainText(h.summary);
  const email = hrefs.find((x) => x?.startsWith('mailto:'));
  if (email) person.email = email.slice(7);
  const phone = hrefs.find((x) => x?.startsWith('tel:'));
  if (phone) person.telephone = phone.slice(4);
  const web = h.contacts.filter((c) => c.kind === 'url').map((c) => c.href);
  if (web[0]) person.url = web[0];
  const sameAs = h.contacts.filter((c) => c.kind === 'profile' && c.href).map((c) => c.href);
  if (sameAs.length) person.sameAs = sameAs;
  if (h.location || pub.address.length) {
    const address: Record<string, string> = { '@type': 'PostalAddress' };
    if (pub.address.length) address.streetAddress = pub.address.join(', ');
    if (h.location) address.addressLocality = h.location;
    person.address = address;
  }
  if (model.keywords.length) person.knowsAbout = model.keywords;
  return JSON.stringify(person).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
