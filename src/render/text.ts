import type { Entry, Group, Inline, ResumeModel, Section } from '../model/model.js';
import { displayUrl } from '../validate/links.js';
import { displayWidth, wrap, wrapList } from './text-wrap.js';

export interface TextOptions {
  /** Column limit (default 80, what most form fields and terminals show without breaking lines). */
  width?: number;
}

/**
 * Plain text for application forms that take nothing else: no markup at all, headings
 * underlined (capitals would change the owner's words), bullets as "- ", every line
 * wrapped at 80 columns without splitting a word or a URL. Like the PDF it is sent to
 * an employer, not published, so it carries the phone number and address.
 */
export function renderText(model: ResumeModel, opts: TextOptions = {}): string {
  const width = opts.width ?? 80;
  const out = new TextBuilder(width);
  const h = model.header;
  if (h.name) out.heading(h.name, '=');
  if (h.label) out.para(h.label, { tight: h.tagline !== null });
  if (h.tagline) out.para(inlineText(h.tagline));
  if (h.summary) out.para(inlineText(h.summary));
  const contacts = [...h.contacts.map((c) => c.text), ...h.address, ...(h.location ? [h.location] : [])];
  if (contacts.length) out.list(contacts);
  // Fields of basics folio has no slot for, after the contacts: the text goes to an employer, private ones included.
  for (const e of h.extras) out.para(inlineText(e.line), { tight: true });
  for (const s of model.sections) section(out, s, model.words.listSeparator);
  return out.toString();
}

function section(out: TextBuilder, s: Section, list: string): void {
  out.gap();
  out.heading(s.title, '-');
  if (s.intro) out.para(inlineText(s.intro));
  if (s.summary) out.para(inlineText(s.summary));
  switch (s.kind) {
    case 'metrics':
      out.bullets(s.metrics.map((m) => `${m.label}: ${m.value}`));
      break;
    case 'principles':
      for (const p of s.principles) {
        out.para(`${p.number} · ${p.title}`, { tight: true });
        if (p.summary) out.para(inlineText(p.summary));
        out.blank();
      }
      break;
    case 'groups':
      out.bullets(s.groups.map((g) => groupLine(g, list)));
      break;
    case 'entries':
      for (const e of s.entries) entry(out, e, list);
      break;
    case 'cta':
      if (s.text) out.para(inlineText(s.text));
      break;
  }
}

/** `Backend: Java, Python`, the keywords joined as the language lists words (`、` in Japanese). */
function groupLine(g: Group, list: string): string {
  const name = g.name ? `${g.name}${g.level ? ` (${g.level})` : ''}` : g.level;
  const items = g.keywords.join(list);
  return [name, items].filter(Boolean).join(': ');
}

function entry(out: TextBuilder, e: Entry, list: string): void {
  const meta = [e.category, ...e.meta].filter((s): s is string => s !== null);
  if (e.heading) out.para(e.heading, { tight: true });
  if (meta.length) out.list(meta, { tight: true });
  out.blank();
  if (e.outcome) out.para(inlineText(e.outcome));
  if (e.summary) out.para(inlineText(e.summary));
  out.bullets(e.highlights.map(inlineText));
  if (e.metrics.length) out.list(e.metrics.map((m) => `${m.label}: ${m.value}`));
  if (e.keywords.length) out.para(e.keywords.join(list));
  if (e.url) out.para(e.url.text);
  out.blank();
}

/**
 * Spans → the words a reader sees. A link keeps its address in brackets after the
 * text (the form will not keep the link), unless the text already is the address.
 */
export function inlineText(spans: Inline): string {
  let s = '';
  for (let i = 0; i < spans.length; ) {
    const href = spans[i]?.href ?? null;
    let text = '';
    while (i < spans.length && (spans[i]?.href ?? null) === href) text += spans[i++]?.text ?? '';
    const address = href ? displayUrl(href) : '';
    s += href && address !== text.trim() ? `${text} (${address})` : text;
  }
  return s;
}

/** Paragraphs, headings and bullet lists, one blank line between blocks. */
class TextBuilder {
  private lines: string[] = [];
  constructor(private readonly width: number) {}

  /** A heading underlined with `=` (the name) or `-` (a section), as long as its longest line. */
  heading(text: string, rule: '=' | '-'): void {
    const lines = wrap(text, this.width);
    this.lines.push(...lines, rule.repeat(Math.min(this.width, Math.max(...lines.map(displayWidth)))), '');
  }

  /** A wrapped paragraph; `tight` keeps the next block directly below it. */
  para(text: string, opts: { tight?: boolean } = {}): void {
    this.lines.push(...wrap(text, this.width));
    if (!opts.tight) this.blank();
  }

  /** Short items on as few lines as fit, `a · b · c`, never broken inside an item that fits a line. */
  list(items: string[], opts: { tight?: boolean } = {}): void {
    this.lines.push(...wrapList(items, this.width));
    if (!opts.tight) this.blank();
  }

  bullets(items: string[]): void {
    for (const item of items) this.lines.push(...wrap(item, this.width, '- ', '  '));
    if (items.length) this.blank();
  }

  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  /** Two blank lines before a section, so sections stand apart from the entries inside them. */
  gap(): void {
    this.blank();
    this.lines.push('');
  }

  toString(): string {
    return `${this.lines
      .join('\n')
      .replace(/\n{4,}/g, '\n\n\n')
      .trim()}\n`;
  }
}
