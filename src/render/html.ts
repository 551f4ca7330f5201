import type FullHandlebars from 'handlebars';
import { plainText } from '../model/inline.js';
import type { Entry, Inline, Metric, ResumeModel, Section } from '../model/model.js';
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
  linkText: (e: Entry) => entryLinkText(e),
};

/**
 * Text for an entry's own link that makes sense read alone (screen readers list
 * links out of context): `Ledger rewrite: example.org/ledger`, without doubling
 * the title's closing full stop.
 */
export function entryLinkText(e: Entry): string {
  if (!e.url) return '';
  // A job's, a volunteer role's or a degree's url is the organisation's site: name the organisation, not the role.
  const organisation = /^(work|volunteer|education)\[/.test(e.path) ? e.subtitle : null;
  const title = (organisation ?? e.title)?.replace(/[.:;,!?…]+$/u, '');
  return title ? `${title}: ${e.url.text}` : e.url.text;
}

type MetricsSection = Extract<Section, { kind: 'metrics' }>;

/** A metrics section split into large tiles and a compact list, as the metric-panel partial shows it. */
function metricPanel(s: MetricsSection): MetricsSection & { featured: Metric[]; more: Metric[] } {
  return { ...s, featured: s.metrics.slice(0, FEATURED_METRICS), more: s.metrics.slice(FEATURED_METRICS) };
}

/** The portfolio page: one self-contained HTML file (inline CSS, no scripts, no outside requests). */
export function renderHtml(model: ResumeModel, opts: HtmlOptions = {}): HtmlResult {
  const t = loadTemplates('html', helpers, opts.templatesDir, opts.cwd);
  const { body, cta } = splitSections(model);
  // Headline metrics that lead the page (the default order) sit in the hero, beside the pitch.
  const first = body[0];
  const lead = first?.kind === 'metrics' ? metricPanel(first) : null;
  const sections = (lead ? body.slice(1) : body).map((s) => ({
    ...(s.kind === 'metrics' ? metricPanel(s) : s),
    id: anchorOf(s),
    partial: partialOf(s),
  }));
  const pub = publicHeader(model);
  const h = model.header;
  const description = plainText(h.tagline ?? h.summary ?? []) || h.label || '';
  const vars = cssVariables();
  const themed = designCss(model.design);
  const css = `:root { ${vars.light} }\n@media (prefers-color-scheme: dark) { :root { ${vars.dark} } }\n${t.assets['style.css'] ?? ''}${themed ? `\n${themed}\n` : ''}`;
  const html = t.page({
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
  });
  // Templates are written for reading; drop the blank lines their {{#if}} tags leave (HTML collapses whitespace anyway).
  return { html: html.replace(/\n[ \t]*(?=\n)/g, ''), overridden: t.overridden };
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
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${accent}"/>` +
    `<text x="32" y="42" font-family="system-ui,sans-serif" font-size="28" font-weight="700" text-anchor="middle" fill="#fff">${esc(initials)}</text></svg>`;
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
