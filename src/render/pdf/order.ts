import type { EntrySlot, Header } from '../../model/model.js';

// The order in which the PDF draws what it shows. Entry.tsx and Header.tsx draw from these lists, and
// check/expected.ts reads them to know in which order a reader finds the source's strings, so the self-check's
// expectation cannot drift from the layout.

/** An entry's head, top to bottom: category line, title line (title, then the heading's rest), meta line. */
export const ENTRY_HEAD = ['category', 'title', 'subtitle', 'meta'] as const;

/** An entry's body below its head, one block each, top to bottom. */
export const ENTRY_BODY = [
  'outcome',
  'summary',
  'highlights',
  'metrics',
  'keywords',
  'url',
] as const satisfies readonly EntrySlot[];

/**
 * The header, top to bottom: name, headline, pitch, the contact line, the facts line, the fields of basics folio
 * has no slot for (one line each, in source order), the summary.
 */
export const HEADER_ORDER = [
  'name',
  'label',
  'tagline',
  'contacts',
  'facts',
  'extras',
  'summary',
] as const satisfies readonly (keyof Header | 'facts')[];

/** The header's facts line, left to right. */
export const FACTS_ORDER = ['location', 'address', 'availability'] as const satisfies readonly (keyof Header)[];

/** A group's line: `name · level: keywords` (Section.tsx). */
export const GROUP_ORDER = ['name', 'level', 'keywords'] as const;
