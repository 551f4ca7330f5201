import type { Resume, SectionId } from '../validate/schema.js';
import type { Design } from './design.js';
import type { Span } from './inline.js';
import type { Words } from './locale.js';

/**
 * The résumé as every renderer uses it: display-ready strings, dates already
 * formatted, links already vetted, inline markup parsed into spans. Every field
 * is present (null or [] when absent) so strict Handlebars templates can test it.
 */
export interface ResumeModel {
  /** BCP 47 tag of the résumé's language, for metadata (HTML lang, PDF Lang, JSON-LD). */
  lang: string;
  /** Writing direction of that language: right to left for Arabic and Hebrew. */
  dir: 'ltr' | 'rtl';
  /** folio's own words in that language (page numbers, skip link, document name), folio.locale applied. */
  words: Words;
  /** The look: theme defaults with folio.design on top (and --theme over both). */
  design: Design;
  header: Header;
  sections: Section[];
  /** What the owner allows on public outputs (HTML, Markdown). */
  public: { phone: boolean; address: boolean };
  /** Markdown-only choices (folio.markdown). */
  markdown: { stack: StackStyle };
  /** Keywords for PDF metadata and search: the skills' names and keywords. */
  keywords: string[];
}

/** How the Markdown shows each technology of the stack: code span, plain text or shields.io badge. */
export type StackStyle = NonNullable<NonNullable<NonNullable<Resume['folio']>['markdown']>['stack']>;

/** Text with inline formatting: a list of spans. */
export type Inline = Span[];

export interface Contact {
  kind: 'email' | 'phone' | 'url' | 'profile';
  /** Link target (mailto:, tel:, https:), or null when the value is not a link. */
  href: string | null;
  /** What the reader sees: `you@example.com`, `github.com/name`. */
  text: string;
  /** A name for the link's purpose, for screen readers and labels: `Email`, `GitHub`. */
  label: string;
  /** Phone numbers are private: shown on public outputs only when the owner opts in. */
  private: boolean;
}

export interface Header {
  name: string | null;
  label: string | null;
  tagline: Inline | null;
  summary: Inline | null;
  /** City, region, country: public. */
  location: string | null;
  /** Street address lines: private. */
  address: string[];
  contacts: Contact[];
  /** The call-to-action title doubles as an availability line in the header. */
  availability: string | null;
  image: string | null;
  /** Fields of basics folio has no slot for that hold text ("Name Furigana: …"), after the location, in source order. */
  extras: ExtraLine[];
}

/** An extra line: a field folio has no slot for, shown as "**Label:** text". */
export interface ExtraLine {
  line: Inline;
  /** The folio.public switches a public output (HTML, Markdown) needs on to show it: it holds a phone number or an address. */
  private: ('phone' | 'address')[];
}

export interface Metric {
  label: string;
  value: string;
}

/** One item of a list section (a job, a degree, a story), mapped to common slots. */
export interface Entry {
  /** Where it came from, e.g. `work[0]`: for messages. */
  path: string;
  title: string | null;
  subtitle: string | null;
  /** `title · subtitle` (or whichever is present), assembled once for every renderer and message; null when neither is. */
  heading: string | null;
  category: string | null;
  dates: string | null;
  location: string | null;
  url: { href: string; text: string } | null;
  /** Short facts shown in one line: score, roles, type. */
  details: string[];
  /** The meta line: dates, location, then the details, in that order. */
  meta: string[];
  outcome: Inline | null;
  summary: Inline | null;
  highlights: Inline[];
  keywords: string[];
  metrics: Metric[];
  tags: string[];
}

export interface Group {
  path: string;
  name: string | null;
  level: string | null;
  keywords: string[];
}

export interface Principle {
  number: string;
  title: string;
  summary: Inline | null;
}

interface SectionBase {
  /** A folio section id (`work`), or the YAML key of a custom section (`strengths`). */
  id: SectionId | (string & {});
  title: string;
  intro: Inline | null;
  summary: Inline | null;
}

export type Section =
  | (SectionBase & { kind: 'metrics'; metrics: Metric[] })
  | (SectionBase & { kind: 'entries'; entries: Entry[] })
  | (SectionBase & { kind: 'groups'; groups: Group[] })
  | (SectionBase & { kind: 'principles'; principles: Principle[] })
  | (SectionBase & { kind: 'cta'; text: Inline | null });
