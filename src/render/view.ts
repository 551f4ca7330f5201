import type { Contact, ResumeModel, Section } from '../model/model.js';

/** The id that stands for the header (name, headline, contacts) where section ids are listed: its YAML key. */
export const HEADER_ID = 'basics';

/** What a public output (HTML page, Markdown) may show of the header's contacts and address. */
export function publicHeader(model: ResumeModel): { contacts: Contact[]; address: string[] } {
  return {
    contacts: model.header.contacts.filter((c) => !c.private || (c.kind === 'phone' && model.public.phone)),
    address: model.public.address ? model.header.address : [],
  };
}

/** The small facts under an entry's title, in display order. */

/** Sections shown in the body, and the call to action that closes the page. */
export function splitSections(model: ResumeModel): { body: Section[]; cta: Extract<Section, { kind: 'cta' }> | null } {
  const cta = model.sections.find((s): s is Extract<Section, { kind: 'cta' }> => s.kind === 'cta') ?? null;
  return { body: model.sections.filter((s) => s.kind !== 'cta'), cta };
}
