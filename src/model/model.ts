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
  /**
   * The header photo's bytes, for the PDF: null from normalise (which does no I/O); the pipeline reads the file
   * once when it makes a PDF with folio.photo on. Not part of the templates' data.
   */
  photo: Photo | null;
}

/** A photo already read from disk (renderers never touch the file system). */
export interface Photo {
  data: Uint8Array;
  format: 'png' | 'jpg';
}

/** How the Markdown shows each technology of the stack: code span, plain text or shields.io badge. */
export type StackStyle = NonNullable<NonNullable<NonNullable<Resume['folio']>['markdown']>['stack']>;

/** Text with inline formatting: a list of spans (HTML templates print it with `{{inline field}}`). */
export type Inline = Span[];

/** One way to reach the owner, in the order of the contact line: email, phone, website, profiles. */
export interface Contact {
  /** Where it comes from: basics.email, basics.phone, basics.url or one of basics.profiles. */
  kind: 'email' | 'phone' | 'url' | 'profile';
  /** Where it came from, e.g. `basics.profiles[1]`: for messages and the PDF's self-check. */
  path: string;
  /** Link target (mailto:, tel:, https:), or null when the value is not a link. */
  href: string | null;
  /** What the reader sees: `you@example.com`, `github.com/name`. */
  text: string;
  /** A name for the link's purpose, for screen readers and labels: `Email`, `GitHub`. */
  label: string;
  /** Phone numbers are private: shown on public outputs only when the owner opts in. */
  private: boolean;
}

/** The top of the page: who the owner is and how to reach them. */
export interface Header {
  /** The owner's name (basics.name). */
  name: string | null;
  /** The headline: what they do, in a few words (basics.label). */
  label: string | null;
  /** The one-line pitch (basics.tagline). */
  tagline: Inline | null;
  /** The short biography (basics.summary). */
  summary: Inline | null;
  /** City, region, country: public. */
  location: string | null;
  /** Street address lines: private. */
  address: string[];
  /** Email, phone, website and profiles, in that order (the HTML page and the Markdown get only the public ones). */
  contacts: Contact[];
  /** The call-to-action title doubles as an availability line in the header. */
  availability: string | null;
  /** The photo's path or URL as written (basics.image); only the PDF shows the photo, with folio.photo on. */
  image: string | null;
  /**
   * Fields of basics folio has no slot for that hold text ("Name Furigana: …"), after the location, in source order.
   */
  extras: ExtraLine[];
}

/** An extra line: a field folio has no slot for, shown as "**Label:** text". */
export interface ExtraLine {
  line: Inline;
  /** Where it comes from inside basics: ['nameFurigana'], ['location', 'prefecture']. */
  source: string[];
  /**
   * The folio.public switches a public output (HTML, Markdown) needs on to show it: it holds a phone number or an
   * address.
   */
  private: ('phone' | 'address')[];
}

/** A figure with its label: `REST APIs` / `~1K QPS`. */
export interface Metric {
  /** What is measured. */
  label: string;
  /** The figure, as written. */
  value: string;
}

/** One item of a list section (a job, a degree, a story), mapped to common slots. */
export interface Entry {
  /** Where it came from, e.g. `work[0]`: for messages. */
  path: string;
  /** The position, degree, project or award name. */
  title: string | null;
  /** The organisation, institution, awarder, publisher or project entity. */
  subtitle: string | null;
  /**
   * `title · subtitle` (or whichever is present), assembled once for every renderer and message; null when neither is.
   */
  heading: string | null;
  /**
   * The heading after the title, for renderers that style the subtitle apart: ` · subtitle`, or the subtitle
   * alone when there is no title; null without a subtitle. `heading` is always `(title ?? '') + (headingRest ?? '')`.
   */
  headingRest: string | null;
  /** A label shown above the title (a story's kind of work). */
  category: string | null;
  /** The dates as shown, in the résumé's language: `Jan 2021 – Present`. */
  dates: string | null;
  location: string | null;
  url: EntryLink | null;
  /** Short facts shown in one line: score, roles, type. */
  details: string[];
  /** The meta line: dates, location, then the details, in that order. */
  meta: string[];
  /** The result in one line (a story's outcome). */
  outcome: Inline | null;
  summary: Inline | null;
  /** The bullets; fields with no slot of their own follow as `**Key:** value` lines. */
  highlights: Inline[];
  /** Technologies or courses. */
  keywords: string[];
  /** The entry's own figures (a story's Before / After). */
  metrics: Metric[];
  /** Tailoring tags: never shown. */
  tags: string[];
  /**
   * Which keys of the source item fill each slot, in the order they are shown within it (`dates: ['startDate',
   * 'endDate']`; extra fields close `highlights`): where the PDF's self-check expects each source string.
   */
  sources: Partial<Record<EntrySlot, string[]>>;
}

/** The slots of an entry that show the source item's fields. */
export type EntrySlot = Exclude<keyof Entry, 'path' | 'heading' | 'headingRest' | 'meta' | 'tags' | 'sources'>;

/** An entry's own link. */
export interface EntryLink {
  href: string;
  /** The address in its short form: `example.org/ledger`. */
  text: string;
  /**
   * Link text that makes sense read alone (screen readers list links out of context): `Ledger rewrite:
   * example.org/ledger`; a job's, a volunteer role's or a degree's link names the organisation.
   */
  label: string;
}

/** One item of a skills, languages or interests section (or a row of a custom section): a name, a level, keywords. */
export interface Group {
  /** Where it came from, e.g. `skills[0]`. */
  path: string;
  /** The skill group's name, the language, the interest. */
  name: string | null;
  /** The skill's level, the language's fluency. */
  level: string | null;
  /** The keywords, then (without variants) a skill's tags, then any extra text field. */
  keywords: string[];
  /** Which keys of the source item fill each slot, in the order they are shown within it (see Entry.sources). */
  sources: Partial<Record<'name' | 'level' | 'keywords', string[]>>;
}

/** One numbered principle. */
export interface Principle {
  /** Its number, two digits: `01`. */
  number: string;
  title: string;
  summary: Inline | null;
}

/** What every section has, whatever its kind. */
interface SectionBase {
  /** A folio section id (`work`), or the YAML key of a custom section (`strengths`). */
  id: SectionId | (string & {});
  /** Its title: folio.sections.<id>.title, else the catalogue's title in the résumé's language. */
  title: string;
  /** folio.sections.<id>.intro (the PDF leaves it out). */
  intro: Inline | null;
  /** folio.sections.<id>.summary (the PDF leaves it out). */
  summary: Inline | null;
}

/**
 * A section of the page, by kind: `metrics` (figures), `entries` (jobs, degrees, stories, custom paragraphs),
 * `groups` (skills, languages, interests, custom rows), `principles`, `cta` (the call to action: its `text`).
 */
export type Section =
  | (SectionBase & { kind: 'metrics'; metrics: Metric[] })
  | (SectionBase & { kind: 'entries'; entries: Entry[] })
  | (SectionBase & { kind: 'groups'; groups: Group[] })
  | (SectionBase & { kind: 'principles'; principles: Principle[] })
  | (SectionBase & { kind: 'cta'; text: Inline | null });
