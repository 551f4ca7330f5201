import { fill } from '../model/locale.js';
import type { Contact, ExtraLine, ResumeModel, Section } from '../model/model.js';
import { isSectionId } from '../validate/schema.js';

export { HEADER_ID } from '../validate/schema.js';

/** What a public output (HTML page, Markdown) may show of the header's contacts, address and extra lines. */
export function publicHeader(model: ResumeModel): { contacts: Contact[]; address: string[]; extras: ExtraLine[] } {
  return {
    contacts: model.header.contacts.filter((c) => !c.private || (c.kind === 'phone' && model.public.phone)),
    address: model.public.address ? model.header.address : [],
    extras: model.header.extras.filter((e) => e.private.every((kind) => model.public[kind])),
  };
}

/** Sections shown in the body, and the call to action that closes the page. */
export function splitSections(model: ResumeModel): { body: Section[]; cta: Extract<Section, { kind: 'cta' }> | null } {
  const cta = model.sections.find((s): s is Extract<Section, { kind: 'cta' }> => s.kind === 'cta') ?? null;
  return { body: model.sections.filter((s) => s.kind !== 'cta'), cta };
}

/**
 * The template partial that draws a section: its id for folio's own sections, its
 * kind (`entries`, `groups`) for a custom section, whose key names no template.
 */
export function partialOf(s: Section): string {
  return isSectionId(s.id) ? s.id : s.kind;
}

/** The section's id as an HTML id and class: a custom key gets a prefix (no clash with page ids) and no spaces. */
export function anchorOf(s: Section): string {
  return isSectionId(s.id) ? s.id : `custom-${s.id.replace(/\s+/g, '-')}`;
}

/** Document title: "NAME — HEADLINE", what a recruiter's PDF viewer, Word's title bar and file lists show. */
export function documentTitle(model: ResumeModel): string {
  return [model.header.name, model.header.label].filter(Boolean).join(' — ') || model.words.resume;
}

/** Document subject: "Résumé of NAME: HEADLINE", "Lebenslauf von NAME: …", in the résumé's language. */
export function documentSubject(model: ResumeModel): string {
  const { name, label } = model.header;
  const what = name ? fill(model.words.resumeOf, { name }) : model.words.resume;
  return label ? `${what}: ${label}` : what;
}

/** A copy of plain data with every string passed through `f` (the model is JSON-like). */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  // Bytes (the photo) are data, not text.
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  }
  return value;
}
